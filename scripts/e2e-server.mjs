#!/usr/bin/env node
// The server Playwright tests against: the production build, on a database of
// its own (created on DATABASE_URL's server or an embedded PostgreSQL, and
// dropped afterwards), so every e2e run starts from a fresh install.
import { randomBytes } from "node:crypto";
import {
  createScratchDatabase,
  dropLeftoverScratchDatabases,
  prepareDatabase,
  provideDatabase,
  stopOnSignal,
  superviseChild,
  selectTestCluster,
} from "./lib/database.mjs";
import { nextStartArgs } from "./lib/next-server.mjs";
import { prepareCheckTargets, removeCheckTargets } from "./lib/e2e-check-targets.mjs";

const port = process.env.E2E_PORT || "3100";

selectTestCluster();
const server = await provideDatabase();
if (server.embedded) await dropLeftoverScratchDatabases(server.url, "shipshape_e2e");
const scratch = await createScratchDatabase(server.url, "shipshape_e2e");
const cleanup = async () => {
  // When the embedded server is already stopping, the next run drops it.
  await scratch.drop().catch(() => {});
  removeCheckTargets(port);
  await server.stop();
};
stopOnSignal(cleanup);
await prepareDatabase(scratch.url);
// A private CA the server trusts, loopback and a repositories directory
// allowed, so that specs can point checks at this server (e2e/self-check.spec.ts).
const checkTargets = prepareCheckTargets(port);

const code = await superviseChild(process.execPath, nextStartArgs(port), {
  env: {
    ...process.env,
    ...checkTargets,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: scratch.url,
    APP_URL: `http://localhost:${port}`,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    LOG_LEVEL: process.env.LOG_LEVEL || "warn",
    // GET /api/metrics is on; e2e/metrics.spec.ts scrapes it with this token.
    METRICS_TOKEN: "e2e-metrics-token-0123456789abcdef",
    // Checks may reach loopback: e2e/readiness-checks.spec.ts checks a server it starts on 127.0.0.1.
    CHECKS_ALLOWED_NETWORKS: process.env.CHECKS_ALLOWED_NETWORKS || "127.0.0.0/8,::1/128",
    // Read tokens for repository checks are sealed with it (e2e/repository-tokens.spec.ts).
    SHIPSHAPE_SECRET_KEY: "e2e-sealing-key-0123456789abcdefghijklmnop",
  },
  cleanup,
});
process.exit(code);
