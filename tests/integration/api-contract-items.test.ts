// The REST API's item and evidence endpoints, called as a client would,
// with each answer checked against the OpenAPI document (tests/support/api.ts).
// Projects and reports: api-contract-projects.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { updateItem } from "@/lib/server/services/items";
import { callApi, documentedOperations, notExercised } from "../support/api";
import { contractWorld } from "../support/contract";
import { itemByKey } from "../support/readiness";

let world: Awaited<ReturnType<typeof contractWorld>>;

beforeAll(async () => {
  world = await contractWorld();
  // One critical item done, without evidence: the project asks for none yet.
  const critical = await itemByKey(world.projectId, "security.authentication");
  await db.project.update({ where: { id: world.projectId }, data: { evidencePolicy: "NONE" } });
  await updateItem(world.engineer, { itemId: critical.id, version: critical.version, changes: { status: "DONE" } });
});

const itemPath = (key: string) => `/api/v1/projects/${world.projectId}/items/${key}`;

describe("REST API contract: items and evidence", () => {
  it("lists items with filters and pages through all of them", async () => {
    const all = await db.item.count({ where: { projectId: world.projectId } });
    const keys: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=7&cursor=${cursor}` : "?limit=7";
      const { body } = await callApi("GET", `/api/v1/projects/${world.projectId}/items${query}`, { token: world.read });
      keys.push(...body.data.map((item: { key: string }) => item.key));
      cursor = body.nextCursor;
    } while (cursor);
    expect(keys.length).toBe(all);
    expect(new Set(keys).size).toBe(all);

    const critical = await callApi("GET", `/api/v1/projects/${world.projectId}/items?priority=CRITICAL&category=security&limit=200`, { token: world.read });
    // In key order, which re-ordering the checklist does not change.
    expect(critical.body.data.map((item: { key: string }) => item.key)).toEqual([
      "security.authentication",
      "security.authorization",
      "security.https",
      "security.secrets",
      "security.tenant-isolation",
    ]);
    expect(critical.body.data[0]).toMatchObject({ category: "Security", status: "DONE", priority: "CRITICAL", ownerEmail: null, version: 2 });

    const open = await callApi("GET", `/api/v1/projects/${world.projectId}/items?open=true&priority=CRITICAL&category=Security`, { token: world.read });
    expect(open.body.data).toHaveLength(4);
    const done = await callApi("GET", `/api/v1/projects/${world.projectId}/items?status=DONE`, { token: world.read });
    expect(done.body.data.map((item: { key: string }) => item.key)).toEqual(["security.authentication"]);
    const search = await callApi("GET", `/api/v1/projects/${world.projectId}/items?q=rate-limit`, { token: world.read });
    expect(search.body.data.map((item: { key: string }) => item.key)).toEqual(["security.rate-limiting"]);

    const unknownCategory = await callApi("GET", `/api/v1/projects/${world.projectId}/items?category=Quantum`, { token: world.read });
    expect(unknownCategory.status).toBe(400);
    const badFilter = await callApi("GET", `/api/v1/projects/${world.projectId}/items?priority=URGENT`, { token: world.read });
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error.fields.priority).toBeDefined();
  });

  it("filters items by owner e-mail", async () => {
    const item = await itemByKey(world.projectId, "security.headers");
    const patched = await callApi("PATCH", itemPath("security.headers"), {
      token: world.write,
      body: { ownerEmail: world.engineer.email.toUpperCase(), version: item.version },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.ownerEmail).toBe(world.engineer.email);
    const mine = await callApi("GET", `/api/v1/projects/${world.projectId}/items?owner=${encodeURIComponent(world.engineer.email)}`, { token: world.read });
    expect(mine.body.data.map((i: { key: string }) => i.key)).toEqual(["security.headers"]);
    const unowned = await callApi("GET", `/api/v1/projects/${world.projectId}/items?owner=none&limit=200`, { token: world.read });
    expect(unowned.body.data.some((i: { key: string }) => i.key === "security.headers")).toBe(false);

    const stranger = await callApi("PATCH", itemPath("security.headers"), { token: world.write, body: { ownerEmail: "nobody@example.com", version: patched.body.version } });
    expect(stranger.status).toBe(400);
    expect(Object.keys(stranger.body.error.fields)).toEqual(["ownerEmail"]);
  });

  it("reads an item with its guidance, version and ETag", async () => {
    const { status, body, headers } = await callApi("GET", itemPath("security.rate-limiting"), { token: world.read });
    expect(status).toBe(200);
    expect(body).toMatchObject({ key: "security.rate-limiting", category: "Security", status: "MISSING", version: 1, evidence: [] });
    expect(body.why.length).toBeGreaterThan(10);
    expect(headers.get("etag")).toBe('"1"');
    expect((await callApi("GET", itemPath("security.no-such-item"), { token: world.read })).status).toBe(404);
  });

  it("updates an item through the same service as the app, recorded as the token", async () => {
    const { status, body, headers } = await callApi("PATCH", itemPath("security.rate-limiting"), {
      token: world.write,
      body: { status: "PARTIAL", effortHours: 6, dueDate: "2027-01-31", notes: "Edge limits done; per-token next.", version: 1 },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "PARTIAL", effortHours: 6, dueDate: "2027-01-31", version: 2, updatedBy: "API token “GitHub Actions”" });
    expect(headers.get("etag")).toBe('"2"');
    const activity = await db.activity.findFirstOrThrow({ where: { teamId: world.teamId, action: "item.updated" }, orderBy: { createdAt: "desc" } });
    expect(activity).toMatchObject({ actorTokenId: world.writeId, actorLabel: "API token “GitHub Actions”" });
    expect(activity.after).toMatchObject({ status: "PARTIAL", version: 3 - 1 });

    const viaIfMatch = await callApi("PATCH", itemPath("security.rate-limiting"), { token: world.write, body: { priority: "CRITICAL" }, headers: { "if-match": '"2"' } });
    expect(viaIfMatch.status).toBe(200);
    expect(viaIfMatch.body).toMatchObject({ priority: "CRITICAL", version: 3 });

    const noVersion = await callApi("PATCH", itemPath("security.rate-limiting"), { token: world.write, body: { status: "DONE" } });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.fields.version).toBeDefined();
    // An If-Match that names no version, or one the body contradicts, changes nothing.
    const anyVersion = await callApi("PATCH", itemPath("security.rate-limiting"), { token: world.write, body: { status: "DONE" }, headers: { "if-match": "*" } });
    expect(anyVersion.status).toBe(400);
    expect(anyVersion.body.error.fields["If-Match"]).toBeDefined();
    const disagreeing = await callApi("PATCH", itemPath("security.rate-limiting"), { token: world.write, body: { status: "DONE", version: 3 }, headers: { "if-match": '"1"' } });
    expect(disagreeing.status).toBe(400);
    expect(disagreeing.body.error.fields.version).toBeDefined();
    expect((await callApi("GET", itemPath("security.rate-limiting"), { token: world.read })).body).toMatchObject({ status: "PARTIAL", version: 3 });
  });

  it("merges a stale change of other fields, and answers 409 in words when a field it changes was changed meanwhile", async () => {
    const before = await callApi("GET", itemPath("security.cors"), { token: world.read });
    const item = await itemByKey(world.projectId, "security.cors");
    await updateItem(world.engineer, { itemId: item.id, version: item.version, changes: { status: "PARTIAL", ownerId: world.engineer.userId } });

    // Another field, same old version: it lands on top of the engineer's change.
    const merged = await callApi("PATCH", itemPath("security.cors"), { token: world.write, body: { effortHours: 2, version: before.body.version } });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ status: "PARTIAL", ownerEmail: world.engineer.email, effortHours: 2, version: before.body.version + 2 });

    const { status, body } = await callApi("PATCH", itemPath("security.cors"), { token: world.write, body: { status: "DONE", ownerEmail: null, version: before.body.version } });
    expect(status).toBe(409);
    expect(body.error.code).toBe("CONFLICT");
    expect(body.error.message).toMatch(new RegExp(`^${world.engineer.name} changed the status from Missing to Partial at .+ UTC; ${world.engineer.name} set the owner to ${world.engineer.name} at `));
    const at = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(body.error.details.changes).toEqual([
      { field: "status", by: world.engineer.name, at, from: "Missing", to: "Partial", recorded: true },
      { field: "ownerEmail", by: world.engineer.name, at, from: null, to: world.engineer.name, recorded: true },
    ]);
    // The current item as the API shows items: by key and e-mail, no database ids.
    expect(body.error.details.current).toMatchObject({ key: "security.cors", status: "PARTIAL", ownerEmail: world.engineer.email, effortHours: 2, version: before.body.version + 2 });
    const said = JSON.stringify([body.error.message, body.error.details.changes]);
    for (const id of [item.id, item.categoryId, world.engineer.userId]) expect(said).not.toContain(id);
    expect(await itemByKey(world.projectId, "security.cors")).toMatchObject({ status: "PARTIAL", ownerId: world.engineer.userId, version: before.body.version + 2 });
  });

  it("keeps the project's evidence policy and the N/A reason rule", async () => {
    await db.project.update({ where: { id: world.projectId }, data: { evidencePolicy: "CRITICAL" } });
    const noEvidence = await callApi("PATCH", itemPath("security.secrets"), { token: world.write, body: { status: "DONE", version: 1 } });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body.error.fields.status).toBeDefined();
    expect(noEvidence.body.error.details).toEqual({ evidenceRequired: true });

    const noReason = await callApi("PATCH", itemPath("security.secrets"), { token: world.write, body: { status: "NOT_APPLICABLE", version: 1 } });
    expect(noReason.status).toBe(400);
    expect(Object.keys(noReason.body.error.fields)).toEqual(["notApplicableReason"]);
    expect((await itemByKey(world.projectId, "security.secrets")).version).toBe(1);
  });

  it("adds evidence once per URL, lists it, and removes it", async () => {
    const url = "https://ci.example.com/acme/checkout/actions/runs/4242";
    const first = await callApi("POST", `${itemPath("security.secrets")}/evidence`, {
      token: world.write,
      body: { url, kind: "CI_RUN", label: "Secret scan on main", expiresAt: "2027-06-30" },
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ kind: "CI_RUN", url, label: "Secret scan on main", expired: false, addedBy: "API token “GitHub Actions”" });

    const again = await callApi("POST", `${itemPath("security.secrets")}/evidence`, { token: world.write, body: { url } });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const item = await itemByKey(world.projectId, "security.secrets");
    expect(await db.evidence.count({ where: { itemId: item.id } })).toBe(1);
    expect(await db.activity.count({ where: { itemId: item.id, action: "evidence.added" } })).toBe(1);

    const done = await callApi("PATCH", itemPath("security.secrets"), { token: world.write, body: { status: "DONE", version: item.version } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "DONE", standing: "DONE", evidenceCount: 1 });

    const list = await callApi("GET", `${itemPath("security.secrets")}/evidence`, { token: world.read });
    expect(list.body.data.map((e: { id: string }) => e.id)).toEqual([first.body.id]);

    const badUrl = await callApi("POST", `${itemPath("security.secrets")}/evidence`, { token: world.write, body: { url: "javascript:alert(1)" } });
    expect(badUrl.status).toBe(400);
    expect(Object.keys(badUrl.body.error.fields)).toEqual(["url"]);

    const removed = await callApi("DELETE", `${itemPath("security.secrets")}/evidence/${first.body.id}`, { token: world.write });
    expect(removed.status).toBe(204);
    expect((await callApi("DELETE", `${itemPath("security.secrets")}/evidence/${first.body.id}`, { token: world.write })).status).toBe(404);
    expect(await db.activity.count({ where: { itemId: item.id, action: "evidence.removed" } })).toBe(1);
  });

  it("sets many items at once by key, through the same service as the checklist's bulk bar", async () => {
    const keys = ["testing.unit", "testing.integration"];
    const { status, body } = await callApi("POST", `/api/v1/projects/${world.projectId}/items/bulk`, { token: world.write, body: { keys, changes: { priority: "LOW" } } });
    expect(status).toBe(200);
    expect(body.updated.map((item: { key: string }) => item.key).sort()).toEqual([...keys].sort());
    expect(body.updated[0]).toMatchObject({ priority: "LOW", updatedBy: "API token “GitHub Actions”" });
    expect(body).toMatchObject({ refused: [], unchanged: 0 });
    const unknown = await callApi("POST", `/api/v1/projects/${world.projectId}/items/bulk`, { token: world.write, body: { keys: ["testing.nothing-here"], changes: { priority: "LOW" } } });
    expect(unknown.status).toBe(400);
    expect(Object.keys(unknown.body.error.fields)).toEqual(["keys"]);
  });

  it("edits evidence: label, kind, link and re-verify date, a bare host given https", async () => {
    const added = await callApi("POST", `${itemPath("security.headers")}/evidence`, { token: world.write, body: { url: "www.example.com/headers-report" } });
    expect(added.status).toBe(201);
    expect(added.body.url).toBe("https://www.example.com/headers-report");
    const path = `${itemPath("security.headers")}/evidence/${added.body.id}`;

    const edited = await callApi("PATCH", path, { token: world.write, body: { label: "Header report", kind: "DOCUMENT", url: "github.com/acme/checkout/pull/9", expiresAt: "2027-06-30" } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: added.body.id, label: "Header report", kind: "DOCUMENT", url: "https://github.com/acme/checkout/pull/9", expiresAt: expect.stringMatching(/^2027-06-30/) });
    const cleared = await callApi("PATCH", path, { token: world.write, body: { expiresAt: null } });
    expect(cleared.body).toMatchObject({ label: "Header report", expiresAt: null });

    const bad = await callApi("PATCH", path, { token: world.write, body: { url: "javascript:alert(1)" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(["url"]);
    const asPath = await callApi("PATCH", path, { token: world.write, body: { kind: "FILE_PATH" } });
    expect(asPath.status).toBe(400);
    expect((await callApi("PATCH", path, { token: world.read, body: { label: "Mine" } })).status).toBe(403);
    expect((await callApi("PATCH", `${itemPath("security.secrets")}/evidence/${added.body.id}`, { token: world.write, body: { label: "Elsewhere" } })).status).toBe(404);
  });
});

afterAll(() => {
  // Runs after the tests above: each documented operation on items and
  // evidence was called at least once.
  expect(notExercised(documentedOperations(["Items", "Evidence"]))).toEqual([]);
});
