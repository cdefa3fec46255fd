// The `shipshape` CLI's operator commands, run as a process against a
// database of their own that has never been set up.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase } from "../../scripts/lib/database.mjs";

const root = path.resolve(import.meta.dirname, "../..");
let scratch: { url: string; drop: () => Promise<void> };

beforeAll(async () => {
  scratch = await createScratchDatabase(process.env.DATABASE_URL as string, "shipshape_cli");
}, 60_000);

afterAll(async () => {
  await scratch?.drop();
});

// `env` overrides, e.g. a database that does not exist, to prove a command never connects.
function shipshape(args: string[], input = "", env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(root, "scripts/shipshape.mjs"), ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: scratch.url, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) };
}

async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

describe("shipshape CLI", () => {
  it("sets up a fresh install once, with the password from stdin", () => {
    const weak = shipshape(["setup", "--email", "ops@example.com", "--team", "Acme Platform", "--json"], "short\n");
    expect(weak.code).toBe(1);
    expect(weak.json().error.fields.password).toEqual(["Use at least 12 characters."]);
    // A time zone is an IANA name, not an offset.
    const offset = shipshape(["setup", "--email", "ops@example.com", "--team", "Acme Platform", "--time-zone", "+05:30", "--json"], "correct horse battery staple\n");
    expect(offset.code).toBe(1);
    expect(offset.json().error.fields.timeZone).toEqual(["Choose a time zone from the list, such as Europe/Berlin or America/New_York."]);

    // Without --time-zone, the team takes the machine's zone.
    const first = shipshape(["setup", "--email", "Ops@Example.com", "--team", "Acme Platform", "--json"], "correct horse battery staple\n", { TZ: "America/Chicago" });
    expect(first.code).toBe(0);
    const result = first.json();
    expect(result).toEqual({ user: { id: expect.any(String), email: "ops@example.com" }, team: { id: expect.any(String), slug: "acme-platform", timeZone: "America/Chicago" } });

    const again = shipshape(["setup", "--email", "other@example.com", "--team", "Other"], "correct horse battery staple\n");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already set up");
  }, 120_000);

  it("stores a password the sign-in accepts, and records the team's creation", async () => {
    const [account] = await query<{ password: string; providerId: string }>(
      'SELECT a.password, a."providerId" FROM account a JOIN "user" u ON u.id = a."userId" WHERE u.email = $1',
      ["ops@example.com"],
    );
    expect(account.providerId).toBe("credential");
    const { verifyPassword } = await import("better-auth/crypto");
    expect(await verifyPassword({ hash: account.password, password: "correct horse battery staple" })).toBe(true);
    const activity = await query<{ action: string; actorLabel: string }>('SELECT action, "actorLabel" FROM activity');
    expect(activity).toEqual([{ action: "team.created", actorLabel: "Ops <ops@example.com>" }]);
  });

  it("creates, lists and revokes API tokens as the operator", async () => {
    const created = shipshape(["token", "create", "--team", "acme-platform", "--name", "GitHub Actions", "--scope", "write", "--expires-in-days", "30", "--json"]);
    expect(created.code).toBe(0);
    const { id, token } = created.json();
    expect(token).toMatch(/^shp_[A-Za-z0-9_-]{43}$/);

    const listed = shipshape(["token", "list", "--team", "acme-platform", "--json"]).json();
    expect(listed).toEqual([expect.objectContaining({ id, name: "GitHub Actions", scope: "write", state: "active" })]);
    expect(JSON.stringify(listed)).not.toContain(token);

    const revoked = shipshape(["token", "revoke", id, "--json"]);
    expect(revoked.code).toBe(0);
    expect(revoked.json()).toEqual({ id, revoked: true });
    const activity = await query<{ action: string; actorLabel: string }>(`SELECT action, "actorLabel" FROM activity WHERE action LIKE 'apiToken.%' ORDER BY "createdAt"`);
    expect(activity).toEqual([
      { action: "apiToken.created", actorLabel: "Shipshape CLI (operator)" },
      { action: "apiToken.revoked", actorLabel: "Shipshape CLI (operator)" },
    ]);
  }, 120_000);

  it("exports a project's report and the team's portfolio", async () => {
    const [team] = await query<{ id: string }>("SELECT id FROM team WHERE slug = 'acme-platform'");
    await query(`INSERT INTO project (id, "teamId", name, "updatedAt") VALUES ('p1', $1, 'Checkout API', now())`, [team.id]);
    await query(`INSERT INTO category (id, "teamId", "projectId", name, position) VALUES ('c1', $1, 'p1', 'Security', 0)`, [team.id]);
    await query(
      `INSERT INTO item (id, "teamId", "projectId", "categoryId", key, title, status, priority, position, "updatedAt")
       VALUES ('i1', $1, 'p1', 'c1', 'security.https', 'HTTPS everywhere', 'DONE', 'CRITICAL', 0, now()),
              ('i2', $1, 'p1', 'c1', 'security.headers', 'Security headers', 'MISSING', 'HIGH', 1, now())`,
      [team.id],
    );
    // The project's policy asks a critical item for evidence before it counts as done.
    await query(`INSERT INTO evidence (id, "teamId", "itemId", kind, url, label) VALUES ('e1', $1, 'i1', 'PULL_REQUEST', 'https://git.example.com/pull/1', 'PR #1')`, [team.id]);
    const markdown = shipshape(["export", "p1"]);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain("# Checkout API — production readiness");
    expect(markdown.stdout).toContain("**Readiness:** 57%");

    const out = path.join(os.tmpdir(), `shipshape-export-${process.pid}.csv`);
    const csv = shipshape(["export", "p1", "--format", "csv", "--out", out, "--json"]);
    expect(csv.code).toBe(0);
    expect(csv.json()).toMatchObject({ file: out, format: "csv", suggestedName: expect.stringMatching(/^checkout-api-readiness-/) });
    expect(readFileSync(out, "utf8").split("\r\n")).toHaveLength(1 + 2 + 1);

    const json = JSON.parse(shipshape(["export", "p1", "--format", "json"]).stdout);
    expect(json).toMatchObject({ schema: "shipshape.report/v1", summary: { readinessPercent: 57, launchBlockers: 0, level: 1 } });

    expect(shipshape(["export", "nope", "--json"]).json().error.code).toBe("NOT_FOUND");
    expect(shipshape(["export", "p1", "--format", "docx"]).code).toBe(2);

    // The team's portfolio: the same numbers, one row per project.
    const portfolio = shipshape(["export", "--team", "acme-platform"]);
    expect(portfolio.code).toBe(0);
    expect(portfolio.stdout).toContain("# Acme Platform — portfolio readiness");
    expect(portfolio.stdout).toContain("| Checkout API | 57% | 1 — Blockers cleared | 0 | 1 / 2 |");
    const pdfOut = path.join(os.tmpdir(), `shipshape-portfolio-${process.pid}.pdf`);
    expect(shipshape(["export", "--team", "acme-platform", "--format", "pdf", "--out", pdfOut, "--json"]).json()).toMatchObject({ suggestedName: expect.stringMatching(/^acme-platform-portfolio-.*\.pdf$/) });
    expect(readFileSync(pdfOut).subarray(0, 5).toString()).toBe("%PDF-");
    expect(shipshape(["export", "--team", "nope", "--json"]).json().error.code).toBe("NOT_FOUND");
    expect(shipshape(["export", "p1", "--team", "acme-platform"]).code).toBe(2);
    expect(shipshape(["export"]).code).toBe(2);
  }, 120_000);

  it("imports a document: dry run without a database, then into a new project, then a merge preview", async () => {
    const doc = path.join(os.tmpdir(), `shipshape-import-${process.pid}.md`);
    writeFileSync(doc, "# Payments launch\n\n## Security\n| Item | Priority | Status | Evidence |\n|---|---|---|---|\n| Secrets in a vault | High | ✅ Done | `deploy/vault.hcl` |\n| Rate limits | Critical | 🚧 | |\n");
    const dry = shipshape(["import", doc, "--dry-run", "--json"], "", { DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    expect(dry.code).toBe(0);
    expect(dry.json()).toEqual({
      categories: [
        {
          name: "Security",
          items: [
            { title: "Secrets in a vault", status: "DONE", priority: "HIGH", effortHours: null, evidence: ["deploy/vault.hcl"], line: 6 },
            { title: "Rate limits", status: "PARTIAL", priority: "CRITICAL", effortHours: null, evidence: [], line: 7 },
          ],
        },
      ],
      warnings: [],
    });
    const empty = path.join(os.tmpdir(), `shipshape-empty-${process.pid}.md`);
    writeFileSync(empty, "# Notes\n\nNo checklist here.\n");
    expect(shipshape(["import", empty, "--dry-run", "--json"]).code).toBe(2);
    expect(shipshape(["import", "/nonexistent/file.md", "--dry-run", "--json"]).code).toBe(1);
    // A file saved as Windows-1252 is read, not refused, and its lines are named.
    const latin = path.join(os.tmpdir(), `shipshape-latin-${process.pid}.md`);
    writeFileSync(latin, Buffer.from("## R\xe9seau\n- [x] \x93DNS\x94 configured\n", "latin1"));
    expect(shipshape(["import", latin, "--dry-run", "--json"]).json()).toEqual({
      categories: [{ name: "Réseau", items: [expect.objectContaining({ title: "“DNS” configured", status: "DONE", line: 2 })] }],
      warnings: [{ line: 1, message: expect.stringMatching(/not valid UTF-8 on lines 1, 2\b/) }],
    });

    const created = shipshape(["import", doc, "--team", "acme-platform", "--new", "Payments", "--json"]);
    expect(created.code).toBe(0);
    const result = created.json();
    expect(result).toMatchObject({ created: true, counts: { create: 2, evidence: 1, categories: 1 } });
    const [activity] = await query<{ actorLabel: string; action: string }>(`SELECT action, "actorLabel" FROM activity WHERE action = 'project.imported'`);
    expect(activity).toEqual({ action: "project.imported", actorLabel: "Shipshape CLI (operator)" });

    writeFileSync(doc, "## Security\n| Item | Status | Evidence |\n|---|---|---|\n| Rate limits | ✅ Done | https://ci.example.com/acme/runs/5 |\n| Audit log | ❌ | |\n");
    const preview = shipshape(["import", doc, "--project", result.projectId, "--dry-run"]);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain("1 to create, 1 to update, 0 unchanged");
    expect(preview.stdout).toContain("~ security.rate-limits: PARTIAL → DONE (+1 evidence)");
    expect(preview.stdout).toContain("+ security.audit-log: MISSING");
  }, 120_000);

  it("explains mistakes: unknown team, bad scope, missing options", () => {
    const team = shipshape(["token", "create", "--team", "nope", "--name", "x", "--scope", "read", "--json"]);
    expect(team.code).toBe(1);
    expect(team.json().error).toMatchObject({ code: "NOT_FOUND", message: "Team “nope” not found." });
    const scope = shipshape(["token", "create", "--team", "acme-platform", "--name", "x", "--scope", "admin", "--json"]);
    expect(scope.json().error.fields.scope).toEqual(["Choose read or write."]);
    const usage = shipshape(["token", "create", "--team", "acme-platform"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("token create needs --team, --name and --scope");
    // N/A needs a reason the command has no option for: refused before anything is sent.
    const notApplicable = shipshape(["evidence", "add", "--project", "p", "--item", "testing.unit", "--url", "https://ci.example.com/1", "--status", "not_applicable"]);
    expect(notApplicable.code).toBe(2);
    expect(notApplicable.stderr).toContain("--status must be one of MISSING, PARTIAL, DONE (N/A needs a reason");
    const unknown = shipshape(["launch", "--now"]);
    expect(unknown.code).toBe(2);
  }, 120_000);
});
