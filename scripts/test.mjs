#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure.
import { spawnSync } from "node:child_process";

const steps = ["lint", "typecheck", "api:lint", "test:unit", "test:integration", "test:e2e", "test:oldest-node"];
for (const step of steps) {
  const started = Date.now();
  console.log(`\n▶ npm run ${step}`);
  const { status } = spawnSync("npm", ["run", "--silent", step], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (status !== 0) {
    console.error(`\n✘ ${step} failed (exit ${status})`);
    process.exit(status ?? 1);
  }
  console.log(`✔ ${step} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
