// Applies Prisma's migrations, all or some, and runs child processes. Kept
// apart from database.mjs (which loads the catalogue seed) so that the
// TypeScript CLI can import it for `shipshape restore`.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function runPrisma(args, url, { stdio = "inherit", onOutput } = {}) {
  return run(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...args], {
    // Prisma finds prisma.config.ts in its working directory; the CLI may be run from anywhere.
    cwd: root,
    stdio,
    onStdout: onOutput,
    onStderr: onOutput,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${path.join(root, "scripts/prisma-unref-timers.cjs")}`]
        .filter(Boolean)
        .join(" "),
    },
  });
}

const migrationsDir = path.join(root, "prisma", "migrations");

// The migrations this version ships, oldest first (their folder names).
export function availableMigrations() {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

// Quiet unless it fails: Prisma's banner lines would otherwise precede every
// start and every CLI command. With `only` (migration names), applies just
// those: a restore brings a database to the schema its archive was taken at
// before loading it. Prisma has no "deploy up to", so they are copied beside
// the schema into a folder of their own.
export async function migrate(url, { only } = {}) {
  let output = "";
  let args = ["migrate", "deploy"];
  let folder;
  if (only) {
    const unknown = only.filter((name) => !availableMigrations().includes(name));
    if (unknown.length > 0) throw new Error(`Unknown migrations: ${unknown.join(", ")}`);
    folder = mkdtempSync(path.join(os.tmpdir(), "shipshape-migrations-"));
    cpSync(path.join(root, "prisma", "schema.prisma"), path.join(folder, "schema.prisma"));
    cpSync(path.join(migrationsDir, "migration_lock.toml"), path.join(folder, "migrations", "migration_lock.toml"));
    for (const name of only) cpSync(path.join(migrationsDir, name), path.join(folder, "migrations", name), { recursive: true });
    args = [...args, "--schema", path.join(folder, "schema.prisma")];
  }
  try {
    const code = await runPrisma(args, url, { stdio: ["ignore", "pipe", "pipe"], onOutput: (chunk) => (output += chunk) });
    if (code !== 0) throw new Error(`prisma migrate deploy failed with exit code ${code}:\n${output.trim()}`);
  } finally {
    if (folder) rmSync(folder, { recursive: true, force: true });
  }
}

export function run(command, args, { onStdout, onStderr, ...options } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    if (onStdout) child.stdout.on("data", (chunk) => onStdout(chunk.toString()));
    if (onStderr) child.stderr.on("data", (chunk) => onStderr(chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
