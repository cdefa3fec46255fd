// The Markdown importer, construct by construct, then on whole documents in
// the two styles teams write: a status table with evidence and sprint task
// lists, and a gap analysis with Need / Why tables, gap sections and a
// checklist drawn in a code block (also doubly encoded).
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dryRunJson, NoChecklistError, type ImportedChecklist } from "./checklist";
import { cleanName, looksLikePath, parseMarkdownChecklist } from "./markdown";
import { repairMojibake } from "./repair-encoding";
import { readEffort, readPriority, readStatus } from "./words";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
const summary = (checklist: ImportedChecklist) => checklist.categories.map((c) => `${c.name}: ${c.items.map((i) => `${i.title} [${i.status}]`).join("; ")}`);
const item = (checklist: ImportedChecklist, title: string) => checklist.categories.flatMap((c) => c.items).find((i) => i.title === title);

// UTF-8 read as a Windows code page and saved again, with the bytes that
// code page cannot show dropped, as real files arrive.
// Node decodes 1254 faithfully; 1252 differs from it in six letters.
const TURKISH_TO_1252: Record<string, string> = { ğ: "ð", Ğ: "Ð", İ: "Ý", Ş: "Þ", ı: "ý", ş: "þ" };
const doubleEncode = (text: string, codePage: "windows-1252" | "windows-1254") => {
  const turkish = new TextDecoder("windows-1254").decode(Buffer.from(text, "utf8")).replace(/[\u0080-\u009f]/g, "");
  return codePage === "windows-1254" ? turkish : turkish.replace(/[ğĞİŞış]/g, (c) => TURKISH_TO_1252[c]);
};

describe("words", () => {
  it("reads statuses: glyphs before words, N/A and Unknown always", () => {
    const cases: [string, string][] = [
      ["✅ Done", "DONE"], ["✅ 523+ tests", "DONE"], ["●", "DONE"], ["Yes", "DONE"], ["Implemented", "DONE"],
      ["🚧 Framework ready", "PARTIAL"], ["⚙️ Configure at the gateway", "PARTIAL"], ["◐", "PARTIAL"], ["In progress", "PARTIAL"], ["Partial", "PARTIAL"],
      ["❌", "MISSING"], ["○", "MISSING"], ["Not implemented", "MISSING"], ["No", "MISSING"], ["Missing", "MISSING"], ["⚠️ Unknown", "MISSING"],
      ["N/A", "NOT_APPLICABLE"], ["n/a — no mobile app", "NOT_APPLICABLE"],
    ];
    for (const [text, status] of cases) expect(readStatus(text)?.status, text).toBe(status);
    expect(readStatus("maybe later")).toEqual({ status: "MISSING", recognised: false });
    expect(readStatus("  ")).toBeNull();
  });

  it("reads priorities and efforts", () => {
    expect(["Critical", "MUST", "P0", "High", "should", "Medium", "nice to have", "Low", "later", "whenever"].map(readPriority)).toEqual([
      "CRITICAL", "CRITICAL", "CRITICAL", "HIGH", "HIGH", "MEDIUM", "MEDIUM", "LOW", "LOW", null,
    ]);
    expect(["2 days", "8 hours", "30 min", "1 week", "1.5d", "2-3 days", "4h", "lots", ""].map(readEffort)).toEqual([16, 8, 0.5, 40, 12, 24, 4, null, null]);
  });

  it("cleans names and tells repository paths from other code", () => {
    expect(cleanName("3. ❌ Error Handling")).toBe("Error Handling");
    expect(cleanName("Testing (More Than Expected)", { dropRemark: true })).toBe("Testing");
    expect(cleanName("HTTPS (HSTS)")).toBe("HTTPS (HSTS)");
    expect(cleanName("Step 2: Deploy ✅")).toBe("Deploy");
    expect(["core/rate_limit.py", "docs/", ".env.example", "pytest.ini"].every(looksLikePath)).toBe(true);
    expect(["/health", "check_db()", "SENTRY_DSN", "npm run lint"].some(looksLikePath)).toBe(false);
  });
});

describe("repairing double encoding", () => {
  it("restores glyphs, emoji and box drawing, guessing dropped bytes, and leaves real accents alone", () => {
    expect(repairMojibake("âœ… Done").text).toBe("✅ Done");
    expect(repairMojibake("ğŸš§ Needs work").text).toBe("🚧 Needs work");
    expect(repairMojibake("âš™ï¸ Gateway").text).toBe("⚙️ Gateway");
    expect(repairMojibake("â”Œâ”€â”").text).toBe("┌─┐");
    // ◐ and ● both lose their last byte; the guess is the cautious ◐.
    expect(repairMojibake("â— = Partial").text).toBe("◐ = Partial");
    expect(repairMojibake("Café, naïve, São Paulo, Ünlü").text).toBe("Café, naïve, São Paulo, Ünlü");
    expect(repairMojibake("plain text").repaired).toBe(0);
  });
});

describe("Markdown constructs", () => {
  it("turns a table with an item column into items with status, priority, effort and evidence", () => {
    const checklist = parseMarkdownChecklist(
      [
        "## Security",
        "| Control | Owner | Priority | Status | Effort | Evidence |",
        "|---|---|---|---|---|---|",
        "| Rate limiting | Ana | Must | ✅ Done | 2 days | [PR 7](https://git.example.com/pull/7), `src/limit.ts` |",
        "| Audit log | | Should | 🚧 | 4h | |",
      ].join("\n"),
    );
    expect(checklist.categories.map((c) => c.name)).toEqual(["Security"]);
    expect(checklist.categories[0].items[0]).toMatchObject({
      title: "Rate limiting",
      status: "DONE",
      priority: "CRITICAL",
      effortHours: 16,
      evidence: ["https://git.example.com/pull/7", "src/limit.ts"],
      owner: "Ana",
      line: 4,
    });
    expect(checklist.categories[0].items[1]).toMatchObject({ title: "Audit log", status: "PARTIAL", priority: "HIGH", effortHours: 4, line: 5 });
  });

  it("reads task lists, nested ones too, with sub-bullets as notes", () => {
    const checklist = parseMarkdownChecklist("### CI\n- [x] Tests on every push (`.ci/run`)\n  - runs in 7 minutes\n- [ ] Deploy on merge\n  - [ ] Canary first\n");
    expect(summary(checklist)).toEqual(["CI: Tests on every push [DONE]; Deploy on merge [MISSING]; Canary first [MISSING]"]);
    expect(item(checklist, "Tests on every push")).toMatchObject({ evidence: [".ci/run"], notes: "runs in 7 minutes", line: 2 });
  });

  it("gives MUST / SHOULD headings' items their priority, in the category above", () => {
    const checklist = parseMarkdownChecklist("## Security\n### MUST\n- [ ] Secrets in a vault\n### SHOULD\n- [x] Security headers\n");
    expect(checklist.categories).toHaveLength(1);
    expect(checklist.categories[0].items.map((i) => [i.title, i.priority])).toEqual([
      ["Secrets in a vault", "CRITICAL"],
      ["Security headers", "HIGH"],
    ]);
  });

  it("turns a gap section into one item with its status, impact, effort and notes", () => {
    const checklist = parseMarkdownChecklist("## Gaps\n### 3. ❌ Error Handling\n**Status:** Not implemented\n**Impact:** High\n**Effort:** 3 days\n\n- Errors are swallowed\n");
    expect(checklist.categories[0]).toMatchObject({
      name: "Gaps",
      items: [{ title: "Error Handling", status: "MISSING", priority: "HIGH", effortHours: 24, notes: "Errors are swallowed", line: 2 }],
    });
  });

  it("reads checkboxes drawn in code blocks, with group lines as categories, and nothing else in code", () => {
    const checklist = parseMarkdownChecklist("## Launch\n```\nREADY?\n├─ Build\n│  ├─ [x] Dockerfile created\n│  └─ [ ] Image signed\n└─ Team\n   └─ [ ] On-call agreed\n```\n\n```bash\nnpm test # - [ ] not this: no tree\n```\n");
    expect(summary(checklist)).toEqual(["Build: Dockerfile created [DONE]; Image signed [MISSING]", "Team: On-call agreed [MISSING]"]);
    expect(item(checklist, "Dockerfile created")?.line).toBe(5);
  });

  it("warns about what it could not read and drops nothing silently", () => {
    const checklist = parseMarkdownChecklist(
      ["## Ops", "| Item | Status | Effort |", "|---|---|---|", "| Runbooks | sort of | ages |", "| | ✅ | |", "", "| Symbol | Meaning |", "|---|---|", "| ✅ | Done |"].join("\n"),
    );
    expect(checklist.warnings.map((w) => [w.line, w.message])).toEqual([
      [4, "Status “sort of” of “Runbooks” is not recognised; imported as Missing."],
      [4, "Effort “ages” of “Runbooks” is not recognised (use e.g. “2 days”, “8 hours”, “30 min”)."],
      [5, "Row has no item name; it was not imported."],
      [7, "Table with columns “Symbol, Meaning” has no item column; it was not imported."],
    ]);
  });

  it("answers clearly when a document has no checklist", () => {
    expect(() => parseMarkdownChecklist("# Notes\n\nJust prose, and a list:\n\n- one\n- two\n")).toThrow(NoChecklistError);
    expect(() => parseMarkdownChecklist("")).toThrow(NoChecklistError);
  });

  it("never crashes on random Markdown", () => {
    const pieces = fc.constantFrom("# ", "## ", "### ", "| ", " |", "---", "- [ ] ", "- [x] ", "```", "\n", "✅", "🚧", "â—", "**Status:** ", "Done", "`a/b.ts`", "[x](https://e.x)", "├─ ", "1. ", " ", "|---|", "N/A");
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 12 })), { maxLength: 60 }), (parts) => {
        try {
          const checklist = parseMarkdownChecklist(parts.join(""));
          for (const category of checklist.categories) for (const i of category.items) expect(i.title.length).toBeGreaterThan(0);
        } catch (error) {
          if (!(error instanceof NoChecklistError)) throw error;
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("whole documents", () => {
  it("imports a status document with evidence tables and sprint task lists", () => {
    const checklist = parseMarkdownChecklist(fixture("status-and-evidence.md"));
    expect(checklist.title).toBe("Launch Readiness Review");
    expect(checklist.categories.map((c) => [c.name, c.items.length])).toEqual([
      ["Platform Safety", 5],
      ["Quality", 3],
      ["Delivery Pipeline", 3],
      ["Alerting", 2],
    ]);
    expect(summary(checklist)[0]).toBe("Platform Safety: Request Throttling [DONE]; Content Security Policy [DONE]; Audit Trail [DONE]; Secrets Rotation [MISSING]; Session Expiry [DONE]");
    expect(summary(checklist)[1]).toBe("Quality: Unit Suite [DONE]; Coverage Gate [MISSING]; Browser Tests [PARTIAL]");
    expect(item(checklist, "Request Throttling")?.evidence).toEqual(["src/middleware/throttle.ts"]);
    expect(item(checklist, "Audit Trail")?.evidence).toEqual(["https://git.example.com/acme/shop/pull/214"]);
    expect(item(checklist, "Unit Suite")?.evidence).toEqual(["packages/core/test/"]);
    expect(item(checklist, "Pipeline runs the tests on every merge request")).toMatchObject({ status: "DONE", evidence: [".gitlab-ci.yml"], line: 31 });
    expect(item(checklist, "Production deploys need one click")?.status).toBe("MISSING");
    expect(item(checklist, "Pager rotation set up")?.notes).toBe("primary and secondary each week\nescalation after 15 minutes");
    // "Next Steps" is a plain list and "Commands" a code block: no items.
    expect(checklist.warnings).toEqual([]);
  });

  it("imports a gap analysis with Need / Why tables, gap sections and a drawn checklist", () => {
    const checklist = parseMarkdownChecklist(fixture("gap-analysis.md"));
    expect(checklist.title).toBe("The Launch Gap");
    expect(checklist.categories.map((c) => [c.name, c.items.length])).toEqual([
      ["Environments", 3],
      ["Reliability", 4],
      ["Readiness by Area", 2],
      ["Packaging", 2],
      ["People", 2],
    ]);
    expect(item(checklist, "Staging environment")).toMatchObject({ status: "DONE", effortHours: 16, why: "Try changes safely" });
    expect(item(checklist, "Production parity")).toMatchObject({ status: "PARTIAL", effortHours: 8 });
    expect(item(checklist, "Config outside code")).toMatchObject({ evidence: ["config/example.env"], effortHours: 0.5 });
    expect(item(checklist, "Database backups")).toMatchObject({ status: "PARTIAL", effortHours: 40 });
    expect(item(checklist, "Restore drill")).toMatchObject({ status: "MISSING", effortHours: 24 });
    expect(item(checklist, "Load shedding")?.status).toBe("NOT_APPLICABLE");
    expect(item(checklist, "Error Handling")).toMatchObject({ status: "MISSING", priority: "HIGH", effortHours: 24, notes: "Errors are swallowed in the worker\nNo alert when a job fails" });
    expect(item(checklist, "Rate Limits")).toMatchObject({ status: "PARTIAL", priority: "CRITICAL" });
    expect(item(checklist, "Image signed")).toMatchObject({ status: "MISSING", evidence: ["deploy/sign.sh"] });
    expect(item(checklist, "Support inbox staffed")?.status).toBe("DONE");
    expect(checklist.warnings.map((w) => w.message)).toEqual([
      "Status “maybe later” of “Queue retries” is not recognised; imported as Missing.",
      "Effort “lots” of “Queue retries” is not recognised (use e.g. “2 days”, “8 hours”, “30 min”).",
      "Table with columns “Symbol, Meaning” has no item column; it was not imported.",
    ]);
  });

  it("reads the same items with Windows line ends", () => {
    const unix = dryRunJson(parseMarkdownChecklist(fixture("gap-analysis.md")));
    expect(dryRunJson(parseMarkdownChecklist(fixture("gap-analysis.md").replace(/\n/g, "\r\n")))).toEqual(unix);
  });

  it("reads the same items from a doubly encoded copy (Windows-1252 and 1254, lost bytes dropped)", () => {
    const clean = dryRunJson(parseMarkdownChecklist(fixture("gap-analysis.md")));
    for (const codePage of ["windows-1252", "windows-1254"] as const) {
      const damaged = doubleEncode(fixture("gap-analysis.md"), codePage);
      expect(damaged).toContain("âœ…");
      const repaired = parseMarkdownChecklist(damaged);
      expect(dryRunJson(repaired).categories).toEqual(clean.categories);
      expect(repaired.warnings[0].message).toMatch(/^Repaired \d+ runs of doubly encoded text/);
    }
  });
});

describe("priority cells that say nobody has weighed the item", () => {
  it("reads them as no priority, without a warning", () => {
    const checklist = parseMarkdownChecklist("## Security\n\n| Item | Status | Priority |\n| --- | --- | --- |\n| TLS | Done | Needs triage |\n| Audit | Missing | TBD |\n| WAF | Missing | bogus |\n");
    expect(checklist.categories[0].items.map((i) => i.priority)).toEqual([null, null, null]);
    expect(checklist.warnings.map((w) => w.message)).toEqual(["Priority “bogus” of “WAF” is not recognised."]);
  });
});
