// The embedded PostgreSQL of `npm start`, started as start.mjs starts it (on a
// data directory and port of its own), is restarted when its server process
// is killed, and queries work again afterwards.
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { provideDatabase } from "../../scripts/lib/database.mjs";
import { superviseEmbeddedPostgres } from "../../scripts/lib/postgres-supervisor.mjs";

let dataDir = "";
let database: Awaited<ReturnType<typeof provideDatabase>>;
const messages: string[] = [];
const saved = { dir: process.env.SHIPSHAPE_DATA_DIR, port: process.env.SHIPSHAPE_PG_PORT, url: process.env.DATABASE_URL };

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function answer(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ n: number }>("SELECT 41 + 1 AS n");
    return rows[0].n;
  } finally {
    await client.end().catch(() => {});
  }
}

// The postmaster's process id, as PostgreSQL records it in its data directory.
const postmasterPid = () => Number(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "shipshape-supervision-"));
  // Run as root, PostgreSQL runs as the "postgres" user, who must reach the directory.
  chmodSync(dataDir, 0o755);
  process.env.SHIPSHAPE_DATA_DIR = dataDir;
  process.env.SHIPSHAPE_PG_PORT = String(await freePort());
  delete process.env.DATABASE_URL;
  database = await provideDatabase({ log: (message: string) => messages.push(message), maxRestarts: 3 });
}, 120_000);

afterAll(async () => {
  await database?.stop();
  Object.assign(process.env, { SHIPSHAPE_DATA_DIR: saved.dir, SHIPSHAPE_PG_PORT: saved.port, DATABASE_URL: saved.url });
  rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

it("restarts the embedded PostgreSQL when its server process is killed, and queries work again", async () => {
  expect(database.embedded).toBe(true);
  expect(await answer(database.url)).toBe(42);
  const first = postmasterPid();

  process.kill(first, "SIGKILL");
  await expect.poll(() => messages.some((m) => m.includes("stopped unexpectedly (signal SIGKILL)")), { timeout: 10_000 }).toBe(true);
  await expect.poll(() => messages.includes("The embedded PostgreSQL is running again."), { timeout: 60_000, interval: 250 }).toBe(true);

  expect(postmasterPid()).not.toBe(first);
  expect(await answer(database.url)).toBe(42);
  expect(messages.some((m) => /Restarting the embedded PostgreSQL in .* \(attempt 1 of 3\)/.test(m))).toBe(true);
}, 90_000);

it("stops for good on stop(): no restart follows", async () => {
  const pid = postmasterPid();
  const before = messages.length;
  await database.stop();
  expect(() => process.kill(pid, 0)).toThrow();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(messages.slice(before).filter((m) => /unexpectedly|Restarting/.test(m))).toEqual([]);
  await expect(answer(database.url)).rejects.toThrow();
}, 30_000);

it("gives up with a clear message after the allowed attempts when PostgreSQL cannot start again", async () => {
  const log: string[] = [];
  let gaveUp = "";
  const supervisor = await superviseEmbeddedPostgres({
    databaseDir: path.join(dataDir, "postgres"),
    port: Number(process.env.SHIPSHAPE_PG_PORT),
    url: database.url,
    log: (message: string) => log.push(message),
    maxRestarts: 2,
    backoffMs: () => 50,
    onGiveUp: (message: string) => (gaveUp = message),
  });
  const conf = path.join(dataDir, "postgres", "postgresql.conf");
  // Without its configuration file the server refuses to start.
  renameSync(conf, `${conf}.away`);
  try {
    process.kill(postmasterPid(), "SIGKILL");
    await expect.poll(() => gaveUp, { timeout: 30_000 }).toMatch(/could not be restarted after 2 attempts; giving up/);
    expect(log.filter((m) => m.startsWith("Restart attempt"))).toHaveLength(2);
  } finally {
    renameSync(`${conf}.away`, conf);
    await supervisor.stop();
  }
}, 60_000);

// A start whose data directory already has a running PostgreSQL must not take
// that server for its own: it would then supervise nothing (the server it
// started had exited at once) and leave the other one running on stop().
// provideDatabase in a process of its own, running `then` once it has its
// database; resolves with the exit code and what it wrote to stderr.
async function startElsewhere(then: string): Promise<[number | null, string]> {
  const script = `import { provideDatabase } from ${JSON.stringify(path.resolve("scripts/lib/database.mjs"))};
try { await provideDatabase({ log: () => {} }); } catch (error) { console.error(error.message); process.exit(1); }
${then}`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { env: process.env, stdio: ["ignore", "ignore", "pipe"] });
  let said = "";
  child.stderr!.on("data", (chunk) => (said += chunk));
  const [code] = await once(child, "exit");
  return [code as number | null, said];
}

it("refuses to start on a data directory whose PostgreSQL another running start supervises, and says so", async () => {
  const first = await provideDatabase({ log: () => {}, maxRestarts: 1 });
  try {
    const firstPid = postmasterPid();
    await expect(provideDatabase({ log: () => {}, maxRestarts: 1 })).rejects.toThrow(/already running .*process \d+/);
    // The same from another process, which then exits: the running start stays known as such.
    const [code, said] = await startElsewhere("process.exit(0)");
    expect(code).toBe(1);
    expect(said).toMatch(/already running .*process \d+/);
    await expect(provideDatabase({ log: () => {}, maxRestarts: 1 })).rejects.toThrow(/already running .*process \d+/);
    expect(postmasterPid()).toBe(firstPid);
    expect(await answer(first.url)).toBe(42);
  } finally {
    await first.stop();
  }
}, 60_000);

it("stops a PostgreSQL left running by a start that was killed (SIGKILL), then starts and supervises its own", async () => {
  // A start in another process, killed outright: its PostgreSQL, in a process group of its own, stays.
  const script = `import { provideDatabase } from ${JSON.stringify(path.resolve("scripts/lib/database.mjs"))};
await provideDatabase({ log: () => {} }); console.log("up"); setInterval(() => {}, 1000);`;
  const earlier = spawn(process.execPath, ["--input-type=module", "-e", script], { env: process.env, stdio: ["ignore", "pipe", "inherit"] });
  const [line] = await once(earlier.stdout!, "data");
  expect(String(line)).toContain("up");
  const stale = postmasterPid();
  earlier.kill("SIGKILL");
  await once(earlier, "exit");
  expect(() => process.kill(stale, 0)).not.toThrow();

  const log: string[] = [];
  const again = await provideDatabase({ log: (message: string) => log.push(message), maxRestarts: 1 });
  try {
    expect(log.join("\n")).toMatch(new RegExp(`left running .*\\(process ${stale}\\)`));
    expect(() => process.kill(stale, 0)).toThrow();
    expect(postmasterPid()).not.toBe(stale);
    expect(postmasterPid()).toBe(again.pid!());
    expect(await answer(again.url)).toBe(42);
  } finally {
    await again.stop();
  }
  expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
}, 60_000);
