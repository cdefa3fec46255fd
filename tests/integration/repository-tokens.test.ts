import type https from "node:https";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { addCheck, runCheckNow } from "@/lib/server/services/checks";
import { listRepositoryTokens, removeRepositoryToken, repositoryCredentialsFor, storeRepositoryToken } from "@/lib/server/services/repository-tokens";
import { callApi, documentedOperations, notExercised, tokenFor } from "../support/api";
import { gitHttpBackend, loopbackAllowed, makeRepository, selfSignedCertificate, startHttpsServer, tableLookup, type Certificate, type Listening, type TestRepository } from "../support/check-targets";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, code, failure } from "../support/readiness";

// Read tokens for repository checks against a real git server (git's own
// smart-HTTP backend over https on loopback) that answers only to HTTP basic
// authentication with the right token: a check fails without the team's
// token, passes with it, and no other team can see or use it.

const TOKEN = "ghp_R3adOnlyT0kenForTests0123wxyz";
const KEY = "repository-tokens-test-key-0123456789abcdef";
let repository: TestRepository;
let certificate: Certificate;
let server: Listening<https.Server>;
let url = "";
const seen: string[] = [];

beforeAll(async () => {
  repository = makeRepository({ "SECURITY.md": "# Security\n", "README.md": "# App\n" });
  certificate = selfSignedCertificate(30, ["git.test"]);
  const backend = gitHttpBackend(repository.root);
  server = await startHttpsServer(certificate, (request, response) => {
    seen.push(request.headers.authorization ?? "none");
    if (request.headers.authorization !== `Basic ${Buffer.from(`x-access-token:${TOKEN}`).toString("base64")}`) {
      return response.writeHead(401, { "www-authenticate": 'Basic realm="git"' }).end();
    }
    backend(request, response);
  });
  url = `https://git.test:${server.port}/app.git`;
}, 30_000);
afterAll(async () => {
  await server.close();
  repository.remove();
});

const previousKey = process.env.SHIPSHAPE_SECRET_KEY;
beforeAll(() => {
  process.env.SHIPSHAPE_SECRET_KEY = KEY;
});
afterEach(() => {
  process.env.SHIPSHAPE_SECRET_KEY = KEY;
});
afterAll(() => {
  if (previousKey === undefined) delete process.env.SHIPSHAPE_SECRET_KEY;
  else process.env.SHIPSHAPE_SECRET_KEY = previousKey;
});

// Only the test's git server, allowed as an operator would allow an internal one.
const context = () => ({ context: { network: loopbackAllowed, lookup: tableLookup({ "git.test": ["127.0.0.1"] }), trustedCertificates: [certificate.cert] } });
const host = () => `git.test:${server.port}`;

async function teamWithCheck() {
  const { teamId, actors } = await teamWith(["ADMIN", "LEAD", "ENGINEER"]);
  const [admin, lead, engineer] = actors;
  const projectId = await catalogueProject(lead, ["security"]);
  const check = await addCheck(lead, { projectId, key: "security.headers", settings: { kind: "repository", url, files: [{ path: "SECURITY.md" }] }, failuresBeforeFailing: 1 });
  return { teamId, admin, lead, engineer, projectId, check };
}

describe("a read token for repository checks", () => {
  it("lets the check clone a repository that needs it, and is stored only sealed", async () => {
    const { teamId, admin, lead, engineer, check } = await teamWithCheck();
    const without = await runCheckNow(engineer, { checkId: check.id }, context());
    expect(without.result).toMatchObject({ passed: false, summary: expect.stringMatching(/^could not clone .*401/) });

    const write = (await tokenFor(admin, "write")).secret;
    const stored = await callApi("POST", "/api/v1/repository-tokens", { token: write, body: { host: `https://${host()}/app.git`, token: TOKEN } });
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual({ id: expect.any(String), host: host(), username: "x-access-token", last4: "wxyz", createdBy: "API token “write token”", storedAt: expect.any(String) });

    seen.length = 0;
    const run = await runCheckNow(engineer, { checkId: check.id }, context());
    expect(run.result).toMatchObject({ passed: true, summary: "1 of 1 required files present on main" });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((header) => header.startsWith("Basic "))).toBe(true);

    // Nowhere in the database in clear: not the row, not the activity, not the check's result.
    const [row] = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM repository_token WHERE "teamId" = ${teamId}`;
    expect(row.sealedToken).toMatch(/^v1\./);
    const everything = JSON.stringify([row, await db.activity.findMany({ where: { teamId } }), await db.checkResult.findMany({ where: { teamId } })]);
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(TOKEN.slice(0, 12));
    expect(everything).not.toContain(Buffer.from(TOKEN).toString("base64"));

    // No read returns it.
    const listed = await callApi("GET", "/api/v1/repository-tokens", { token: write });
    expect(listed.body).toEqual({ data: [stored.body] });
    expect(JSON.stringify(listed.body)).not.toContain(TOKEN);
    expect(await listRepositoryTokens(lead)).toEqual([stored.body]);

    const [entry] = await activitiesOf(teamId, "repositoryToken.stored");
    expect(entry).toMatchObject({ actorLabel: "API token “write token”", entityId: stored.body.id, before: null, after: { host: host(), username: "x-access-token", last4: "wxyz" } });

    // Removed, the check clones without it again.
    expect((await callApi("DELETE", `/api/v1/repository-tokens/${stored.body.id}`, { token: write })).status).toBe(204);
    expect((await callApi("DELETE", `/api/v1/repository-tokens/${stored.body.id}`, { token: write })).status).toBe(404);
    expect((await runCheckNow(engineer, { checkId: check.id }, context())).result.passed).toBe(false);
    expect(await activitiesOf(teamId, "repositoryToken.removed")).toMatchObject([{ before: { host: host(), last4: "wxyz" } }]);
  });

  it("is neither visible nor usable in another team", async () => {
    const mine = await teamWithCheck();
    const theirs = await teamWithCheck();
    const stored = await storeRepositoryToken(mine.lead, { host: host(), token: TOKEN });
    expect(await listRepositoryTokens(theirs.lead)).toEqual([]);
    expect((await runCheckNow(theirs.engineer, { checkId: theirs.check.id }, context())).result.passed).toBe(false);
    expect((await runCheckNow(mine.engineer, { checkId: mine.check.id }, context())).result.passed).toBe(true);
    expect(await code(removeRepositoryToken(theirs.lead, { tokenId: stored.id }))).toBe("NOT_FOUND");
    const named = await failure(addCheck(theirs.lead, { projectId: theirs.projectId, key: "security.headers", settings: { kind: "repository", url, tokenRef: stored.id, files: [{ path: "README.md" }] } }));
    expect(named.fields).toEqual({ "settings.tokenRef": ["No read token with this id is stored in the team."] });
    // A sealed token copied into another team's row does not open there: it is bound to its team.
    const sealed = await db.repositoryToken.findUniqueOrThrow({ where: { id: stored.id } });
    await db.repositoryToken.create({ data: { ...sealed, id: undefined, teamId: theirs.teamId } });
    expect((await runCheckNow(theirs.engineer, { checkId: theirs.check.id }, context())).result.summary).toBe(`the read token for ${host()} does not open; store it again`);
  });

  it("goes only to the host it was stored for", async () => {
    const { lead, projectId } = await teamWithCheck();
    const stored = await storeRepositoryToken(lead, { host: "github.com", token: TOKEN });
    const refused = await failure(addCheck(lead, { projectId, key: "security.headers", settings: { kind: "repository", url, tokenRef: stored.id, files: [{ path: "README.md" }] } }));
    expect(refused.fields).toEqual({ "settings.tokenRef": ["This read token is for github.com; use it with an https://github.com/ repository."] });
    const resolved = await repositoryCredentialsFor(lead, { kind: "repository", url, tokenRef: stored.id, files: [{ path: "README.md" }], timeoutMs: 30_000 });
    expect(resolved).toEqual({ failure: `the read token ${stored.id} is for github.com, not ${host()}` });
    expect(await repositoryCredentialsFor(lead, { kind: "repository", url, files: [{ path: "README.md" }], timeoutMs: 30_000 })).toEqual({});
    // Named by tokenRef on its own host, it is sent.
    const own = await storeRepositoryToken(lead, { host: host(), username: "reader", token: TOKEN });
    expect(await repositoryCredentialsFor(lead, { kind: "repository", url, tokenRef: own.id, files: [{ path: "README.md" }], timeoutMs: 30_000 })).toEqual({ credentials: { username: "reader", password: TOKEN } });
  });

  it("is stored by leads and admins only, one per host, with field errors for bad input", async () => {
    const { teamId, admin, lead, engineer } = await teamWithCheck();
    expect(await code(storeRepositoryToken(engineer, { host: "github.com", token: TOKEN }))).toBe("FORBIDDEN");
    expect(await code(listRepositoryTokens(engineer))).toBe("FORBIDDEN");
    const read = (await tokenFor(admin, "read")).secret;
    expect((await callApi("GET", "/api/v1/repository-tokens", { token: read })).status).toBe(403);

    const bad = await callApi("POST", "/api/v1/repository-tokens", { token: (await tokenFor(admin, "write")).secret, body: { host: "ftp://github.com/x", username: "a:b", token: "two words" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({
      host: ["Enter only the git host, such as github.com or git.example.com:8443."],
      username: ["A user name cannot contain a colon."],
      token: ["A token has no spaces or line breaks; paste it again."],
    });
    expect((await callApi("POST", "/api/v1/repository-tokens", { token: (await tokenFor(admin, "write")).secret, body: { host: "github.com" } })).body.error.fields).toEqual({ token: ["Enter the token."] });

    const first = await storeRepositoryToken(lead, { host: "GitHub.com", token: "short" });
    expect(first).toMatchObject({ host: "github.com", last4: null });
    const second = await storeRepositoryToken(admin, { host: "github.com", token: TOKEN });
    expect(second.id).toBe(first.id);
    expect(await listRepositoryTokens(lead)).toEqual([second]);
    expect((await activitiesOf(teamId, "repositoryToken.stored")).map((entry) => entry.before)).toEqual([null, { host: "github.com", last4: null }]);
  });

  it("is refused, with the reason, when the server has no key", async () => {
    const { lead, engineer, check } = await teamWithCheck();
    await storeRepositoryToken(lead, { host: host(), token: TOKEN });
    delete process.env.SHIPSHAPE_SECRET_KEY;
    const refused = await failure(storeRepositoryToken(lead, { host: "github.com", token: TOKEN }));
    expect(refused).toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/SHIPSHAPE_SECRET_KEY is not set/) });
    expect((await runCheckNow(engineer, { checkId: check.id }, context())).result.summary).toBe(`a read token for ${host()} is stored, but SHIPSHAPE_SECRET_KEY is not set on the server to open it`);
    process.env.SHIPSHAPE_SECRET_KEY = "another-key-entirely-0123456789abcdefghij";
    expect((await runCheckNow(engineer, { checkId: check.id }, context())).result.summary).toBe(`the read token for ${host()} was stored under another SHIPSHAPE_SECRET_KEY; store it again`);
  });
});

afterAll(() => {
  // Runs after the tests above: each documented operation on repository tokens was called at least once.
  expect(notExercised(documentedOperations(["Repository tokens"]))).toEqual([]);
});
