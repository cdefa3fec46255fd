import { describe, expect, it } from "vitest";
import { documentTooLarge, MAX_DOCUMENT_BYTES } from "./document";
import { importChecklistInput } from "./import";
import { saveTemplateInput } from "./template";

// One limit for imports and templates, counted in UTF-8 bytes as a file is.
describe("document size", () => {
  it("accepts a document of exactly the limit and refuses one byte more, saying how large it is", () => {
    expect(documentTooLarge("a".repeat(MAX_DOCUMENT_BYTES))).toBeNull();
    expect(documentTooLarge("a".repeat(MAX_DOCUMENT_BYTES + 1))).toMatch(/1\.0 MB; the limit is 1 MB/);
  });

  it("counts bytes, not characters", () => {
    const text = "é".repeat(MAX_DOCUMENT_BYTES / 2 + 1);
    expect(text.length).toBeLessThan(MAX_DOCUMENT_BYTES);
    expect(importChecklistInput.safeParse({ text }).error?.issues[0]).toMatchObject({ path: ["text"], message: expect.stringMatching(/limit is 1 MB/) });
  });

  it("is the same for imports and templates", () => {
    const text = "# x\n".repeat(MAX_DOCUMENT_BYTES / 4 + 1);
    expect(importChecklistInput.safeParse({ text }).success).toBe(false);
    expect(saveTemplateInput.safeParse({ text }).success).toBe(false);
    expect(saveTemplateInput.safeParse({ text: "# x\n".repeat(1000) }).success).toBe(true);
  });
});
