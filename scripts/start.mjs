#!/usr/bin/env node
// `npm start`: database (DATABASE_URL, or an embedded PostgreSQL, supervised),
// migrations, a production build when none exists or the sources are newer,
// then the production server. Says what it is doing at each stage. Ctrl-C
// stops the web server first, then the embedded database
// (docs/adr/0024-database-faults.md).
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIsStale } from "./lib/build-freshness.mjs";
import { buildStage, elapsed } from "./lib/build-progress.mjs";
import { prepareDatabase, provideDatabase } from "./lib/database.mjs";
import { localSecrets } from "./lib/local-state.mjs";
import { nextStartArgs } from "./lib/next-server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const say = (message) => console.error(`[shipshape] ${message}`);
const port = process.env.PORT || "3000";
const hostname = process.env.HOSTNAME_BIND || "0.0.0.0";

// The child running now (the build, then the server), and the database: what
// a signal or a failure has to stop, in that order.
let current;
let database;
let shuttingDown = false;

async function shutDown(code, reason) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (reason) say(reason);
  if (current && current.exitCode === null && current.signalCode === null) {
    const exited = new Promise((resolve) => current.once("exit", resolve));
    current.kill("SIGINT");
    const force = setTimeout(() => current.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(force);
  }
  if (database?.embedded) say("Stopping the embedded PostgreSQL…");
  await database?.stop();
  if (database?.embedded) say("Stopped.");
  process.exit(code);
}

// A Ctrl-C in a terminal reaches the whole foreground process group: the
// child (which starts its own shutdown) and this process, which waits for it
// before stopping the database. The embedded PostgreSQL runs in a group of
// its own, so it is stopped last, not at the same moment.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void shutDown(0, "Shutting down…"));
// `npm start` stopped by a process manager: npm may exit on SIGTERM without
// passing it on, leaving this process orphaned (re-parented). Seen from here
// as a new parent; shut down as for a signal, so nothing keeps running unwatched.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutDown(0, "The process that started Shipshape has gone; shutting down…");
}, 1000).unref();
process.on("uncaughtException", (error) => {
  console.error(error);
  void shutDown(1);
});

const started = Date.now();
say(process.env.DATABASE_URL ? "Using the database at DATABASE_URL." : "Starting the embedded PostgreSQL…");
try {
  database = await provideDatabase({
    log: say,
    onGiveUp: (message) => void shutDown(1, message),
  });
} catch (error) {
  // Said plainly: what went wrong and what to do, not a stack trace.
  say(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
if (shuttingDown) await new Promise(() => {});
if (database.embedded) say(`Embedded PostgreSQL is running (port ${process.env.SHIPSHAPE_PG_PORT || 54329}).`);
say("Applying migrations…");
await prepareDatabase(database.url, { log: say });
say("Migrations applied.");

const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: database.url,
  // Generated once and kept in the data directory, so sessions survive restarts.
  AUTH_SECRET: process.env.AUTH_SECRET || localSecrets().authSecret,
  APP_URL: process.env.APP_URL || `http://localhost:${port}`,
};

// Next's build prints little for minutes at a time: pass on its stage lines
// as they come, say every 30 s that it is still going, and show its full
// output only when it fails.
async function build() {
  const since = Date.now();
  say("Building Shipshape — this takes a few minutes on first start…");
  let output = "";
  const ticker = setInterval(() => say(`Still building… ${elapsed(since)}`), 30_000);
  current = spawn(process.execPath, [nextBin, "build"], { env, cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  const onData = (chunk) => {
    output += chunk;
    for (const line of String(chunk).split("\n")) {
      const stage = buildStage(line);
      if (stage) say(`  build: ${stage}`);
    }
  };
  current.stdout.on("data", onData);
  current.stderr.on("data", onData);
  const [code] = await new Promise((resolve) => current.once("exit", (...result) => resolve(result)));
  clearInterval(ticker);
  current = undefined;
  if (shuttingDown) await new Promise(() => {});
  if (code !== 0) {
    console.error(output.trim());
    await shutDown(code ?? 1, `The build failed after ${elapsed(since)} (its output is above).`);
  }
  say(`Built in ${elapsed(since)}.`);
}

if (buildIsStale(root)) await build();

say("Starting the web server…");
current = spawn(process.execPath, nextStartArgs(port, hostname), { env, stdio: "inherit" });
current.once("spawn", () => say(`Ready in ${elapsed(started)}: ${env.APP_URL}`));
current.once("exit", (code, signal) => {
  if (shuttingDown) return;
  void shutDown(code ?? 1, `The web server stopped (${signal ? `signal ${signal}` : `exit code ${code}`}).`);
});
