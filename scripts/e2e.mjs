#!/usr/bin/env node
// `npm run test:e2e`: a production build when it is missing or stale, then
// Playwright against it (see playwright.config.ts and scripts/e2e-server.mjs).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIsStale } from "./lib/build-freshness.mjs";
import { run } from "./lib/database.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };

if (buildIsStale(root)) {
  const built = await run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { env, cwd: root });
  if (built !== 0) process.exit(built);
}
const code = await run(process.execPath, [path.join(root, "node_modules/@playwright/test/cli.js"), "test", ...process.argv.slice(2)], { cwd: root });
process.exit(code);
