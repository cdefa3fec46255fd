// How the Markdown importer reads a document's structure: status lines that
// close a section, findings, glyph bullets, other task markers, priority
// headings and labels, repeated sub-headings and closing verdicts.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NoChecklistError, type ImportedChecklist } from "@/lib/import/checklist";
import { parseMarkdownChecklist } from "@/lib/import/markdown";

const rows = (checklist: ImportedChecklist) => checklist.categories.flatMap((c) => c.items.map((i) => [c.name, i.title, i.status, i.priority]));
const items = (checklist: ImportedChecklist) => checklist.categories.flatMap((c) => c.items);
const find = (checklist: ImportedChecklist, title: string) => items(checklist).find((i) => i.title === title);

describe("a section's closing status line", () => {
  it("does not swallow the section's task list, and an unfilled pick-one line is no status", () => {
    const checklist = parseMarkdownChecklist(
      ["## Onboarding", "", "- [ ] Welcome email drafted", "- [x] Demo account created", "", "**Owner**: Customer success", "**Status**: [ ] Complete | [ ] At risk | [ ] Blocked", ""].join("\n"),
    );
    expect(rows(checklist)).toEqual([
      ["Onboarding", "Welcome email drafted", "MISSING", null],
      ["Onboarding", "Demo account created", "DONE", null],
    ]);
  });

  it("never lets a section with a status line absorb a table that holds items", () => {
    const checklist = parseMarkdownChecklist(["## Storage", "**Status:** Partial", "", "| Item | Status |", "|---|---|", "| Nightly snapshot | ✅ |", "| Restore drill | ❌ |", ""].join("\n"));
    expect(rows(checklist)).toEqual([
      ["Storage", "Nightly snapshot", "DONE", null],
      ["Storage", "Restore drill", "MISSING", null],
    ]);
  });

  it("reads a filled pick-one line as the one option ticked", () => {
    const checklist = parseMarkdownChecklist(["## Launch", "### Billing cut-over", "**Status**: [ ] Complete | [x] At risk | [ ] Blocked", ""].join("\n"));
    expect(rows(checklist)).toEqual([["Launch", "Billing cut-over", "PARTIAL", null]]);
  });
});

describe("findings without a status line", () => {
  it("reads a numbered heading with a glyph and a severity as an item, with impact and timeline", () => {
    const checklist = parseMarkdownChecklist(
      [
        "## Findings",
        "#### 1. Backups never restored ❌ CRITICAL",
        "**Impact:** a bad night loses the data",
        "**Timeline:** 2-3 days",
        "",
        "#### 2. Verbose traces in production ⚠️",
        "The tracer samples every request.",
        "",
      ].join("\n"),
    );
    expect(rows(checklist)).toEqual([
      ["Findings", "Backups never restored", "MISSING", "CRITICAL"],
      ["Findings", "Verbose traces in production", "PARTIAL", null],
    ]);
    expect(find(checklist, "Backups never restored")?.effortHours).toBe(24);
  });

  it("reads a finding whose details are sub-headings as one item", () => {
    const checklist = parseMarkdownChecklist(
      ["## Findings", "### 1. Unbounded uploads ❌ HIGH", "#### Impact", "A large file fills the disk.", "#### Timeline", "1 day", "#### Recommendation", "- Cap uploads at 20 MB", "### 2. Logs kept forever ⚠️", "#### Fix", "Rotate weekly.", ""].join("\n"),
    );
    expect(rows(checklist)).toEqual([
      ["Findings", "Unbounded uploads", "MISSING", "HIGH"],
      ["Findings", "Logs kept forever", "PARTIAL", null],
    ]);
    expect(find(checklist, "Unbounded uploads")).toMatchObject({ effortHours: 8, notes: "Cap uploads at 20 MB" });
  });

  it("reads findings numbered in other ways", () => {
    const checklist = parseMarkdownChecklist("## Audit\n### ❌ 1. Shared admin password\nEveryone uses one login.\n### Finding 2: Stale TLS certificate ⚠️\nExpires in a month.\n");
    expect(rows(checklist)).toEqual([
      ["Audit", "Shared admin password", "MISSING", null],
      ["Audit", "Stale TLS certificate", "PARTIAL", null],
    ]);
  });

  it("leaves a glyph heading that holds sub-headings or task lists a category", () => {
    const checklist = parseMarkdownChecklist(["## ✅ Delivery", "### Pipelines", "- [x] Builds on push", "## ❌ Alerting", "- [ ] Pager set up", ""].join("\n"));
    expect(rows(checklist)).toEqual([
      ["Pipelines", "Builds on push", "DONE", null],
      ["Alerting", "Pager set up", "MISSING", null],
    ]);
  });
});

describe("glyph bullets and bare glyph lines", () => {
  it("reads bullets that start with a status glyph as items, the bold part as title", () => {
    const checklist = parseMarkdownChecklist(["## Build", "- ❌ **Release pipeline** - nobody set it up", "- ✓ Secrets documented", "- ✅ **Signed** images", "- a plain remark", ""].join("\n"));
    expect(rows(checklist)).toEqual([
      ["Build", "Release pipeline", "MISSING", null],
      ["Build", "Secrets documented", "DONE", null],
      ["Build", "Signed images", "DONE", null],
    ]);
    expect(find(checklist, "Release pipeline")?.notes).toBe("nobody set it up");
  });

  it("reads lines that are only a glyph and a title as items, and not legends or labelled lines", () => {
    const checklist = parseMarkdownChecklist(
      ["## Observability", "", "✅ Request tracing", "⏳ Soak test", "🚧 Dashboards", "", "✅ Done ⚠️ Partial ❌ Missing", "", "⚠️ Note: figures are from staging.", "", "🔄 Last updated: 2027-01-04", "", "✅ 12/15 checks passing", ""].join("\n"),
    );
    expect(rows(checklist)).toEqual([
      ["Observability", "Request tracing", "DONE", null],
      ["Observability", "Soak test", "PARTIAL", null],
      ["Observability", "Dashboards", "PARTIAL", null],
    ]);
  });

  it("does not read a legend list as items", () => {
    expect(() => parseMarkdownChecklist("## Legend\n- ✅ Done\n- ⚠️ Partial\n- ❌ = Missing\n")).toThrow();
  });
});

describe("other task markers", () => {
  it("reads [~] and [/] as partial and [-] as not applicable, with the reason", () => {
    const checklist = parseMarkdownChecklist(["## Data", "- [~] Retention policy written", "- [/] Export endpoint", "- [-] Mainframe bridge", "  - [~] Nested half-done", ""].join("\n"));
    expect(rows(checklist)).toEqual([
      ["Data", "Retention policy written", "PARTIAL", null],
      ["Data", "Export endpoint", "PARTIAL", null],
      ["Data", "Mainframe bridge", "NOT_APPLICABLE", null],
      ["Data", "Nested half-done", "PARTIAL", null],
    ]);
    expect(find(checklist, "Mainframe bridge")?.notApplicableReason).toBe("Marked not applicable in the document.");
  });

  it("reads the same markers in a checklist drawn in a code block", () => {
    const checklist = parseMarkdownChecklist("## Release\n```\n├─ [~] Changelog drafted\n└─ [-] Press kit\n```\n");
    expect(rows(checklist)).toEqual([
      ["Release", "Changelog drafted", "PARTIAL", null],
      ["Release", "Press kit", "NOT_APPLICABLE", null],
    ]);
  });
});

describe("priority wherever a reader sees it", () => {
  it("takes priority headings as the priority of the items below, not as categories", () => {
    const checklist = parseMarkdownChecklist(
      ["## Payments", "### Priority HIGH (core)", "- [ ] Refund flow", "### Important (should fix soon)", "- [ ] Receipt emails", "### Priority: Low", "- [x] Currency icons", ""].join("\n"),
    );
    expect(rows(checklist)).toEqual([
      ["Payments", "Refund flow", "MISSING", "HIGH"],
      ["Payments", "Receipt emails", "MISSING", "HIGH"],
      ["Payments", "Currency icons", "DONE", "LOW"],
    ]);
  });

  it("takes a bold label before a list as the priority of its items", () => {
    const checklist = parseMarkdownChecklist(
      ["## Access", "", "**Mandatory (MUST HAVE)**:", "- [ ] Single sign-on", "", "**Optional (nice to have):**", "- [ ] Passkeys", ""].join("\n"),
    );
    expect(rows(checklist)).toEqual([
      ["Access", "Single sign-on", "MISSING", "CRITICAL"],
      ["Access", "Passkeys", "MISSING", "MEDIUM"],
    ]);
  });

  it("reads headings like “High priority items”, “Blockers” and “Nice-to-have”, and a plain bold label ends a priority label", () => {
    const checklist = parseMarkdownChecklist(
      ["## Search", "### High priority items", "- [ ] Typo tolerance", "### Nice-to-have", "- [ ] Synonyms", "", "**Mandatory:**", "- [ ] Index rebuild", "", "**Backend:**", "- [ ] Query cache", "### Blockers", "- [ ] Ranking bug", ""].join("\n"),
    );
    expect(rows(checklist)).toEqual([
      ["Search", "Typo tolerance", "MISSING", "HIGH"],
      ["Search", "Synonyms", "MISSING", "MEDIUM"],
      ["Search", "Index rebuild", "MISSING", "CRITICAL"],
      ["Search", "Query cache", "MISSING", "MEDIUM"],
      ["Search", "Ranking bug", "MISSING", "CRITICAL"],
    ]);
  });

  it("reads a priority image in a finding's heading", () => {
    const checklist = parseMarkdownChecklist("## Review\n#### 3. Open admin port ❌ ![High][high]\n**Impact:** anyone can try passwords\n\n[high]: https://img.example.com/high.svg\n");
    expect(rows(checklist)).toEqual([["Review", "Open admin port", "MISSING", "HIGH"]]);
  });

  it("reads a reference image in an item as its priority and leaves the title", () => {
    const checklist = parseMarkdownChecklist("## Ops\n- [ ] Runbook for failover ![High][high]\n- [x] ![Low][low] Status page\n\n[high]: https://img.example.com/high.svg\n[low]: https://img.example.com/low.svg\n");
    expect(rows(checklist)).toEqual([
      ["Ops", "Runbook for failover", "MISSING", "HIGH"],
      ["Ops", "Status page", "DONE", "LOW"],
    ]);
  });
});

describe("the same sub-heading under different parents", () => {
  it("makes two categories, named by their path", () => {
    const checklist = parseMarkdownChecklist(["## Images", "### Best practices", "- [ ] Pinned base image", "## Scripts", "### Best practices", "- [x] Strict mode", "## Other", "- [ ] Licence file", ""].join("\n"));
    expect(rows(checklist)).toEqual([
      ["Images · Best practices", "Pinned base image", "MISSING", null],
      ["Scripts · Best practices", "Strict mode", "DONE", null],
      ["Other", "Licence file", "MISSING", null],
    ]);
  });
});

describe("closing verdicts", () => {
  it("does not read a closing status line about the whole document as an item", () => {
    const checklist = parseMarkdownChecklist(["## Checks", "- [x] Smoke tests pass", "", "## Conclusion", "", "**Status:** ✅ READY FOR PRODUCTION", ""].join("\n"));
    expect(rows(checklist)).toEqual([["Checks", "Smoke tests pass", "DONE", null]]);
  });

  it("does not read a summary's status line as an item", () => {
    const checklist = parseMarkdownChecklist("## Executive summary\n**Status:** 70% ready\n\n## Checks\n- [ ] Alerts routed\n");
    expect(rows(checklist)).toEqual([["Checks", "Alerts routed", "MISSING", null]]);
  });

  it("keeps an item whose own status says it is production ready, and drops verdict lines in any form", () => {
    const checklist = parseMarkdownChecklist(
      ["## Services", "### Logging", "**Status:** Production ready", "", "## Final decision", "**Status:** Approved for launch", "", "✅ **READY FOR PRODUCTION**", ""].join("\n"),
    );
    expect(rows(checklist)).toEqual([["Services", "Logging", "DONE", null]]);
  });
});

describe("a launch template", () => {
  it("reads status lines, task lists, findings, glyph bullets and priority headings", () => {
    const checklist = parseMarkdownChecklist(readFileSync(path.join(import.meta.dirname, "..", "fixtures", "launch-template.md"), "utf8"));
    expect(checklist.title).toBe("Launch Template: Team Calendar");
    expect(rows(checklist)).toEqual([
      ["Product", "Pricing page reviewed", "DONE", null],
      ["Product", "Feature flags cleaned up", "MISSING", null],
      ["Support", "Help centre articles", "PARTIAL", null],
      ["Support", "Support rota staffed", "DONE", null],
      ["Support", "Phone support", "NOT_APPLICABLE", null],
      ["Engineering", "Database migrations rehearsed", "MISSING", "CRITICAL"],
      ["Engineering", "Error budget agreed", "DONE", "CRITICAL"],
      ["Engineering", "Slow query log reviewed", "PARTIAL", "MEDIUM"],
      ["Web · Checks", "Lighthouse score above 90", "DONE", null],
      ["Mobile · Checks", "Crash-free sessions above 99%", "MISSING", null],
      ["Operations", "Uptime monitor", "DONE", null],
      ["Operations", "On-call escalation", "MISSING", null],
      ["Operations", "Backups verified", "DONE", null],
      ["Operations", "Load test at twice the peak", "PARTIAL", null],
      ["Audit findings", "No rollback plan", "MISSING", "CRITICAL"],
      ["Audit findings", "Admin panel exposed", "PARTIAL", "HIGH"],
    ]);
    expect(find(checklist, "No rollback plan")?.effortHours).toBe(16);
    expect(checklist.warnings).toEqual([]);
  });
});

describe("structure on random input", () => {
  it("never crashes and never makes an empty title from these constructs", () => {
    const pieces = fc.constantFrom(
      "\n", "## ", "### ", "#### ", "1. ", "- ", "- [~] ", "- [-] ", "- [/] ", "✅ ", "⏳ ", "❌ ", "⚠️ ", "**Must have:**", "**Status**: ", "[ ] Complete | [x] At risk",
      "**Impact:** ", "**Timeline:** 2 days", "CRITICAL", "![High][high]", "[high]: https://x.example/h.png", "READY FOR PRODUCTION", "Impact", "Best practices", "| Item | Status |\n|---|---|\n| a | ✅ |", " - ", "**x**",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 50 }), (parts) => {
        try {
          for (const item of items(parseMarkdownChecklist(parts.join("")))) expect(item.title.trim().length).toBeGreaterThan(0);
        } catch (error) {
          if (!(error instanceof NoChecklistError)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });
});
