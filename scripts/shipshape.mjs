#!/usr/bin/env node
// The `shipshape` command (package.json "bin"). Commands that work on the
// installation (setup, token, export, import, backup, restore, worker) get the same database as the server:
// DATABASE_URL, or the embedded PostgreSQL in the data directory. `evidence`
// only talks to the REST API. The commands themselves are TypeScript
// (lib/cli), run through tsx with the server's import conditions.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const command = args.find((arg) => !arg.startsWith("-"));
// `import --dry-run` only reads the file (unless it previews a merge into --project).
const needsDatabase =
  ["setup", "token", "export", "backup", "restore", "worker"].includes(command) ||
  (command === "import" && (!args.includes("--dry-run") || args.includes("--project")));
const say = (message) => process.stderr.write(`[shipshape] ${message}\n`);

// The embedded database lives in the project's data directory wherever the
// command is run from.
process.env.SHIPSHAPE_DATA_DIR ||= path.join(root, ".data");

let database;
if (needsDatabase) {
  const { attachDatabase, prepareDatabase } = await import("./lib/database.mjs");
  try {
    database = await attachDatabase({ log: say });
    // Setup may run before the server ever started: bring the schema and the
    // built-in catalogue in first. Other commands find them in place. A
    // restore brings the schema its archive needs itself.
    if (command === "setup" || (database.embedded && command !== "restore")) await prepareDatabase(database.url);
  } catch (error) {
    say(`No database: ${error.message}`);
    process.exit(1);
  }
}

const child = spawn(
  process.execPath,
  ["--conditions=react-server", "--import", import.meta.resolve("tsx"), path.join(root, "lib/cli/main.ts"), ...args],
  {
    stdio: "inherit",
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json"),
      ...(database ? { DATABASE_URL: database.url } : {}),
      // The worker runs what the server would, with its settings (the secret
      // `npm start` keeps in the data directory when none is set) and its log.
      ...(command === "worker" ? { AUTH_SECRET: process.env.AUTH_SECRET || (await import("./lib/local-state.mjs")).localSecrets().authSecret } : {}),
      LOG_LEVEL: process.env.LOG_LEVEL || (command === "worker" ? "info" : "silent"),
    },
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", async (code, signal) => {
  await database?.stop();
  process.exit(code ?? (signal ? 130 : 1));
});
