// The project page half of `npm run bench` (and all of `BENCH_ONLY=page`):
// a lead signed in through the built-in auth renders the signed-in project
// page of the 96-item catalogue project with half its items worked (status,
// owner, evidence), and of a 1,000-item project. Seeding runs in the bench's
// process; the measuring (measureProjectPage) runs against the production
// server http-load.mts starts. Numbers are printed, never asserted.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { lighthousePage, type LighthouseFigures } from "./lighthouse-page.mts";

/** What measureProjectPage needs: the pages' paths and a lead's session cookie. */
export type PageTargets = { smallPath: string; smallItems: number; bigPath: string; bigItems: number; sessionCookie: string };

/**
 * Signs `user` in through the built-in auth (a password on their account, then
 * sign-in) and returns the `cookie` header a browser would send afterwards.
 */
export async function signInCookie(user: { id: string; email: string }): Promise<string> {
  const { builtInAuth } = await import("@/lib/server/identity/built-in-auth");
  const auth = builtInAuth(false);
  const password = randomBytes(18).toString("base64url");
  const context = await auth.$context;
  await context.internalAdapter.linkAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: await context.password.hash(password) });
  const signedIn = await auth.api.signInEmail({ body: { email: user.email, password }, asResponse: true });
  const cookie = signedIn.headers.getSetCookie().map((entry) => entry.split(";")[0]).join("; ");
  if (!cookie) throw new Error(`The bench's sign-in failed (${signedIn.status}).`);
  return cookie;
}

/**
 * A team of its own with a lead and two engineers; the 96-item catalogue
 * project (default categories) with every other item worked by the services
 * (evidence, an owner, DONE or PARTIAL); a 1,000-item project worked the same
 * way in bulk. Returns the pages and the lead's session cookie.
 */
export async function seedPageProjects(): Promise<PageTargets> {
  const { db } = await import("@/lib/server/kernel/db");
  const { createProject } = await import("@/lib/server/services/projects");
  const { updateItem } = await import("@/lib/server/services/items");
  const { addEvidence } = await import("@/lib/server/services/evidence");

  const team = await db.team.create({ data: { name: "Page bench", slug: "page-bench" } });
  const lead = await db.user.create({ data: { name: "Page Lead", email: "page-lead@example.com" } });
  await db.membership.create({ data: { teamId: team.id, userId: lead.id, role: "LEAD" } });
  const engineers = await Promise.all(
    ["Ada", "Grace"].map(async (name) => {
      const user = await db.user.create({ data: { name: `${name} Engineer`, email: `${name.toLowerCase()}@example.com` } });
      await db.membership.create({ data: { teamId: team.id, userId: user.id, role: "ENGINEER" } });
      return user;
    }),
  );
  const owners = [lead.id, ...engineers.map((user) => user.id)];
  const actor = { kind: "user" as const, userId: lead.id, name: lead.name, email: lead.email, teamId: team.id, role: "LEAD" as const, timeZone: team.timeZone };

  const { projectId: smallId } = await createProject(actor, { name: "Checkout launch", source: "catalogue" });
  const small = await db.item.findMany({ where: { projectId: smallId }, orderBy: { position: "asc" }, select: { id: true } });
  for (const [n, item] of small.entries()) {
    if (n % 2 === 1) continue;
    await addEvidence(actor, { itemId: item.id, kind: "PULL_REQUEST", target: `https://example.com/pr/${n}` });
    await updateItem(actor, { itemId: item.id, version: 1, changes: { status: n % 4 === 0 ? "DONE" : "PARTIAL", ownerId: owners[n % owners.length] } });
  }

  const { projectId: bigId } = await createProject(actor, { name: "Platform migration", source: "catalogue" });
  const categories = await db.category.findMany({ where: { projectId: bigId }, select: { id: true } });
  const have = await db.item.count({ where: { projectId: bigId } });
  await db.item.createMany({
    data: Array.from({ length: 1000 - have }, (_, n) => ({
      teamId: team.id,
      projectId: bigId,
      categoryId: categories[n % categories.length].id,
      key: `extra.item-${n}`,
      title: `Extra readiness item ${n}`,
      why: "So that the launch does not depend on luck.",
      howToVerify: "Ask the owner for the evidence.",
      priority: (["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const)[n % 4],
      effortHours: 2,
      position: 1000 + n,
    })),
  });
  const big = await db.item.findMany({ where: { projectId: bigId }, orderBy: { position: "asc" }, select: { id: true } });
  const worked = big.filter((_, n) => n % 2 === 0);
  await db.evidence.createMany({ data: worked.map((item, n) => ({ teamId: team.id, itemId: item.id, kind: "PULL_REQUEST" as const, url: `https://example.com/pr/${n}`, label: `PR ${n}`, addedById: lead.id })) });
  for (const [n, owner] of owners.entries()) {
    const ids = worked.filter((_, i) => i % owners.length === n).map((item) => item.id);
    await db.item.updateMany({ where: { id: { in: ids } }, data: { ownerId: owner, status: n === 0 ? "PARTIAL" : "DONE" } });
  }

  return { smallPath: `/projects/${smallId}`, smallItems: small.length, bigPath: `/projects/${bigId}`, bigItems: big.length, sessionCookie: await signInCookie(lead) };
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Latencies in ms of `count` requests one after another, sorted; throws unless each answers 200. */
async function sequentialLatencies(url: string, cookie: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let n = 0; n < count; n += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
    await response.arrayBuffer();
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}, not 200.`);
  }
  return times.sort((a, b) => a - b);
}

/**
 * SQL statements the server sent for one request of `url`: the server's
 * statement counter (read by scripts/lib/collect-on-signal.cjs into
 * `countFile` on SIGUSR2) before and after each of `count` requests; the
 * median, so that a scheduled job's statement in between does not count.
 */
async function statementsPerRequest(url: string, cookie: string, serverPid: number, countFile: string, count = 9): Promise<number> {
  // The file is removed first, so that the value read is the one written
  // for this signal (a full collection can take a while on a busy machine).
  const read = async () => {
    rmSync(countFile, { force: true });
    process.kill(serverPid, "SIGUSR2");
    for (let waited = 0; waited < 10_000; waited += 50) {
      if (existsSync(countFile)) {
        const text = readFileSync(countFile, "utf8");
        if (text) return Number(text);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("The server did not report its SQL statement count (scripts/lib/collect-on-signal.cjs).");
  };
  const deltas: number[] = [];
  for (let n = 0; n < count; n += 1) {
    const before = await read();
    await (await fetch(url, { headers: { cookie }, redirect: "manual" })).arrayBuffer();
    deltas.push((await read()) - before);
  }
  return deltas.sort((a, b) => a - b)[Math.floor(count / 2)];
}

/** Elements in the page's DOM once loaded in Chromium (Debian's, as the e2e tests use), or why not. */
async function domSize(base: string, path: string, cookie: string): Promise<{ elements: number; htmlBytes: number } | string> {
  try {
    const { chromium } = await import("@playwright/test");
    const browser = await chromium.launch({
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH === "" ? undefined : process.env.PLAYWRIGHT_CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    try {
      const context = await browser.newContext();
      const url = new URL(base);
      await context.addCookies(cookie.split("; ").map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1), domain: url.hostname, path: "/" })));
      const page = await context.newPage();
      await page.goto(`${base}${path}`, { waitUntil: "load" });
      return { elements: await page.evaluate(() => document.querySelectorAll("*").length), htmlBytes: (await page.content()).length };
    } finally {
      await browser.close();
    }
  } catch (error) {
    return `not measured (${(error as Error).message.split("\n")[0]})`;
  }
}

/**
 * Measures the signed-in project page against a running server: the
 * 1,000-item page's latencies one request at a time (p50/p95), the SQL
 * statements per request of both pages (equal when no query runs per item),
 * the bytes of each page's HTML and the 96-item page's DOM size in Chromium.
 * The throughput against /api/health is measured in http-load.mts's rounds.
 */
export async function measureProjectPage(base: string, targets: PageTargets, server: { pid: number; countFile: string }): Promise<void> {
  const { sessionCookie: cookie } = targets;
  console.log(`\nProject page, signed in as a lead, one request at a time:`);
  for (const [path, items] of [[targets.smallPath, targets.smallItems], [targets.bigPath, targets.bigItems]] as const) {
    await sequentialLatencies(`${base}${path}`, cookie, 3); // warm-up
    const times = await sequentialLatencies(`${base}${path}`, cookie, 40);
    const bytes = (await (await fetch(`${base}${path}`, { headers: { cookie } })).arrayBuffer()).byteLength;
    const statements = await statementsPerRequest(`${base}${path}`, cookie, server.pid, server.countFile);
    console.log(
      `${`project page (${items} items)`.padEnd(30)} p50 ${percentile(times, 0.5).toFixed(0).padStart(5)} ms   p95 ${percentile(times, 0.95).toFixed(0).padStart(5)} ms   ${statements} SQL statements per request   HTML ${(bytes / 1024).toFixed(0)} KiB`,
    );
  }
  const dom = await domSize(base, targets.smallPath, cookie);
  console.log(`DOM of the ${targets.smallItems}-item page in Chromium: ${typeof dom === "string" ? dom : `${dom.elements} elements, ${(dom.htmlBytes / 1024).toFixed(0)} KiB serialised`}`);
  // Lighthouse's simulated timings swing from run to run on a busy machine: three runs, their median, and each.
  const audits: LighthouseFigures[] = [];
  let failure = "";
  for (let run = 0; run < 3 && !failure; run += 1) {
    const audit = await lighthousePage(`${base}${targets.smallPath}`, cookie);
    if (typeof audit === "string") failure = audit;
    else audits.push(audit);
  }
  const middle = (pick: (audit: LighthouseFigures) => number) => audits.map(pick).sort((a, b) => a - b)[Math.floor(audits.length / 2)];
  console.log(
    `Lighthouse, simulated mobile, ${targets.smallItems}-item page, median of ${audits.length} runs: ${
      failure && audits.length === 0
        ? failure
        : `performance ${middle((a) => a.performance).toFixed(2)} (runs ${audits.map((a) => a.performance.toFixed(2)).join(" / ")}), total blocking time ${middle((a) => a.totalBlockingMs).toFixed(0)} ms, largest contentful paint ${(middle((a) => a.largestPaintMs) / 1000).toFixed(1)} s, accessibility ${middle((a) => a.accessibility).toFixed(2)}${audits.some((a) => a.failedAccessibility.length) ? ` (failing: ${[...new Set(audits.flatMap((a) => a.failedAccessibility))].join(", ")})` : ""}`
    }`,
  );
}

/** autocannon's load on one page at `connections`, for the rounds in http-load.mts. */
export function pageRequest(base: string, targets: PageTargets) {
  return { name: `page /projects/[id] (${targets.smallItems} items)`, url: `${base}${targets.smallPath}`, headers: { cookie: targets.sessionCookie } } satisfies Partial<autocannon.Options> & { name: string };
}
