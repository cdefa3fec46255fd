#!/usr/bin/env node
// Usage: node scripts/with-database.mjs [--migrate] [--test-cluster] -- <command> [args…]
// Runs a command with DATABASE_URL pointing at the configured server, or at
// the embedded PostgreSQL: the one a running `npm start` serves (left
// running), or else one started before and stopped after the command.
import { attachDatabase, migrate, stopOnSignal, superviseChild, selectTestCluster } from "./lib/database.mjs";

const separator = process.argv.indexOf("--");
const flags = process.argv.slice(2, separator === -1 ? undefined : separator);
const [command, ...args] = separator === -1 ? [] : process.argv.slice(separator + 1);
if (!command) {
  console.error("usage: node scripts/with-database.mjs [--migrate] -- <command> [args…]");
  process.exit(2);
}

if (flags.includes("--test-cluster")) selectTestCluster();
const database = await attachDatabase();
stopOnSignal(database.stop);
if (flags.includes("--migrate")) await migrate(database.url);
const code = await superviseChild(command, args, {
  env: { ...process.env, DATABASE_URL: database.url, PATH: `${process.cwd()}/node_modules/.bin:${process.env.PATH}` },
  cleanup: database.stop,
});
process.exit(code);
