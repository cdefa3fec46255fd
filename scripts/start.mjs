#!/usr/bin/env node
// `npm start`: database (DATABASE_URL, or an embedded PostgreSQL), migrations,
// a production build when none exists or the sources are newer, then the
// production server. Ctrl-C stops the server and the embedded database.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIsStale } from "./lib/build-freshness.mjs";
import { prepareDatabase, provideDatabase, run, stopOnSignal, superviseChild } from "./lib/database.mjs";
import { localSecrets } from "./lib/local-state.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
// The socket's peer address (ADR 0021) and request metrics (ADR 0027).
const serverPreload = path.join(root, "scripts/server-preload.cjs");
const say = (message) => console.error(`[shipshape] ${message}`);
const port = process.env.PORT || "3000";
const hostname = process.env.HOSTNAME_BIND || "0.0.0.0";

const started = Date.now();
const database = await provideDatabase({ log: say });
const stopDatabase = async () => {
  if (database.embedded) say("Stopping the embedded PostgreSQL…");
  await database.stop();
};
stopOnSignal(stopDatabase);
process.on("uncaughtException", async (error) => {
  console.error(error);
  await stopDatabase();
  process.exit(1);
});

say(database.embedded ? "Embedded PostgreSQL is running." : "Using the database at DATABASE_URL.");
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

if (buildIsStale(root)) {
  say("Building Shipshape (first start or changed sources)…");
  const code = await run(process.execPath, [nextBin, "build"], { env, cwd: root });
  if (code !== 0) {
    await stopDatabase();
    process.exit(code);
  }
}

say(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${env.APP_URL}`);
const code = await superviseChild(process.execPath, ["--require", serverPreload, nextBin, "start", "-p", port, "-H", hostname], {
  env,
  cleanup: stopDatabase,
});
process.exit(code);
