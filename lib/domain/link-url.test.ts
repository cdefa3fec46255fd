import { describe, expect, it } from "vitest";
import { withAssumedScheme } from "./link-url";

describe("withAssumedScheme", () => {
  it("adds https:// to a host name typed without a scheme", () => {
    expect(withAssumedScheme("github.com/org/repo/pull/12")).toBe("https://github.com/org/repo/pull/12");
    expect(withAssumedScheme("www.example.com/x")).toBe("https://www.example.com/x");
    expect(withAssumedScheme("ci.example.co.uk:8443/runs/42?x=1")).toBe("https://ci.example.co.uk:8443/runs/42?x=1");
    expect(withAssumedScheme("example.com")).toBe("https://example.com");
    expect(withAssumedScheme("example.com#top")).toBe("https://example.com#top");
    expect(withAssumedScheme("www.runbook.md")).toBe("https://www.runbook.md");
    expect(withAssumedScheme("runbook.md/x")).toBe("https://runbook.md/x");
  });

  it("leaves addresses with a scheme, and text that is no host name, as typed", () => {
    for (const typed of ["https://example.com", "http://example.com/x", "javascript:alert(1)", "data:text/html,hi", "ftp://files.example.com/x", "mailto:a@example.com", "not a url", "localhost:3000/x", "docs/runbook.md", "runbook.md", "scripts/backup.sh", "a b.com", "-bad.example.com", "1.2.3.4/x", ""]) {
      expect(withAssumedScheme(typed), typed).toBe(typed);
    }
  });
});
