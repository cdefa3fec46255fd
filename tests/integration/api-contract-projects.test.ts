// The REST API's project and report endpoints, called as a client would,
// with each answer checked against the OpenAPI document (tests/support/api.ts).
// Items and evidence: api-contract-items.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { loadProjectPage } from "@/lib/server/read-models/project-page";
import { updateItem } from "@/lib/server/services/items";
import { callApi, documentedOperations, notExercised } from "../support/api";
import { contractWorld } from "../support/contract";
import { itemByKey } from "../support/readiness";

let world: Awaited<ReturnType<typeof contractWorld>>;

beforeAll(async () => {
  world = await contractWorld();
});

describe("REST API contract: projects and reports", () => {
  it("lists the team's projects with their readiness", async () => {
    const { status, body, headers } = await callApi("GET", "/api/v1/projects", { token: world.read });
    expect(status).toBe(200);
    expect(body.data.map((p: { id: string }) => p.id)).toEqual([world.projectId]);
    expect(body.data[0]).toMatchObject({ name: "Checkout API", readinessPercent: 0, level: 0, archived: false });
    expect(body.nextCursor).toBeNull();
    expect(Number(headers.get("ratelimit-limit"))).toBeGreaterThan(0);
  });

  it("pages through projects with a cursor", async () => {
    for (const name of ["Alpha", "Beta", "Gamma"]) {
      await callApi("POST", "/api/v1/projects", { token: world.write, body: { name, categories: ["Testing"] } });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const { status, body } = await callApi("GET", `/api/v1/projects${query}`, { token: world.read });
      expect(status).toBe(200);
      expect(body.data.length).toBeLessThanOrEqual(2);
      seen.push(...body.data.map((p: { name: string }) => p.name));
      cursor = body.nextCursor;
    } while (cursor);
    // Oldest first: the order cannot change while a client pages.
    expect(seen).toEqual(["Checkout API", "Alpha", "Beta", "Gamma"]);
    const bad = await callApi("GET", "/api/v1/projects?cursor=not-a-cursor", { token: world.read });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.cursor).toBeDefined();
  });

  it("creates a project from the built-in catalogue, choosing categories by name or key", async () => {
    const { status, body, headers } = await callApi("POST", "/api/v1/projects", {
      token: world.write,
      body: { name: "Payments", template: "builtin", categories: ["Security", "ci-cd"], targetDate: "2027-03-01" },
    });
    expect(status).toBe(201);
    expect(body.matrix.map((row: { category: string }) => row.category)).toEqual(["Security", "CI/CD"]);
    expect(body.summary).toMatchObject({ readinessPercent: 0, level: 0 });
    expect(body.template).toMatch(/^shipshape-standard v\d+$/);
    expect(headers.get("location")).toBe(`http://localhost:3000/projects/${body.id}`);
    const activity = await db.activity.findFirstOrThrow({ where: { teamId: world.teamId, action: "project.created", entityId: body.id } });
    expect(activity).toMatchObject({ actorUserId: null, actorTokenId: world.writeId, actorLabel: "API token “GitHub Actions”" });
  });

  it("uses the template's default categories when none are named, and names unknown ones", async () => {
    const defaults = await callApi("POST", "/api/v1/projects", { token: world.write, body: { name: "Defaults" } });
    expect(defaults.status).toBe(201);
    expect(defaults.body.matrix.map((row: { category: string }) => row.category)).not.toContain("Mobile");
    expect(defaults.body.matrix.length).toBe(12);

    const unknown = await callApi("POST", "/api/v1/projects", { token: world.write, body: { name: "X", categories: ["Security", "Quantum"] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.categories[0]).toContain("Quantum");

    const template = await callApi("POST", "/api/v1/projects", { token: world.write, body: { name: "X", template: "no-such-template" } });
    expect(template.status).toBe(400);
    expect(template.body.error.fields.template[0]).toContain("no-such-template");
  });

  it("returns a project's summary and matrix exactly as the dashboard scores them", async () => {
    const critical = await itemByKey(world.projectId, "security.authentication");
    await db.project.update({ where: { id: world.projectId }, data: { evidencePolicy: "NONE" } });
    await updateItem(world.engineer, { itemId: critical.id, version: critical.version, changes: { status: "DONE" } });

    const { status, body } = await callApi("GET", `/api/v1/projects/${world.projectId}`, { token: world.read });
    expect(status).toBe(200);
    const page = await loadProjectPage(world.lead, world.projectId);
    expect(body.summary).toMatchObject({
      readinessPercent: page.readiness.percent,
      level: page.readiness.level,
      launchBlockers: page.readiness.launchBlockers,
      remainingEffortHours: page.readiness.remainingEffortHours,
      counts: page.readiness.counts,
    });
    expect(body.summary.counts.DONE).toBe(1);
    // The zone its days are judged in.
    expect(body.timeZone).toBe("UTC");
    expect(body.matrix).toEqual(
      page.matrix.map((row) => ({ category: row.name, counts: row.counts, applicable: row.applicable, percent: row.percent, glyph: row.glyph })),
    );
    expect(body.matrix[0]).toMatchObject({ category: "Testing" });
    expect(body.matrix.find((row: { category: string }) => row.category === "Security").glyph).toBe("◐");
  });

  it("exports the report as JSON, Markdown, CSV and PDF, with a read token", async () => {
    const json = await callApi("GET", `/api/v1/projects/${world.projectId}/report`, { token: world.read });
    expect(json.status).toBe(200);
    const summary = await callApi("GET", `/api/v1/projects/${world.projectId}`, { token: world.read });
    expect(json.body).toMatchObject({ schema: "shipshape.report/v1", timeZone: "UTC", summary: { readinessPercent: summary.body.summary.readinessPercent } });
    const markdown = await callApi("GET", `/api/v1/projects/${world.projectId}/report?format=md`, { token: world.read });
    expect(markdown.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(markdown.body).toContain("# Checkout API — production readiness");
    const csv = await callApi("GET", `/api/v1/projects/${world.projectId}/report?format=csv`, { token: world.read });
    // Response.text() drops the byte-order mark; the browser test reads the file with it.
    expect(csv.body.replace(/^\uFEFF/, "").startsWith("project,category,key")).toBe(true);
    const pdf = await callApi("GET", `/api/v1/projects/${world.projectId}/report?format=pdf`, { token: world.read });
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.body.startsWith("%PDF-")).toBe(true);
    expect((await callApi("GET", `/api/v1/projects/${world.projectId}/report?format=docx`, { token: world.read })).status).toBe(400);
  });

  it("exports the team's portfolio report with the projects' own numbers", async () => {
    const json = await callApi("GET", "/api/v1/report", { token: world.read });
    expect(json.status).toBe(200);
    const projects = await callApi("GET", "/api/v1/projects?limit=100", { token: world.read });
    expect(json.body.schema).toBe("shipshape.portfolio/v1");
    expect(json.body.projects.map((p: { id: string; readinessPercent: number }) => [p.id, p.readinessPercent])).toEqual(
      [...projects.body.data].sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)).map((p: { id: string; readinessPercent: number }) => [p.id, p.readinessPercent]),
    );
    const markdown = await callApi("GET", "/api/v1/report?format=md", { token: world.read });
    expect(markdown.body).toContain("— portfolio readiness");
    const pdf = await callApi("GET", "/api/v1/report?format=pdf", { token: world.read });
    expect(pdf.body.startsWith("%PDF-")).toBe(true);
    expect((await callApi("GET", "/api/v1/report?format=xlsx", { token: world.read })).status).toBe(400);
  });

});

afterAll(() => {
  // Runs after the tests above: each documented operation on projects and
  // reports was called at least once; items, evidence and checks are the other files'.
  expect(documentedOperations().length).toBe(33);
  expect(documentedOperations(["Projects", "Items", "Evidence", "Comments", "Checks", "Notifications", "Repository tokens", "Webhooks"])).toEqual(documentedOperations());
  expect(notExercised(documentedOperations(["Projects"]))).toEqual([]);
});
