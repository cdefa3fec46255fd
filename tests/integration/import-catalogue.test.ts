// Importing a team's own document into a project made from the built-in
// catalogue: rows are matched to catalogue items by meaning, the preview says
// how sure each match is, and the person's accepted, changed and refused
// matches are what the import writes; bad decisions change nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { importChecklist, previewImport } from "@/lib/server/services/import";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, failure, itemByKey } from "../support/readiness";

const document = readFileSync(path.join(process.cwd(), "lib/import/fixtures/team-shorthand.md"), "utf8");
const CATEGORIES = ["environments", "testing", "security", "ci-cd", "infrastructure", "backup", "monitoring", "operations"];

const snapshot = async (projectId: string) =>
  (await db.item.findMany({ where: { projectId }, orderBy: { key: "asc" }, select: { key: true, title: true, status: true, priority: true, version: true } })).map((i) => JSON.stringify(i));

describe("importing a team's document into a catalogue project", () => {
  it("previews matches by meaning with their confidence, and nothing for rows the catalogue does not hold", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const projectId = await catalogueProject(lead, CATEGORIES);
    const { plan, items } = await previewImport(lead, { text: document, projectId });
    const row = (title: string) => plan.items.find((i) => i.source.title === title)!;

    expect(row("DB backups")).toMatchObject({ action: "update", key: "backup.automated", title: "Automated backups", match: { how: "meaning" } });
    expect(row("Rate limiting")).toMatchObject({ key: "security.rate-limiting", match: { how: "meaning" } });
    expect(row("Rate limiting").match!.confidence).toBeGreaterThanOrEqual(0.6);
    for (const title of ["Pricing page copy approved", "New logo on the landing page", "Sales deck updated", "Launch party booked"]) {
      expect(row(title)).toMatchObject({ action: "create", match: null, priority: null });
    }
    // Not one title of the document is a catalogue title; by meaning, most rows find theirs.
    expect(plan.items.filter((i) => i.match?.how === "title")).toEqual([]);
    expect(plan.items.filter((i) => i.match?.how === "meaning").length).toBeGreaterThanOrEqual(18);
    // The picker offers every item of the project, as a view (no database row).
    expect(items.length).toBe(await db.item.count({ where: { projectId } }));
    expect(Object.keys(items[0]).sort()).toEqual(["category", "id", "priority", "status", "title"]);
    // Only categories that receive a new item are created: every row of "Platform" found its item.
    expect(plan.categoriesToCreate).toEqual([...new Set(plan.items.filter((i) => i.action === "create").map((i) => i.category))]);
    expect(plan.categoriesToCreate).toContain("Not in any catalogue");
    expect(plan.categoriesToCreate).not.toContain("Platform");
  });

  it("writes what the person accepted, changed and refused, and records it", async () => {
    const { teamId, actors: [lead] } = await teamWith(["LEAD"]);
    const projectId = await catalogueProject(lead, CATEGORIES);
    const { plan } = await previewImport(lead, { text: document, projectId });
    const row = (title: string) => plan.items.find((i) => i.source.title === title)!;
    const staging = await itemByKey(projectId, "environments.staging");
    const rateLimiting = await itemByKey(projectId, "security.rate-limiting");

    const result = await importChecklist(lead, {
      text: document,
      projectId,
      fileName: "team.md",
      matches: [
        { row: row("Rate limiting").row, itemId: null },
        { row: row("Sentry wired up").row, itemId: staging.id },
      ],
    });
    expect(result.counts.create).toBe(plan.counts.create + 1);

    // Accepted: the catalogue item took the row's status (Partial: this project wants evidence for critical items done).
    expect(row("DB backups").status).toBe("PARTIAL");
    expect(plan.warnings.map((w) => w.message).join()).toMatch(/DB backups.*without evidence/);
    expect((await itemByKey(projectId, "backup.automated")).status).toBe("PARTIAL");
    expect((await itemByKey(projectId, "infrastructure.health-checks")).status).toBe(row("Health checks").status);
    // Refused: the catalogue item is untouched and the row is a new item that needs triage.
    expect(await itemByKey(projectId, "security.rate-limiting")).toMatchObject({ status: rateLimiting.status, version: rateLimiting.version });
    const created = await db.item.findFirstOrThrow({ where: { projectId, title: "Rate limiting" }, select: { status: true, priority: true, category: { select: { name: true } } } });
    expect(created).toEqual({ status: "PARTIAL", priority: null, category: { name: "Safety" } });
    // Changed: the chosen item took the row's status; the proposed one did not.
    expect((await itemByKey(projectId, "environments.staging")).status).toBe("DONE");
    expect((await itemByKey(projectId, "monitoring.error-tracking")).status).toBe("MISSING");

    const [imported] = await activitiesOf(teamId, "project.imported");
    expect(imported.after).toMatchObject({ source: "team.md", create: result.counts.create, update: result.counts.update });
    const updates = await db.activity.count({ where: { teamId, action: "item.updated", projectId } });
    expect(updates).toBe(result.counts.update);
    // Every new item is in the log as created, as when added by hand.
    const logged = await activitiesOf(teamId, "item.created");
    expect(logged.length).toBe(result.counts.create);
    expect(logged.map((a) => (a.after as { title: string }).title)).toContain("Launch party booked");
  });

  it("refuses decisions that do not fit the document or the project, field by field, and changes nothing", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const projectId = await catalogueProject(lead, CATEGORIES);
    const { actors: [stranger] } = await teamWith(["LEAD"], "Other");
    const theirs = await itemByKey(await catalogueProject(stranger, ["backup"]), "backup.automated");
    const ours = await itemByKey(projectId, "backup.automated");
    const before = await snapshot(projectId);

    const cases: [unknown, RegExp][] = [
      [[{ row: 1, itemId: theirs.id }], /not in this project/],
      [[{ row: 1, itemId: ours.id }, { row: 2, itemId: ours.id }], /both name/],
      [[{ row: 999, itemId: null }], /row 999 is not one of them/],
      [[{ row: 1, itemId: null }, { row: 1, itemId: ours.id }], /once/],
      [[{ row: 0, itemId: null }], /./],
      [[{ row: 1, itemId: "x".repeat(65) }], /./],
    ];
    for (const [matches, message] of cases) {
      for (const call of [importChecklist, previewImport]) {
        const error = await failure(call(lead, { text: document, projectId, matches }));
        expect(error.code).toBe("VALIDATION");
        expect(Object.keys(error.fields ?? {}).join()).toMatch(/^matches/);
        expect(Object.values(error.fields ?? {}).flat().join(" ")).toMatch(message);
      }
    }
    const intoNew = await failure(importChecklist(lead, { text: document, name: "New", matches: [{ row: 1, itemId: null }] }));
    expect(intoNew.fields).toHaveProperty("matches");
    expect(await db.project.count({ where: { teamId: lead.teamId, name: "New" } })).toBe(0);
    expect(await snapshot(projectId)).toEqual(before);
  });
});
