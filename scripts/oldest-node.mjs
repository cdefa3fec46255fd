#!/usr/bin/env node
// `npm run test:oldest-node`: Shipshape on the oldest Node.js release of each
// line package.json's `engines` allows (today 20.19.0 and 22.13.0), not only
// on the Node that runs CI. For each: the unit tests, then the production
// build (made by the e2e step before this one) started on a scratch database
// and asked for its health, readiness, sign-in page and an API refusal.
//
// The Node binaries come from the npm registry (the `node-<os>-<arch>`
// packages that the `node` package installs), cached under
// node_modules/.cache, so this needs nothing but the registry npm uses.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import semver from "semver";
import * as tar from "tar";
import { createScratchDatabase, prepareDatabase, provideDatabase, selectTestCluster } from "./lib/database.mjs";
import { nextStartArgs } from "./lib/next-server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cache = path.join(root, "node_modules/.cache/shipshape-node");
const say = (message) => console.log(`[oldest-node] ${message}`);

const { engines } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const oldest = new semver.Range(engines.node).set.map((comparators) => semver.minVersion(new semver.Range(comparators.map(String).join(" "))).version);

/** The path of the `node` binary of `version`, fetched from the registry once. */
function nodeBinary(version) {
  const dir = path.join(cache, version);
  const binary = path.join(dir, "bin/node");
  if (existsSync(binary)) return binary;
  const name = `node-${process.platform === "win32" ? "win" : process.platform}-${process.arch}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  say(`fetching ${name}@${version} from the npm registry`);
  const packed = spawnSync("npm", ["pack", `${name}@${version}`, "--pack-destination", dir, "--silent"], { encoding: "utf8" });
  if (packed.status !== 0) throw new Error(`npm pack ${name}@${version} failed: ${packed.stderr}`);
  const tarball = readdirSync(dir).find((file) => file.endsWith(".tgz"));
  tar.x({ file: path.join(dir, tarball), cwd: dir, strip: 1, sync: true });
  rmSync(path.join(dir, tarball));
  return binary;
}

function runWith(node, args, env = {}) {
  const { status } = spawnSync(node, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return status ?? 1;
}

async function freePort() {
  const probe = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => probe.once("listening", resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts the production server under `node` and checks what every install needs. Throws on a failure. */
async function smoke(node, databaseUrl) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(node, nextStartArgs(port, "127.0.0.1"), {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: databaseUrl, APP_URL: base, AUTH_SECRET: randomBytes(32).toString("base64url"), LOG_LEVEL: "warn" },
  });
  try {
    let up = false;
    for (let attempt = 0; attempt < 120 && !up; attempt += 1) {
      up = await fetch(`${base}/api/health`).then((response) => response.ok, () => false);
      if (!up) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    if (!up) throw new Error("the server did not answer /api/health within a minute");
    // A fresh install sends sign-in to the first-run setup page, rendered on the server.
    const checks = [
      ["/api/ready", 200, '"ready"'],
      ["/sign-in", 200, "Create the first account"],
      ["/api/v1/projects", 401, '"UNAUTHENTICATED"'],
    ];
    for (const [pathname, status, text] of checks) {
      const response = await fetch(`${base}${pathname}`);
      const body = await response.text();
      if (response.status !== status || !body.includes(text)) throw new Error(`${pathname} answered ${response.status} at ${new URL(response.url).pathname} without "${text}"`);
      say(`  ${pathname} → ${response.status} ${new URL(response.url).pathname}`);
    }
  } finally {
    server.kill("SIGTERM");
  }
}

if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
  console.error("No production build: run `npm run build` (or the e2e tests) first.");
  process.exit(1);
}
selectTestCluster();
const database = await provideDatabase();
let failed = false;
try {
  for (const version of oldest) {
    const node = nodeBinary(version);
    say(`Node ${version}: unit tests`);
    if (runWith(node, [path.join(root, "node_modules/vitest/vitest.mjs"), "run", "--project", "unit"]) !== 0) {
      failed = true;
      continue;
    }
    say(`Node ${version}: production server`);
    const scratch = await createScratchDatabase(database.url, "shipshape_oldest");
    try {
      await prepareDatabase(scratch.url, { log: () => {} });
      await smoke(node, scratch.url);
    } catch (error) {
      console.error(`[oldest-node] Node ${version}: ${error.message}`);
      failed = true;
    } finally {
      await scratch.drop().catch(() => {});
    }
  }
} finally {
  await database.stop();
}
process.exit(failed ? 1 : 0);
