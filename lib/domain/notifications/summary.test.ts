import { describe, expect, it } from "vitest";
import { assignedSummary, invitationAcceptedSummary, itemPath, plainText, waiverDecidedSummary } from "@/lib/domain/notifications/summary";

describe("notification summaries", () => {
  it("say who did what to what, where, in one plain sentence", () => {
    expect(assignedSummary("Lena Lead", [{ title: "TLS everywhere" }], { projectName: "Checkout API" })).toBe("Lena Lead assigned you “TLS everywhere” in Checkout API");
    expect(assignedSummary("Lena Lead", Array.from({ length: 5 }, () => ({ title: "x" })), { projectName: "Checkout API" })).toBe("Lena Lead assigned you 5 items in Checkout API");
    expect(waiverDecidedSummary("Lena Lead", "REJECTED", { title: "Pen test" }, { projectName: "Shop" })).toBe("Lena Lead rejected the waiver on “Pen test” in Shop");
    expect(invitationAcceptedSummary("Nora New", "Acme", "ENGINEER")).toBe("Nora New accepted your invitation to Acme and joined as an engineer");
  });

  it("strip direction controls and line breaks from names and titles", () => {
    expect(plainText("Mallory\u202E\u2066 Admin\n\tX")).toBe("Mallory Admin X");
    expect(assignedSummary("\u202EEve", [{ title: "a\u0000b" }], { projectName: "P\u2069" })).toBe("Eve assigned you “a b” in P");
    expect(plainText("\u200F\u200E")).toBe("someone");
    expect(Array.from(plainText("x".repeat(200))).length).toBe(80);
  });

  it("link to the item's page", () => {
    expect(itemPath("p1", "i1")).toBe("/projects/p1/items/i1");
  });
});
