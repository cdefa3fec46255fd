// Which face draws which character: the fallback chain of the PDF fonts.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allFontFiles, chainFor, faceFor } from "./pdf-fonts";

describe("PDF fonts", { timeout: 60_000 }, () => {
  it("are all installed where the app, the CLI and the container image look for them", () => {
    for (const file of allFontFiles()) expect(existsSync(file), file).toBe(true);
  });

  it("draw each character with the first face of the chain that has it", () => {
    const latin = chainFor("Checkout");
    const face = (cluster: string, chain = latin) => faceFor(cluster, chain, "regular");
    for (const char of ["A", "é", "Ж", "Ω", "–", "—", "·", "“", "%"]) expect(face(char), char).toBe("latin");
    expect(face("ب")).toBe("arabic");
    expect(face("ש")).toBe("hebrew");
    // The report's own glyphs: ○ ◐ ● ◆ from the symbol faces, → for changes.
    for (const char of ["○", "◐", "●", "◆", "✓"]) expect(face(char), char).toBe("symbols2");
    expect(face("→")).toBe("symbols");
    expect(face("≤")).toBe("dejavu");
    expect(face("🚀")).toBe("emoji");
    expect(face("✅")).toBe("emoji");
    // An emoji sequence stays in one face: woman + ZWJ + laptop, a skin tone, a text symbol asked to look like an emoji.
    expect(face("👩‍💻")).toBe("emoji");
    expect(face("👍🏽")).toBe("emoji");
    expect(face("⚠️")).toBe("emoji");
  });

  it("prefer the CJK face of the text's language for the Han characters the languages share", () => {
    expect(faceFor("決", chainFor("決済サービス"), "regular")).toBe("jp");
    expect(faceFor("決", chainFor("決済"), "regular")).toBe("sc");
    expect(faceFor("支", chainFor("支付服务"), "bold")).toBe("sc");
    expect(faceFor("서", chainFor("결제 서비스"), "regular")).toBe("kr");
    expect(faceFor("金", chainFor("결제 金"), "regular")).toBe("kr");
  });
});
