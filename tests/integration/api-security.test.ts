// What the REST API refuses: bad tokens, too little scope, other teams' data,
// and bodies it cannot accept. Every refusal leaves the data unchanged.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { addEvidence } from "@/lib/server/services/evidence";
import { revokeApiToken } from "@/lib/server/services/api-tokens";
import { callApi, tokenFor } from "../support/api";
import { teamWith } from "../support/fixtures";
import { catalogueProject, itemByKey } from "../support/readiness";

let ours: Awaited<ReturnType<typeof makeTeam>>;
let theirs: Awaited<ReturnType<typeof makeTeam>>;

async function makeTeam(name: string) {
  const { teamId, actors } = await teamWith(["ADMIN", "LEAD", "ENGINEER"], name);
  const [admin, lead, engineer] = actors;
  const projectId = await catalogueProject(lead, ["security"], `${name} API`);
  const item = await itemByKey(projectId, "security.headers");
  const { evidenceId } = await addEvidence(engineer, { itemId: item.id, kind: "LINK", target: `https://${name.toLowerCase()}.example.com/headers` });
  const write = await tokenFor(admin, "write");
  const read = await tokenFor(admin, "read");
  return { teamId, admin, projectId, item, evidenceId, write, read };
}

beforeAll(async () => {
  ours = await makeTeam("Ours");
  theirs = await makeTeam("Theirs");
});

const itemPath = (team: typeof ours, key = "security.headers") => `/api/v1/projects/${team.projectId}/items/${key}`;

// The state an attack must not change: the item, its evidence and the feed.
async function snapshot() {
  const [items, evidence, activity, projects] = await Promise.all([
    db.item.findMany({ where: { teamId: { in: [ours.teamId, theirs.teamId] } }, select: { id: true, version: true, status: true }, orderBy: { id: "asc" } }),
    db.evidence.count({ where: { teamId: { in: [ours.teamId, theirs.teamId] } } }),
    db.activity.count({ where: { teamId: { in: [ours.teamId, theirs.teamId] } } }),
    db.project.count({ where: { teamId: { in: [ours.teamId, theirs.teamId] } } }),
  ]);
  return { items, evidence, activity, projects };
}

describe("REST API authentication", () => {
  it("refuses requests without a token, with a malformed one or an unknown one", async () => {
    const missing = await callApi("GET", "/api/v1/projects");
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");

    const basic = await callApi("GET", "/api/v1/projects", { headers: { authorization: `Basic ${ours.read.secret}` } });
    expect(basic.status).toBe(401);
    const malformed = await callApi("GET", "/api/v1/projects", { token: "not-a-token" });
    expect(malformed.status).toBe(401);
    expect(malformed.body.error.message).toBe("That is not a Shipshape API token.");
    const unknown = await callApi("GET", "/api/v1/projects", { token: `shp_${"A".repeat(43)}` });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe("This API token is not valid.");
  });

  it("refuses a revoked token on the very next request", async () => {
    const token = await tokenFor(ours.admin, "write", "Short-lived");
    expect((await callApi("GET", "/api/v1/projects", { token: token.secret })).status).toBe(200);
    await revokeApiToken(ours.admin, { tokenId: token.id });
    const after = await callApi("GET", "/api/v1/projects", { token: token.secret });
    expect(after.status).toBe(401);
    expect(after.body.error.message).toBe("This API token has been revoked.");
  });

  it("refuses an expired token", async () => {
    const token = await tokenFor(ours.admin, "read", "Expiring", 1);
    await db.apiToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const after = await callApi("GET", "/api/v1/projects", { token: token.secret });
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(/^This API token expired on /);
  });

  it("records when a token was last used", async () => {
    const token = await tokenFor(ours.admin, "read", "Usage");
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).toBeNull();
    await callApi("GET", "/api/v1/projects", { token: token.secret });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).not.toBeNull();
  });
});

describe("REST API scope", () => {
  it("lets a read token read but change nothing", async () => {
    const token = ours.read.secret;
    expect((await callApi("GET", itemPath(ours), { token })).status).toBe(200);
    const before = await snapshot();
    const attempts = [
      await callApi("PATCH", itemPath(ours), { token, body: { status: "DONE", version: ours.item.version } }),
      await callApi("POST", `${itemPath(ours)}/evidence`, { token, body: { url: "https://example.com/x" } }),
      await callApi("DELETE", `${itemPath(ours)}/evidence/${ours.evidenceId}`, { token }),
      await callApi("POST", "/api/v1/projects", { token, body: { name: "Sneaky" } }),
    ];
    for (const attempt of attempts) {
      expect(attempt.status).toBe(403);
      expect(attempt.body.error.message).toContain("can only read");
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("REST API tenancy", () => {
  it("never finds another team's project, items or evidence", async () => {
    const token = ours.write.secret;
    const before = await snapshot();
    const answers = [
      await callApi("GET", `/api/v1/projects/${theirs.projectId}`, { token }),
      await callApi("GET", `/api/v1/projects/${theirs.projectId}/items`, { token }),
      await callApi("GET", itemPath(theirs), { token }),
      await callApi("GET", `${itemPath(theirs)}/evidence`, { token }),
      await callApi("PATCH", itemPath(theirs), { token, body: { status: "DONE", version: theirs.item.version } }),
      await callApi("POST", `${itemPath(theirs)}/evidence`, { token, body: { url: "https://example.com/planted" } }),
      await callApi("DELETE", `${itemPath(theirs)}/evidence/${theirs.evidenceId}`, { token }),
      // Their evidence id under our own item.
      await callApi("DELETE", `${itemPath(ours)}/evidence/${theirs.evidenceId}`, { token }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    const list = await callApi("GET", "/api/v1/projects?archived=include", { token });
    expect(list.body.data.map((p: { id: string }) => p.id)).toEqual([ours.projectId]);
    expect(await snapshot()).toEqual(before);
  });
});

describe("REST API request bodies", () => {
  it("refuses oversized, malformed, non-JSON and unexpected bodies with a clear 4xx and changes nothing", async () => {
    const token = ours.write.secret;
    const before = await snapshot();
    const oversized = await callApi("PATCH", itemPath(ours), { token, body: { notes: "x".repeat(70 * 1024), version: ours.item.version } });
    expect(oversized.status).toBe(413);
    expect(oversized.body.error.code).toBe("PAYLOAD_TOO_LARGE");

    const malformed = await callApi("PATCH", itemPath(ours), { token, rawBody: '{"status": "DONE",', headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toBe("The request body is not valid JSON.");

    const notJson = await callApi("PATCH", itemPath(ours), { token, rawBody: "status=DONE", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(notJson.status).toBe(415);

    const array = await callApi("POST", `${itemPath(ours)}/evidence`, { token, body: [{ url: "https://example.com" }] });
    expect(array.status).toBe(400);

    const unknownField = await callApi("PATCH", itemPath(ours), { token, body: { status: "DONE", version: ours.item.version, teamId: theirs.teamId } });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.fields._form[0]).toContain("teamId");

    const badValues = await callApi("PATCH", itemPath(ours), { token, body: { status: "FINISHED", effortHours: -3, dueDate: "2027-02-30", version: ours.item.version } });
    expect(badValues.status).toBe(400);
    expect(Object.keys(badValues.body.error.fields).sort()).toEqual(["dueDate", "effortHours", "status"]);

    const emptyProject = await callApi("POST", "/api/v1/projects", { token, body: { name: "" } });
    expect(emptyProject.status).toBe(400);
    expect(Object.keys(emptyProject.body.error.fields)).toEqual(["name"]);

    expect(await snapshot()).toEqual(before);
  });
});
