// Two production servers on one database, as behind a load balancer: what
// one instance knows the other must know too. A session made on A works on B
// and ends on both; API and sign-in allowances are counted across both; a
// token revoked through A is refused by B within a second; the daily
// snapshot job, run by both at the same moment, takes one snapshot per
// project. See docs/several-instances.md.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { ADMIN, completeSetup, signOut } from "./support";
import { freePort, startServer, type RunningServer, scratchDatabase, type ScratchDatabase } from "./servers";

test.describe.configure({ mode: "serial" });

const TOKEN_LIMIT = 10;
const PROJECTS = 6;

let a: RunningServer;
let b: RunningServer;
let env: Record<string, string>;
let database: ScratchDatabase;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  database = await scratchDatabase();
  const [portA, portB] = [await freePort(), await freePort()];
  // What every instance must share: the database, the secret that signs
  // sessions, the public address.
  env = {
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_URL: `http://localhost:${portA}`,
    API_RATE_LIMIT_PER_TOKEN: String(TOKEN_LIMIT),
    SNAPSHOT_CHECK_INTERVAL_SECONDS: "1",
    LOG_LEVEL: "info",
  };
  [a, b] = await Promise.all([startServer(portA, env), startServer(portB, env)]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.drop();
});

const at = (server: RunningServer, path: string) => `${server.base}${path}`;
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const projects = (server: RunningServer, secret: string) => fetch(at(server, "/api/v1/projects"), { headers: bearer(secret) });

// A write token made on the settings page of `server` (a server action).
async function createToken(page: Page, server: RunningServer, name: string): Promise<string> {
  await page.goto(at(server, "/settings"));
  await page.getByLabel("Token name").fill(name);
  await page.getByLabel("Scope").selectOption("write");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = await page.getByTestId("api-token-secret").inputValue();
  expect(secret).toMatch(/^shp_/);
  return secret;
}

async function signIn(page: Page, server: RunningServer, email: string, password: string) {
  await page.goto(at(server, "/sign-in"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

let tokenForLimits = "";
let tokenToRevoke = "";
let tokenForProjects = "";

test("a session made on one instance is honoured by the other, and signing out ends it on both", async ({ page, context }) => {
  // The first-run setup on A creates the admin and signs them in there.
  await completeSetup(page, at(a, "/setup"));
  const session = (await context.cookies(a.base)).find((cookie) => cookie.name.includes("session_token"));
  expect(session).toBeDefined();

  // B renders a signed-in page and runs server actions with A's session.
  await page.goto(at(b, "/"));
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /Current team: Launch Crew/ })).toBeVisible();
  tokenForLimits = await createToken(page, b, "Limits");
  tokenToRevoke = await createToken(page, b, "Revoked");
  tokenForProjects = await createToken(page, b, "Projects");

  // Revoked through A: A refuses the token at once, B within a second (its
  // look-up may be up to a second old), never later.
  for (const server of [a, b]) expect((await projects(server, tokenToRevoke)).status).toBe(200);
  await page.goto(at(a, "/settings"));
  page.once("dialog", (dialog) => dialog.accept());
  expect((await projects(b, tokenToRevoke)).status).toBe(200);
  await page.getByRole("button", { name: "Revoke token Revoked" }).click();
  await expect(page.getByRole("list", { name: "API tokens" }).getByRole("listitem").filter({ hasText: "Revoked" })).toHaveAttribute("data-token-state", "revoked");
  expect((await projects(a, tokenToRevoke)).status).toBe(401);
  await expect.poll(async () => (await projects(b, tokenToRevoke)).status, { timeout: 1500, intervals: [100] }).toBe(401);
  const refused = await projects(b, tokenToRevoke);
  expect((await refused.json()).error).toMatchObject({ code: "UNAUTHENTICATED", message: "This API token has been revoked." });

  // Signed out on A: B no longer knows the session.
  await page.goto(at(a, "/"));
  await signOut(page);
  await page.goto(at(b, "/"));
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an API token's allowance is counted across both instances", async () => {
  let last: Response | undefined;
  for (let request = 1; request <= TOKEN_LIMIT; request++) {
    last = await projects(request <= 6 ? a : b, tokenForLimits);
    expect(last.status).toBe(200);
  }
  // Six on A and four on B leave nothing.
  expect(last!.headers.get("ratelimit-remaining")).toBe("0");
  for (const server of [b, a]) {
    const over = await projects(server, tokenForLimits);
    expect(over.status).toBe(429);
    const retryAfter = Number(over.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await over.json()).toEqual({
      error: { code: "RATE_LIMITED", message: expect.stringContaining("This token has made too many requests."), details: { retryAfterSeconds: retryAfter, limit: TOKEN_LIMIT } },
    });
  }
});

test("an instance started with a different AUTH_SECRET says so at start-up, and refuses the others' sessions", async ({ page }) => {
  const c = await startServer(await freePort(), { ...env, AUTH_SECRET: randomBytes(32).toString("base64url") });
  try {
    await expect.poll(() => c.output(), { timeout: 10_000 }).toContain("Another Shipshape instance on this database has a different AUTH_SECRET");
    await signIn(page, b, ADMIN.email, ADMIN.password);
    await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
    await page.goto(at(c, "/"));
    await expect(page).toHaveURL(/\/sign-in/);
  } finally {
    await c.stop();
  }
});

test("failed sign-ins are counted across both instances", async ({ page }) => {
  const wrong = "not the password at all";
  for (const server of [a, a, a, b, b]) {
    await signIn(page, server, ADMIN.email, wrong);
    await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  }
  // The sixth attempt, even with the right password, is refused on either.
  for (const server of [a, b]) {
    await signIn(page, server, ADMIN.email, ADMIN.password);
    await expect(page.getByText(/Too many failed sign-in attempts/)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  }
});

test("the daily snapshot job, run by both instances at the same moment, takes one snapshot per project", async () => {
  for (let n = 1; n <= PROJECTS; n++) {
    const created = await fetch(at(n % 2 ? a : b, "/api/v1/projects"), {
      method: "POST",
      headers: { ...bearer(tokenForProjects), "content-type": "application/json" },
      body: JSON.stringify({ name: `Service ${n}`, categories: ["Testing"] }),
    });
    expect(created.status).toBe(201);
  }

  // Both instances check every second. Hold their checks at the door: with
  // the project table locked, yesterday becomes the projects' last snapshot,
  // and the lock is let go once both instances' checks are waiting for it.
  const holder = new pg.Client({ connectionString: database.url });
  await holder.connect();
  try {
    await holder.query("BEGIN");
    await holder.query("LOCK TABLE project IN ACCESS EXCLUSIVE MODE");
    await holder.query(`UPDATE readiness_snapshot SET "takenAt" = "takenAt" - interval '30 hours', hour = hour - interval '30 hours'`);
    const waiting = async () => {
      const [{ count }] = (
        await query<{ count: string }>(
          `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%FROM "public"."project"%'`,
        )
      );
      return Number(count);
    };
    await expect.poll(waiting, { timeout: 10_000 }).toBe(2);
    await holder.query("COMMIT");
  } finally {
    await holder.end();
  }

  // Each instance logs how many snapshots it took; together, one per project.
  const taken = (server: RunningServer) =>
    server
      .output()
      .split("\n")
      .filter((line) => line.includes('"daily readiness snapshots taken"'))
      .reduce((sum, line) => sum + (JSON.parse(line) as { projects: number }).projects, 0);
  await expect.poll(() => taken(a) + taken(b), { timeout: 10_000 }).toBe(PROJECTS);

  const today = await query<{ name: string; triggers: string[] }>(
    `SELECT p.name, array_agg(s.trigger::text ORDER BY s."takenAt") AS triggers
     FROM project p JOIN team t ON t.id = p."teamId"
     LEFT JOIN readiness_snapshot s ON s."projectId" = p.id
       AND s."takenAt" >= (date_trunc('day', now() AT TIME ZONE t."timeZone") AT TIME ZONE t."timeZone") AT TIME ZONE 'UTC'
     GROUP BY p.name ORDER BY p.name`,
  );
  expect(today).toEqual(Array.from({ length: PROJECTS }, (_, i) => ({ name: `Service ${i + 1}`, triggers: ["DAILY"] })));
  for (const server of [a, b]) expect(server.output()).not.toContain("daily readiness snapshots failed");
});
