import { describe, expect, it } from "vitest";
import { readinessBadge } from "./badge";

describe("readiness badge", () => {
  it("shows the percent and level in the level's colour", () => {
    const svg = readinessBadge({ percent: 57, level: 1 });
    expect(svg).toContain('aria-label="readiness: 57% · L1"');
    expect(svg).toContain('fill="#f0ad4e"');
    expect(readinessBadge({ percent: 100, level: 3 })).toContain('fill="#2e9e44"');
  });

  it("is grey and says unknown without a score, and escapes its label", () => {
    const svg = readinessBadge(null, 'a<b>&"c"');
    expect(svg).toContain("unknown");
    expect(svg).toContain("a&lt;b&gt;&amp;&quot;c&quot;");
    expect(svg).not.toContain("<b>");
  });
});
