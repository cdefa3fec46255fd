// Matching a team's own wording to a checklist's items by meaning: the
// built-in catalogue against a document in a team's shorthand, near ties,
// generic words and qualifiers, and the one-to-one rule for any input.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACCEPT_FROM } from "@/lib/domain/match-confidence";
import { readDocument } from "@/lib/import/read-document";
import { catalogueCandidates } from "@/tests/support/catalogue-candidates";
import { matchByMeaning, type MatchCandidate } from "./match";

const catalogue = catalogueCandidates;

const one = (title: string, candidates: MatchCandidate[] = catalogue, category = "") => matchByMeaning([{ row: 1, title, category }], candidates)[0];
const item = (id: string, title: string, category = "General"): MatchCandidate => ({ id, title, category, context: "" });

describe("matching rows to items by meaning", () => {
  it("finds the catalogue item a team's shorter wording means", () => {
    expect(one("Rate limiting")).toMatchObject({ itemId: "security.rate-limiting" });
    expect(one("DB backups")).toMatchObject({ itemId: "backup.automated" });
    expect(one("Rate limiting")!.confidence).toBeGreaterThanOrEqual(ACCEPT_FROM);
    expect(one("DB backups")!.confidence).toBeGreaterThanOrEqual(ACCEPT_FROM);
    // The issue's own pair, on a project that says it the other way round.
    const project = [item("a", "Rate limiting on public endpoints"), item("b", "Automated backups"), item("c", "Backups encrypted"), item("d", "Public status page")];
    expect(matchByMeaning([{ row: 1, title: "Rate limiting", category: "" }, { row: 2, title: "DB backups", category: "" }], project)).toEqual([
      expect.objectContaining({ row: 1, itemId: "a" }),
      expect.objectContaining({ row: 2, itemId: "b" }),
    ]);
  });

  it("matches a team's shorthand document to the built-in catalogue, and nothing that is not in it", () => {
    const document = readDocument(readFileSync(path.join(__dirname, "../fixtures/team-shorthand.md"), "utf8"));
    const rows = document.categories.flatMap((c) => c.items.map((i) => ({ title: i.title, category: c.name }))).map((r, index) => ({ ...r, row: index + 1 }));
    const expected: Record<string, string | null> = {
      "DB backups": "backup.automated",
      "Offsite copies in S3": "backup.offsite",
      "Restore drill": "backup.restore-tested",
      "Docker image": "infrastructure.containers",
      "Health checks": "infrastructure.health-checks",
      "Terraform for infra": "infrastructure.as-code",
      "Env vars for config": "environments.configuration",
      "Rate limiting": "security.rate-limiting",
      "HTTPS only": "security.https",
      "CSP and security headers": "security.headers",
      "Secrets in Vault": "security.secrets",
      "Dependabot alerts": "security.dependency-updates",
      "Pen test": "security.penetration-test",
      "Sentry wired up": "monitoring.error-tracking",
      "Structured JSON logging": "monitoring.structured-logs",
      "Grafana dashboards": "monitoring.metrics",
      "PagerDuty alerts": "monitoring.alerting",
      "On-call schedule": "operations.on-call",
      "Uptime checks from outside": "monitoring.uptime",
      "CI on every PR": "ci-cd.pipeline",
      "One-click rollback": "ci-cd.rollback",
      "DB migrations in the pipeline": "ci-cd.migrations-in-pipeline",
      "Playwright journeys": "testing.end-to-end",
      "Pricing page copy approved": null,
      "New logo on the landing page": null,
      "Sales deck updated": null,
      "Launch party booked": null,
    };
    expect(rows.map((r) => r.title)).toEqual(Object.keys(expected));
    const found = new Map(matchByMeaning(rows, catalogue).map((m) => [rows[m.row - 1].title, m]));
    const wrong = [...found].filter(([title, m]) => expected[title] !== m.itemId).map(([title, m]) => `${title} → ${m.itemId}`);
    expect(wrong).toEqual([]);
    const accepted = [...found.values()].filter((m) => m.confidence >= ACCEPT_FROM).length;
    const shouldMatch = Object.values(expected).filter(Boolean).length;
    // Before matching by meaning none of these titles matched. Rows with a
    // word the item does not explain are only suggested, which costs a few.
    expect(accepted / shouldMatch).toBeGreaterThanOrEqual(0.75);
  });

  it("reads the field's other names for a practice, and not a look-alike", () => {
    const cases: [string, string | undefined][] = [
      ["Request throttling", "security.rate-limiting"],
      ["Pager rotation set up", "operations.on-call"],
      ["Unit suite", "testing.unit"],
      ["Terraform for infra", "infrastructure.as-code"],
      ["Env vars", "environments.configuration"],
      ["ADRs for major decisions", "documentation.decisions"],
      ["Backup verification tests", "backup.restore-tested"],
      // Retrying a queue is not a timeout on outbound calls; a product vision is not production.
      ["Queue retries", undefined],
      ["Manifesto and product vision", undefined],
    ];
    for (const [title, key] of cases) expect([title, one(title)?.itemId]).toEqual([title, key]);
  });

  it("doubts a row that fits several items equally, and proposes nothing on generic words alone", () => {
    const backups = [item("a", "Backups encrypted"), item("b", "Backups stored off-site"), item("c", "Backup failures alert someone")];
    const backup = one("Backups", backups);
    expect(backup === undefined || backup.confidence < ACCEPT_FROM).toBe(true);
    expect(one("Automated tests", [item("s", "Automated security testing"), item("u", "Unit tests for core logic")])).toBeUndefined();
    expect(one("Documentation", [item("r", "API reference")])).toBeUndefined();
  });

  it("reads what a title is about before what qualifies it", () => {
    const items = [item("rl", "Rate limiting on sign-in and expensive endpoints"), item("au", "Proven authentication")];
    expect(one("Auth on endpoints", items)?.itemId).not.toBe("rl");
    expect(one("Rate limiting", items)?.itemId).toBe("rl");
  });

  it("never pairs one item with two rows or one row with two items, and stays within [0, 1], for any titles", () => {
    const title = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...catalogue.slice(0, 30).map((c) => c.title)), fc.constantFrom("DB backups", "Rate limiting", "Health checks", "Docker", "CI"));
    fc.assert(
      fc.property(fc.array(title, { maxLength: 25 }), fc.array(title, { maxLength: 25 }), (rowTitles, itemTitles) => {
        const rows = rowTitles.map((t, i) => ({ row: i + 1, title: t, category: "" }));
        const items = itemTitles.map((t, i) => item(`i${i}`, t));
        const found = matchByMeaning(rows, items);
        expect(new Set(found.map((m) => m.row)).size).toBe(found.length);
        expect(new Set(found.map((m) => m.itemId)).size).toBe(found.length);
        for (const m of found) expect(m.confidence >= 0.5 && m.confidence <= 1).toBe(true);
        expect(matchByMeaning(rows, items)).toEqual(found);
      }),
      { numRuns: 200 },
    );
  });
});
