#!/usr/bin/env node
// `npm run db:migrate:create -- <name>`: diffs prisma/schema.prisma against the
// migrations already in prisma/migrations, writes the difference as a new
// migration and applies it to DATABASE_URL. Prisma's own `migrate dev` cannot
// evaluate data loss through a driver adapter, so the diff is taken with
// `migrate diff --from-migrations` (which replays them in a shadow database).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate, run } from "./lib/database.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migrate:create -- <name_in_snake_case>");
  process.exit(2);
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL must point at a development database.");
  process.exit(2);
}

let script = "";
const code = await run(
  process.execPath,
  [
    path.join(root, "node_modules/prisma/build/index.js"),
    "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script",
  ],
  {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    onStdout: (chunk) => (script += chunk),
    env: { ...process.env, NODE_OPTIONS: `--require ${path.join(root, "scripts/prisma-unref-timers.cjs")}` },
  },
);
if (code !== 0) process.exit(code);
if (!/\S/.test(script.replace(/^--.*$/gm, ""))) {
  console.error("The schema matches the migrations; nothing to create.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const directory = path.join(root, "prisma/migrations", `${stamp}_${name}`);
mkdirSync(directory, { recursive: true });
writeFileSync(path.join(directory, "migration.sql"), script);
console.error(`Wrote ${path.relative(root, directory)}/migration.sql`);
await migrate(url);
console.error("Applied.");
