import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

// Production servers a spec starts for itself, beside the suite's own (see
// playwright.config.ts): the same build, on ports of their own.

const root = path.resolve(__dirname, "..");

/** A port nobody is listening on right now. */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export type RunningServer = { child: ChildProcess; base: string; output: () => string; stop: () => Promise<void> };

/**
 * `next start` on `port`, started as the real start scripts start it
 * (scripts/lib/next-server.mjs), with `env` on top of production
 * defaults. Resolves once /api/health answers 200; rejects with the server's
 * output when it exits first or does not answer within `timeoutMs`.
 */
export async function startServer(port: number, env: Record<string, string | undefined>, timeoutMs = 30_000): Promise<RunningServer> {
  // Loaded at run time: Playwright compiles specs to CommonJS, which cannot import an ES module statically.
  const { nextStartArgs } = await import("../scripts/lib/next-server.mjs");
  const child = spawn(
    process.execPath,
    nextStartArgs(port),
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const base = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await once(child, "exit");
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server on port ${port} exited with ${child.exitCode}:\n${output}`);
    const status = await fetch(`${base}/api/health`).then((r) => r.status, () => 0);
    if (status === 200) return { child, base, output: () => output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server on port ${port} did not answer /api/health:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export type ScratchDatabase = { url: string; drop: () => Promise<void> };

/**
 * A database of its own, migrated, in the suite's test cluster (which the
 * suite's server has running already), for a spec that starts servers of its
 * own. `drop()` removes it and lets go of the cluster; it never throws.
 */
export async function scratchDatabase(): Promise<ScratchDatabase> {
  // Loaded at run time, as in startServer.
  const { attachDatabase, createScratchDatabase, prepareDatabase, selectTestCluster } = await import("../scripts/lib/database.mjs");
  selectTestCluster();
  const cluster = await attachDatabase({ log: () => {} });
  const database = await createScratchDatabase(cluster.url, "shipshape_e2e");
  await prepareDatabase(database.url);
  return {
    url: database.url,
    drop: async () => {
      await database.drop().catch(() => {});
      await cluster.stop();
    },
  };
}
