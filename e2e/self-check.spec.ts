// Shipshape checks itself: its own readiness checklist
// (docs/readiness/shipshape.yaml) is imported into the running server, a
// second lead grants the waivers it asks for, and checks pointed at this very
// server verify what the deployment owns — liveness and readiness, the
// certificate and the security headers of an HTTPS front, and the files of a
// clone of this repository. They pass and the project reaches Level 3; then
// the front is stopped and a file removed, and the items fall with reasons a
// person can read.
//
// The front's certificate is issued by the private CA the e2e server trusts
// through NODE_EXTRA_CA_CERTS, as an operator's server would trust theirs
// (scripts/lib/e2e-check-targets.mjs).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN, invitePerson, itemRow, signIn, snapshot, type Person } from "./support";

const REVIEWER: Person = { name: "Sol Reviewer", email: "sol.reviewer@example.com", password: "reviewer passphrase 2026", role: "LEAD" };
const WAIVED = ["security.dependency-updates", "security.penetration-test", "monitoring.tracing"];
// What a deployment starts from; the repository check keeps them in place.
const DEPLOYMENT_FILES = ["Dockerfile", "README.md", ".ci/run", "docker-compose.yml", "docs/operations.md"];

const port = Number(process.env.E2E_PORT || "3100");
// The suite's own server, reached on loopback as a check would reach any service.
const server = `http://127.0.0.1:${port}`;

type Targets = { directory: string; caCertificate: string; caKey: string; repositories: string };
type Front = { port: number; close: () => Promise<void> };
type CheckRun = { check: { id: string; state: string; lastSummary: string | null }; result: { passed: boolean; summary: string }; itemStatus: string };

// Loaded at run time: Playwright compiles specs to CommonJS, which cannot import an ES module statically.
const checkTargets = () => import("../scripts/lib/e2e-check-targets.mjs") as Promise<{
  checkTargetsOf: (port: number) => Targets;
  issueCertificate: (port: number, names: string[], days?: number) => { key: string; cert: string };
}>;

/**
 * An HTTPS front for the suite's server, as a deployment's proxy would be: it
 * ends TLS with a certificate from the private CA for localhost and passes
 * every request on. Listens on 127.0.0.1, and on ::1 when the machine has it,
 * so "localhost" reaches it whichever address it resolves to first.
 */
async function startHttpsFront(): Promise<Front> {
  const { issueCertificate } = await checkTargets();
  const certificate = issueCertificate(port, ["localhost", "127.0.0.1"], 90);
  const forward: http.RequestListener = (request, response) => {
    const upstream = http.request(
      { host: "127.0.0.1", port, method: request.method, path: request.url, headers: { ...request.headers, "x-forwarded-proto": "https" } },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => response.writeHead(502).end());
    request.pipe(upstream);
  };
  const servers: https.Server[] = [];
  const listen = (host: string, on: number) =>
    new Promise<https.Server>((resolve, reject) => {
      const front = https.createServer(certificate, forward);
      front.once("error", reject).listen(on, host, () => resolve(front));
    });
  const v4 = await listen("127.0.0.1", 0);
  servers.push(v4);
  const frontPort = (v4.address() as AddressInfo).port;
  await listen("::1", frontPort).then((v6) => servers.push(v6), () => undefined);
  return {
    port: frontPort,
    close: () =>
      Promise.all(
        servers.map((front) => new Promise<void>((resolve) => {
          front.closeAllConnections();
          front.close(() => resolve());
        })),
      ).then(() => undefined),
  };
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, GIT_AUTHOR_NAME: "Self-check", GIT_AUTHOR_EMAIL: "self-check@example.com", GIT_COMMITTER_NAME: "Self-check", GIT_COMMITTER_EMAIL: "self-check@example.com" },
  }).toString().trim();

let projectId = "";
let auth: Record<string, string> = {};
let front: Front | null = null;

test.describe.configure({ mode: "serial" });

test.afterAll(async () => {
  await front?.close();
});

async function addCheck(request: APIRequestContext, key: string, body: Record<string, unknown>) {
  const response = await request.post(`/api/v1/projects/${projectId}/items/${key}/checks`, { headers: auth, data: body });
  expect(response.status(), `adding a check to ${key}: ${await response.text()}`).toBe(201);
  return (await response.json()) as { id: string; state: string };
}

async function runCheck(request: APIRequestContext, checkId: string): Promise<CheckRun> {
  const response = await request.post(`/api/v1/projects/${projectId}/checks/${checkId}/run`, { headers: auth });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

async function item(request: APIRequestContext, key: string) {
  const response = await request.get(`/api/v1/projects/${projectId}/items/${key}`, { headers: auth });
  expect(response.status()).toBe(200);
  return (await response.json()) as { status: string; standing: string; webUrl: string; evidence: { kind: string; label: string }[] };
}

async function checksOf(request: APIRequestContext, key: string) {
  const response = await request.get(`/api/v1/projects/${projectId}/items/${key}/checks`, { headers: auth });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { data: { id: string; kind: string; state: string; lastSummary: string | null }[] }).data;
}

// The first screenful of a long page, beside the full-page snapshot.
async function snapshotTop(page: Page, name: string) {
  await snapshot(page, name);
  await page.screenshot({ path: `test-results/screenshots/${name}-top.png` });
}

async function openItem(page: Page, request: APIRequestContext, key: string) {
  await page.goto(new URL((await item(request, key)).webUrl).pathname);
  await expect(itemRow(page, key)).toBeVisible();
}

test("Shipshape's own checklist is imported, checked against Shipshape itself, and reaches Level 3", async ({ page, request, browser }) => {
  test.setTimeout(240_000);
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();

  // The checklist as code, as the repository keeps it.
  const yaml = readFileSync(path.join(__dirname, "../docs/readiness/shipshape.yaml"), "utf8");
  await page.getByRole("link", { name: "Import a document" }).click();
  await page.getByLabel("Or paste it here").fill(yaml);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-preview").getByText("56 new items, 0 updated, 0 unchanged")).toBeVisible();
  await expect(page.getByLabel("Project name")).toHaveValue("Shipshape");
  await page.getByRole("button", { name: "Import 56 items" }).click();
  await expect(page.getByRole("heading", { name: "Shipshape", exact: true })).toBeVisible({ timeout: 30_000 });
  projectId = new URL(page.url()).pathname.split("/")[2];
  await expect(itemRow(page, "security.https")).toHaveAttribute("data-standing", "DONE");
  await expect(itemRow(page, "mobile.crash-reporting")).toHaveAttribute("data-standing", "NOT_APPLICABLE");
  // What Shipshape lacks arrives open, its waivers requested by the importer.
  for (const key of WAIVED) await expect(itemRow(page, key)).toHaveAttribute("data-standing", "MISSING");
  await expect(page.getByTestId("readiness-level")).not.toHaveText("Level 3 — Production grade");
  await snapshotTop(page, "60-self-check-imported");
  const projectUrl = page.url().replace(/[?#].*$/, "");

  // A write token for the API, as a script would use.
  await page.goto("/settings");
  await page.getByLabel("Token name").fill("Self-check");
  await page.getByLabel("Scope").selectOption("write");
  await page.getByLabel("Expires in (days)").fill("30");
  await page.getByRole("button", { name: "Create token" }).click();
  auth = { authorization: `Bearer ${await page.getByTestId("api-token-secret").inputValue()}` };

  // Another lead decides the waivers the import requested (nobody approves their own).
  const reviewer = await invitePerson(page, browser, REVIEWER);
  for (const key of WAIVED) {
    await reviewer.goto(projectUrl);
    await itemRow(reviewer, key).getByRole("link").first().click();
    await reviewer.getByLabel("Decision note (optional)").fill("Accepted for now; see the item's notes");
    await reviewer.getByRole("button", { name: "Approve waiver" }).click();
    await expect(reviewer.getByText("Approved", { exact: true })).toBeVisible();
  }
  await reviewer.context().close();

  // Checks pointed at Shipshape itself.
  front = await startHttpsFront();
  const { checkTargetsOf } = await checkTargets();
  const repository = path.join(checkTargetsOf(port).repositories, "shipshape");
  const toplevel = git(__dirname, "rev-parse", "--show-toplevel");
  git(checkTargetsOf(port).repositories, "clone", "--quiet", toplevel, repository);

  const liveness = await addCheck(request, "infrastructure.health-checks", {
    kind: "http",
    settings: { url: `${server}/api/health`, bodyJson: { path: "status", equals: "ok" } },
    intervalMinutes: 5,
  });
  const readiness = await addCheck(request, "infrastructure.health-checks", {
    kind: "http",
    settings: { url: `${server}/api/ready`, bodyJson: { path: "status", equals: "ready" } },
    intervalMinutes: 5,
  });
  const certificate = await addCheck(request, "security.https", {
    kind: "tls",
    settings: { host: "localhost", port: front.port },
    intervalMinutes: 60,
    failuresBeforeFailing: 1,
  });
  const files = await addCheck(request, "documentation.deployment", {
    kind: "repository",
    settings: { path: repository, files: DEPLOYMENT_FILES.map((file) => ({ path: file })) },
    intervalMinutes: 60,
    failuresBeforeFailing: 1,
  });
  expect(certificate.state).toBe("PENDING");

  const runs = {
    liveness: await runCheck(request, liveness.id),
    readiness: await runCheck(request, readiness.id),
    certificate: await runCheck(request, certificate.id),
    files: await runCheck(request, files.id),
  };
  for (const [name, run] of Object.entries(runs)) {
    expect(run.result.passed, `${name}: ${run.result.summary}`).toBe(true);
    expect(run.check.state).toBe("PASSING");
    expect(run.itemStatus).toBe("DONE");
  }
  expect(runs.certificate.result.summary).toMatch(/^certificate for localhost expires in (89|90) days \(.*\), issuer Shipshape E2E, TLSv1\.[23]$/);
  expect(runs.files.result.summary).toBeTruthy();

  const project = await (await request.get(`/api/v1/projects/${projectId}`, { headers: auth })).json();
  expect(project.summary).toMatchObject({ level: 3, levelName: "Production grade", launchBlockers: 0, openItems: 0 });
  await page.goto(projectUrl);
  await expect(page.getByTestId("readiness-level")).toHaveText("Level 3 — Production grade");
  for (const key of ["infrastructure.health-checks", "security.https", "documentation.deployment"]) await expect(itemRow(page, key)).toHaveAttribute("data-standing", "DONE");
  for (const key of WAIVED) await expect(itemRow(page, key)).toHaveAttribute("data-standing", "WAIVED");
  await snapshotTop(page, "61-self-check-level-3");

  // The Checks tab: Shipshape verified by its own checks (the README's picture).
  await page.goto(`/projects/${projectId}/checks`);
  await expect(page.getByText("4 checks: 4 passing, 0 failing, 0 not evaluated yet.")).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/self-check.png" });

  await page.goto(`/projects/${projectId}/report`);
  await expect(page.getByTestId("project-report").getByText("Level 3 — Production grade")).toBeVisible();
  await expect(page.getByTestId("report-percent")).toHaveText("100%");
  await snapshotTop(page, "62-self-check-report");

  // The front goes away: the certificate cannot be checked, and HTTPS falls.
  await front.close();
  front = null;
  const broken = await runCheck(request, certificate.id);
  expect(broken.result.passed).toBe(false);
  expect(broken.result.summary).toMatch(/TLS handshake with localhost:\d+ failed: ECONNREFUSED/);
  expect(broken.itemStatus).toBe("MISSING");
  const [tls] = await checksOf(request, "security.https");
  expect(tls).toMatchObject({ kind: "tls", state: "FAILING", lastSummary: broken.result.summary });
  const httpsItem = await item(request, "security.https");
  expect(httpsItem).toMatchObject({ status: "MISSING", standing: "MISSING" });
  expect(httpsItem.evidence).toContainEqual(expect.objectContaining({ kind: "CHECK_RESULT", label: expect.stringContaining("ECONNREFUSED") }));
  await openItem(page, request, "security.https");
  await expect(itemRow(page, "security.https")).toHaveAttribute("data-standing", "MISSING");
  await expect(page.getByText(broken.result.summary).first()).toBeVisible();
  await snapshot(page, "63-self-check-https-falls");

  // A required file is removed from the repository: the check names it.
  git(repository, "rm", "--quiet", "Dockerfile");
  git(repository, "commit", "--quiet", "-m", "Remove the Dockerfile");
  const missing = await runCheck(request, files.id);
  expect(missing.result.passed).toBe(false);
  expect(missing.result.summary).toContain("Dockerfile missing");
  expect(missing.itemStatus).toBe("MISSING");
  const [repositoryCheck] = await checksOf(request, "documentation.deployment");
  expect(repositoryCheck).toMatchObject({ kind: "repository", state: "FAILING" });
  expect(repositoryCheck.lastSummary).toContain("Dockerfile missing");
  await openItem(page, request, "documentation.deployment");
  await expect(itemRow(page, "documentation.deployment")).toHaveAttribute("data-standing", "MISSING");
  await expect(page.getByText(missing.result.summary).first()).toBeVisible();
  await snapshot(page, "64-self-check-repository-falls");

  // A critical item open again: the project is no longer launch ready.
  await page.goto(projectUrl);
  await expect(page.getByTestId("readiness-level")).toHaveText("Not launch ready");
  await expect(itemRow(page, "security.https")).toHaveAttribute("data-standing", "MISSING");
  await expect(itemRow(page, "documentation.deployment")).toHaveAttribute("data-standing", "MISSING");
  await expect(itemRow(page, "infrastructure.health-checks")).toHaveAttribute("data-standing", "DONE");
  await snapshotTop(page, "65-self-check-after-breaks");
});

test("the security headers of Shipshape behind an HTTPS front are graded, and fall when the front goes", async ({ page, request }) => {
  expect(projectId, "the first test imports the project").not.toBe("");
  front = await startHttpsFront();
  // Headers Shipshape sends on every response (next.config.js, proxy.ts), as
  // MDN's HTTP Observatory names its tests.
  const requiredTests = ["content-security-policy", "strict-transport-security", "x-content-type-options", "x-frame-options", "referrer-policy"];
  // What the front serves, read as a browser trusting the private CA would.
  const { checkTargetsOf } = await checkTargets();
  const served = await new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
    https
      .get(`https://localhost:${front!.port}/sign-in`, { ca: readFileSync(checkTargetsOf(port).caCertificate, "utf8") }, (response) => {
        response.resume();
        resolve(response.headers);
      })
      .on("error", reject);
  });
  expect(served).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "strict-origin-when-cross-origin" });
  expect(served["strict-transport-security"]).toMatch(/^max-age=\d{8,}/);
  expect(served["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(served["content-security-policy"]).toContain("object-src 'none'");
  const headers = await addCheck(request, "security.headers", {
    kind: "headers",
    settings: { url: `https://localhost:${front.port}/sign-in`, requiredTests },
    intervalMinutes: 60,
    failuresBeforeFailing: 1,
  });
  const passing = await runCheck(request, headers.id);
  expect(passing.result.passed, passing.result.summary).toBe(true);
  expect(passing.result.summary).toMatch(/^score \d+ \([A-F][+-]?\)/);
  expect(passing.itemStatus).toBe("DONE");

  await front.close();
  front = null;
  const failing = await runCheck(request, headers.id);
  expect(failing.result.passed).toBe(false);
  expect(failing.result.summary).toMatch(/^https:\/\/localhost:\d+: connection refused/);
  expect(failing.itemStatus).toBe("MISSING");
  const [check] = await checksOf(request, "security.headers");
  expect(check).toMatchObject({ kind: "headers", state: "FAILING", lastSummary: failing.result.summary });
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  await openItem(page, request, "security.headers");
  await expect(itemRow(page, "security.headers")).toHaveAttribute("data-standing", "MISSING");
  await expect(page.getByText(failing.result.summary).first()).toBeVisible();
  await snapshot(page, "66-self-check-headers-fall");
});
