// Tables as people write them: which column is the item, which the status,
// and which tables hold no items at all.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { Table } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { NoChecklistError, type ImportedChecklist } from "@/lib/import/checklist";
import { parseMarkdownChecklist } from "@/lib/import/markdown";
import { readStatus } from "@/lib/import/words";
import type { Context } from "./context";
import { readTable } from "./tables";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "..", "fixtures", name), "utf8");
const items = (checklist: ImportedChecklist) => checklist.categories.flatMap((c) => c.items);
const rows = (checklist: ImportedChecklist) => items(checklist).map((i) => [i.title, i.status]);
const table = (...lines: string[]) => parseMarkdownChecklist(["## Launch", "", ...lines].join("\n"));

describe("the item column (kind 2)", () => {
  it("takes headers such as Check name, Title, Deliverable, Criterion and Blocker as the item column", () => {
    for (const header of ["Check name", "Item name", "Task name", "Title", "Deliverable", "Criterion", "Requirement", "Blocker"]) {
      const checklist = table(`| Owner | ${header} | Status |`, "|---|---|---|", "| Kim | Backups restore cleanly | Done |", "| Lee | Alerts reach a person | No |");
      expect(rows(checklist), header).toEqual([
        ["Backups restore cleanly", "DONE"],
        ["Alerts reach a person", "MISSING"],
      ]);
    }
  });

  it("treats a leading #, ID or TaskId column as a key, never the title", () => {
    const numbered = table("| # | Check | Status |", "|---|---|---|", "| 1 | Health endpoint | ✅ |", "| 2 | Graceful shutdown | ❌ |");
    expect(rows(numbered)).toEqual([
      ["Health endpoint", "DONE"],
      ["Graceful shutdown", "MISSING"],
    ]);
    expect(items(numbered).map((i) => i.key)).toEqual([undefined, undefined]);
    const keyed = table("| TaskId | Summary | State |", "|---|---|---|", "| T-001 | Rotate the signing keys | ✅ Done |", "| PRD-0002 | Publish the status page | ❌ |");
    expect(rows(keyed)).toEqual([
      ["Rotate the signing keys", "DONE"],
      ["Publish the status page", "MISSING"],
    ]);
    expect(items(keyed).map((i) => i.key)).toEqual(["t-001", "prd-0002"]);
    // A leading column of P0 / P1 is a priority, not a key.
    const ranked = table("| Priority | Check | Status |", "|---|---|---|", "| P0 | Backups | ✅ |", "| P1 | Alerts | ❌ |");
    expect(items(ranked).map((i) => [i.title, i.priority, i.key])).toEqual([
      ["Backups", "CRITICAL", undefined],
      ["Alerts", "HIGH", undefined],
    ]);
  });

  it("takes the first column of text no other header claims as the item", () => {
    const checklist = table("| Owner | Thing to do | Priority | Status |", "|---|---|---|---|", "| Kim | Rotate the database password | High | Done |");
    expect(items(checklist).map((i) => [i.title, i.owner, i.priority, i.status])).toEqual([["Rotate the database password", "Kim", "HIGH", "DONE"]]);
  });

  it("never takes a column of counts as the title", () => {
    const checklist = table("| Passed | Suite | Outcome |", "|---|---|---|", "| 3/15 | Accessibility audit | ⚠️ |", "| N/A | Payments sandbox | ✅ |", "| 26 | Smoke suite | ✅ |");
    expect(rows(checklist)).toEqual([
      ["Accessibility audit", "PARTIAL"],
      ["Payments sandbox", "DONE"],
      ["Smoke suite", "DONE"],
    ]);
  });

  it("reads headers in other languages when the cells make the status column obvious", () => {
    expect(rows(table("| Hạng Mục | Trạng Thái | Ghi Chú |", "|---|---|---|", "| Sao lưu dữ liệu | ✅ | hằng ngày |", "| Giám sát | ⚠️ Một phần | |")).slice(0, 2)).toEqual([
      ["Sao lưu dữ liệu", "DONE"],
      ["Giám sát", "PARTIAL"],
    ]);
    expect(rows(table("| Élément | Statut |", "|---|---|", "| Chiffrement au repos | ❌ |"))).toEqual([["Chiffrement au repos", "MISSING"]]);
    expect(rows(table("| 项目 | 状态 |", "|---|---|", "| 日志收集 | ✅ |", "| 压力测试 | ❌ |"))).toEqual([
      ["日志收集", "DONE"],
      ["压力测试", "MISSING"],
    ]);
    // No header known at all: the glyphs still show which column is the status.
    expect(rows(table("| Controle | Toestand | Opmerking |", "|---|---|---|", "| Virusscan | ✅ | dagelijks |", "| Noodplan | ❌ | ontbreekt |"))).toEqual([
      ["Virusscan", "DONE"],
      ["Noodplan", "MISSING"],
    ]);
  });

  it("does not read per-level columns (Tier 1, Level 2) holding ✅ as a priority", () => {
    const checklist = table("| Requirement | Level 1 | Level 2 | Status |", "|---|---|---|---|", "| MFA for admins | ✅ | ✅ | Done |", "| Pen test | | ✅ | Missing |");
    expect(items(checklist).map((i) => [i.title, i.status, i.priority])).toEqual([
      ["MFA for admins", "DONE", null],
      ["Pen test", "MISSING", null],
    ]);
    expect(checklist.warnings).toEqual([]);
  });

  it("reads coloured priorities as priorities, never as the status", () => {
    const checklist = table("| Item | Priority |", "|---|---|", "| Backups | 🔴 High |", "| Dark mode | 🟢 Low |");
    expect(items(checklist).map((i) => [i.title, i.status, i.priority])).toEqual([
      ["Backups", "MISSING", "HIGH"],
      ["Dark mode", "MISSING", "LOW"],
    ]);
  });

  it("says which tables were skipped, and why, when it refuses a document", () => {
    const source = "# Notes\n\n| Symbol | Meaning |\n|---|---|\n| ✅ | Done |\n\n| Role | Name | Contact |\n|---|---|---|\n| Lead | Sam | sam@example.com |\n";
    let refusal: unknown;
    try {
      parseMarkdownChecklist(source);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(NoChecklistError);
    const message = (refusal as Error).message;
    expect(message).toContain("line 3: table “Symbol, Meaning” has no item column");
    expect(message).toContain("line 7: table “Role, Name, Contact” lists people, not items");
  });
});

describe("status columns and phrases (kind 3)", () => {
  it("reads Current / Today / As-is / State / Now as the status, never Needed or Target", () => {
    for (const header of ["Current", "Today", "As-is", "State", "Now"]) {
      const checklist = table(`| Component | ${header} | Needed | Effort | Priority |`, "|---|---|---|---|---|", "| Load balancer | ❌ No | ✅ Yes | 1 day | HIGH |", "| WAF | ⚠️ Permissive | ✅ Strict | 2 days | MEDIUM |", "| TLS | ✅ Local only | ✅ Everywhere | 4h | HIGH |");
      expect(items(checklist).map((i) => [i.title, i.status, i.priority, i.effortHours]), header).toEqual([
        ["Load balancer", "MISSING", "HIGH", 8],
        ["WAF", "PARTIAL", "MEDIUM", 16],
        ["TLS", "PARTIAL", "HIGH", 4],
      ]);
    }
    const target = table("| Item | Target state | Current state |", "|---|---|---|", "| Backups | ✅ Daily | ❌ None |");
    expect(rows(target)).toEqual([["Backups", "MISSING"]]);
  });

  it("reads the free-text statuses people write", () => {
    const cases: [string, string][] = [
      ["Basic", "PARTIAL"], ["Started", "PARTIAL"], ["Some", "PARTIAL"], ["Dev only", "PARTIAL"],
      ["Config exists, but alerting missing", "PARTIAL"], ["Partial (only a template)", "PARTIAL"], ["✅ Local only", "PARTIAL"], ["⚠️ Permissive", "PARTIAL"],
      ["Not implemented", "MISSING"], ["None", "MISSING"], ["No", "MISSING"], ["❌ No", "MISSING"],
      ["Done", "DONE"], ["✅ Yes", "DONE"], ["Pass", "DONE"], ["Failed", "MISSING"], ["Blocked", "MISSING"], ["Not yet", "MISSING"], ["TBD", "MISSING"], ["Not implemented, but planned", "MISSING"], ["Mostly done", "PARTIAL"],
      ["[x] Complete | [ ] At risk | [ ] Blocked", "DONE"], ["[ ] Complete | [x] Blocked", "MISSING"],
    ];
    for (const [text, status] of cases) expect(readStatus(text), text).toEqual({ status, recognised: true });
    // A pick-one line nobody has filled in says nothing yet.
    expect(readStatus("[ ] Complete | [ ] At risk | [ ] Blocked")).toBeNull();
  });

  it("reads a status written as a sentence as a careful reader would", () => {
    const cases: [string, string][] = [
      // What leads the sentence says it, unless the rest says something is still missing.
      ["Not started – waiting for the vendor contract", "MISSING"],
      ["Not started yet because the vendor has not signed", "MISSING"],
      ["Not yet implemented, planned for Q3", "MISSING"],
      ["None yet, the team has not looked at it", "MISSING"],
      ["Missing entirely – nobody owns it", "MISSING"],
      ["Partially done: web is covered, mobile is not", "PARTIAL"],
      ["Done, verified by QA on staging", "DONE"],
      // Done with something short of done is partial.
      ["Implemented in the API gateway, but the admin endpoints are not covered yet", "PARTIAL"],
      ["Done for web; mobile still pending on the release", "PARTIAL"],
      ["Backups exist, but restores were never tested", "PARTIAL"],
      ["Logging exists but alerting is missing", "PARTIAL"],
      ["Exists in the repo, not wired into CI yet", "PARTIAL"],
      ["Implemented but not tested", "PARTIAL"],
      ["Implemented, needs review", "PARTIAL"],
      ["Implemented, tests still needed", "PARTIAL"],
      ["TLS is configured everywhere except the legacy admin host", "PARTIAL"],
      ["Set up in staging, not yet in production", "PARTIAL"],
      ["Not fully implemented on mobile", "PARTIAL"],
      ["Works in staging only", "PARTIAL"],
      ["Started on the API side, the UI is still to do", "PARTIAL"],
      ["Has a basic version without retries", "PARTIAL"],
      ["Only a template so far", "PARTIAL"],
      // Nothing said against it: done.
      ["In place since March for all services", "DONE"],
      ["Implemented and deployed to all regions", "DONE"],
      ["Completed last sprint and verified in staging", "DONE"],
      ["Runbook in place for the database team", "DONE"],
      ["Rate limiting is done at the gateway level", "DONE"],
      ["No known issues, fully implemented", "DONE"],
      ["The read-only replica exists in two regions", "DONE"],
      // Nothing done, said in a sentence.
      ["There is no runbook", "MISSING"],
      ["No alerting at all yet", "MISSING"],
      ["Needs to be implemented before launch", "MISSING"],
      ["Isn't configured for the EU region", "MISSING"],
    ];
    for (const [text, status] of cases) expect(readStatus(text), text).toEqual({ status, recognised: true });
    const checklist = table("| Item | Status |", "|---|---|", "| Admin API | Implemented in the API gateway, but the admin endpoints are not covered yet |", "| Vendor SSO | Not started – waiting for the vendor contract |");
    expect(rows(checklist)).toEqual([
      ["Admin API", "PARTIAL"],
      ["Vendor SSO", "MISSING"],
    ]);
    expect(checklist.warnings).toEqual([]);
  });

  it("still warns about a sentence whose status is unclear", () => {
    for (const text of [
      "The team discussed this at the offsite",
      "Unclear whether this is needed",
      "No idea, ask the platform team",
      "Not sure anyone has looked at it",
      "Was implemented but then rolled back",
      "Done, but see the notes",
      "Done for web, but mobile is a different story",
      "Implemented, should be load-tested before launch?",
      "See the security review from May",
      "No changes required for this release",
      `Implemented ${"and verified ".repeat(40)}`,
    ]) {
      expect(readStatus(text), text).toEqual({ status: "MISSING", recognised: false });
    }
  });

  it("warns about a status it does not recognise instead of guessing", () => {
    for (const text of ["Open question for legal", "Nobody knows whether this is ready", "sort of"]) expect(readStatus(text)?.recognised, text).toBe(false);
    const checklist = table("| Item | Status |", "|---|---|", "| Data retention | Open question for legal |");
    expect(checklist.warnings.map((w) => w.message)).toEqual(["Status “Open question for legal” of “Data retention” is not recognised; imported as Missing."]);
  });
});

describe("checkboxes in table cells (kind 6)", () => {
  it("reads [x] / [ ] / [~] / [-] in the item cell as the status and removes the box from the title", () => {
    const checklist = table("| Step | Owner |", "|---|---|", "| [x] Code merged | Ana |", "| [ ] Release notes written | Bo |", "| [~] Docs updated | Cy |", "| [-] Mobile build | Di |");
    expect(rows(checklist)).toEqual([
      ["Code merged", "DONE"],
      ["Release notes written", "MISSING"],
      ["Docs updated", "PARTIAL"],
      ["Mobile build", "NOT_APPLICABLE"],
    ]);
    expect(checklist.warnings).toEqual([]);
  });
});

describe("tables that hold no items (kind 10)", () => {
  it("skips rosters, schedules and Total rows", () => {
    const checklist = parseMarkdownChecklist(
      [
        "## Checks",
        "| Item | Status |",
        "|---|---|",
        "| Backups | ✅ |",
        "| **Total** | 1/1 |",
        "",
        "## Contacts",
        "| Role | Name | Contact |",
        "|---|---|---|",
        "| Incident lead | Rui | rui@example.com |",
        "",
        "## Timeline",
        "| Phase | Tasks | Target |",
        "|---|---|---|",
        "| Phase 1 | Hardening, load test | 2026-12-01 |",
      ].join("\n"),
    );
    expect(rows(checklist)).toEqual([["Backups", "DONE"]]);
    expect(checklist.categories.map((c) => c.name)).toEqual(["Checks"]);
  });

  it("skips a schedule that tracks a status per period, naming it in a warning", () => {
    const schedules = [
      ["| Phase | Tasks | Target | Status |", "| Phase 1 | Auth, billing | 2026-12-01 | ✅ Done |", "| Phase 2 | Reports | 2027-01-15 | 🚧 In progress |"],
      ["| Week | Milestone | Owner | Status |", "| Week 1 | Beta opens | Kim | Done |", "| Week 2 | Public launch | Lee | Not started |"],
      ["| Sprint | Goal | Dates | Status |", "| Sprint 12 | Hardening | Jan 5 – Jan 19 | In progress |"],
      ["| Stage | Deliverables | Deadline | State |", "| Alpha | Core API | 2026-11-01 | Complete |"],
      ["| Quarter | Objective | Status |", "| Q1 2027 | Launch in the EU | ✅ |"],
      ["| Milestone | Description | Due | Status |", "| M1 | Private beta | 2026-12-01 | ✅ |"],
      ["| Release | Features | Date | Status |", "| 2.0 | Teams, SSO | 2027-02-01 | Planned |"],
      ["| # | Iteration | Scope | Status |", "| 1 | Iteration 1 | Sign-up flow | Done |"],
      // No period header, but a leading column of periods beside a column of dates.
      ["| Plan | Tasks | Target | Status |", "| Phase 1 | Auth | 2026-12-01 | ✅ |", "| Phase 2 | Billing | 2027-01-15 | ❌ |"],
    ];
    for (const [header, ...body] of schedules) {
      const width = header.split("|").length - 2;
      const source = ["## Checks", "| Item | Status |", "|---|---|", "| Backups | ✅ |", "", "## Timeline", header, `|${"---|".repeat(width)}`, ...body].join("\n");
      const checklist = parseMarkdownChecklist(source);
      expect(rows(checklist), header).toEqual([["Backups", "DONE"]]);
      const headings = header.split("|").slice(1, -1).map((h) => h.trim()).join(", ");
      expect(checklist.warnings, header).toEqual([{ line: 7, message: `Table “${headings}” is a schedule, not items; it was not imported.` }]);
    }
  });

  it("keeps item tables that have a date or milestone column, or group their items by period", () => {
    const kept = [
      ["| Item | Status | Due |", "| Backups | Done | 2026-12-01 |", "| Alerts | Missing | 2027-01-15 |"],
      ["| Check | Status | Milestone |", "| Backups | Done | M1 |", "| Alerts | Missing | M2 |"],
      ["| Phase | Check | Status |", "| Phase 1 | Backups | Done |", "| Phase 1 | Alerts | Missing |"],
      ["| Milestone | Requirement | Target | Status |", "| M1 | Backups | 2026-12-01 | Done |", "| M2 | Alerts | 2027-01-15 | Missing |"],
      ["| Task | Status | Target date |", "| Backups | Done | 2026-12-01 |", "| Alerts | Missing | 2027-01-15 |"],
    ];
    for (const [header, ...body] of kept) {
      const width = header.split("|").length - 2;
      const checklist = table(header, `|${"---|".repeat(width)}`, ...body);
      expect(rows(checklist), header).toEqual([
        ["Backups", "DONE"],
        ["Alerts", "MISSING"],
      ]);
      expect(checklist.warnings, header).toEqual([]);
    }
  });

  it("names a skipped schedule with a status column when it refuses a document", () => {
    expect(() => parseMarkdownChecklist("# Plan\n\n| Phase | Tasks | Target | Status |\n|---|---|---|---|\n| Phase 1 | Auth | 2026-12-01 | ✅ Done |\n")).toThrow(
      "line 3: table “Phase, Tasks, Target, Status” is a schedule, not items",
    );
  });
});

describe("fixtures", () => {
  it("reads an ID-first document", () => {
    const checklist = parseMarkdownChecklist(fixture("id-first-tables.md"));
    expect(checklist.categories.map((c) => [c.name, c.items.length])).toEqual([
      ["Infrastructure", 4],
      ["Quality Gates", 3],
    ]);
    expect(items(checklist).map((i) => [i.key ?? null, i.title, i.status, i.priority])).toEqual([
      ["inf-001", "Load balancer in front of the API", "MISSING", "HIGH"],
      ["inf-002", "Firewall rules reviewed", "PARTIAL", "MEDIUM"],
      ["inf-003", "TLS certificates renewed automatically", "PARTIAL", "HIGH"],
      ["inf-004", "Container images pinned by digest", "DONE", "LOW"],
      [null, "Code merged to main", "DONE", null],
      [null, "Release notes drafted", "MISSING", null],
      [null, "Changelog reviewed", "PARTIAL", null],
    ]);
    expect(checklist.warnings.map((w) => w.message)).toEqual(["Table “Role, Name, Contact” lists people, not items; it was not imported.", "Table “Phase, Tasks, Target” is a schedule, not items; it was not imported."]);
  });

  it("reads sentence statuses and skips the schedules of a launch plan", () => {
    const checklist = parseMarkdownChecklist(fixture("timeline-and-sentences.md"));
    expect(checklist.categories.map((c) => [c.name, c.items.length])).toEqual([
      ["Operations", 5],
      ["Quality", 2],
    ]);
    expect(rows(checklist)).toEqual([
      ["Admin API authentication", "PARTIAL"],
      ["Mobile push notifications", "PARTIAL"],
      ["Vendor single sign-on", "MISSING"],
      ["Database runbook", "DONE"],
      ["Data retention policy", "MISSING"],
      ["Load test at 2× peak", "DONE"],
      ["Chaos drill", "PARTIAL"],
    ]);
    expect(checklist.warnings.map((w) => [w.line, w.message])).toEqual([
      [11, "Status “Open question for legal” of “Data retention policy” is not recognised; imported as Missing."],
      [22, "Table “Phase, Tasks, Target, Status” is a schedule, not items; it was not imported."],
      [27, "Table “Week, Milestone, Owner, Status” is a schedule, not items; it was not imported."],
    ]);
  });

  it("reads a document with non-English headers", () => {
    const checklist = parseMarkdownChecklist(fixture("non-english-headers.md"));
    expect(checklist.categories.map((c) => [c.name, c.items.length])).toEqual([
      ["Hạ tầng", 3],
      ["Sécurité", 2],
      ["监控", 2],
    ]);
    expect(rows(checklist)).toEqual([
      ["Máy chủ dự phòng", "DONE"],
      ["Sao lưu cơ sở dữ liệu", "PARTIAL"],
      ["Kế hoạch khôi phục", "MISSING"],
      ["Chiffrement des sauvegardes", "DONE"],
      ["Revue des accès", "MISSING"],
      ["告警通知", "DONE"],
      ["日志保留", "PARTIAL"],
    ]);
    expect(items(checklist)[0].notes).toBe("hai vùng");
    expect(checklist.warnings).toEqual([]);
  });
});

describe("never throws", () => {
  it("reads any status cell and any table without throwing", () => {
    const piece = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("✅", "⚠️", "❌", "[x] ", "[~]", "No", "but", "only", "not", "implemented", "isn't", "still to", "constructor", "?", "N/A", "3/15", "**Total**", "|", "—"));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const reading = readStatus(parts.join(" "));
        if (reading) expect(["DONE", "PARTIAL", "MISSING", "NOT_APPLICABLE"]).toContain(reading.status);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.array(fc.array(piece, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (cells) => {
        const width = cells[0].length;
        const lines = cells.map((row) => `| ${Array.from({ length: width }, (_, i) => (row[i] ?? "").replace(/[|\n]/g, " ")).join(" | ")} |`);
        lines.splice(1, 0, `|${"---|".repeat(width)}`);
        const tree = fromMarkdown(lines.join("\n"), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
        const context: Context = { categories: new Map(), warnings: [] };
        for (const node of tree.children) if (node.type === "table") readTable(node as Table, context, "General", null);
        for (const category of context.categories.values()) for (const i of category.items) expect(i.title.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
