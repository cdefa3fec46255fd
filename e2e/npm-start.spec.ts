import { spawn } from "node:child_process";
import { once } from "node:events";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "./servers";


test("npm start says what it does, and Ctrl-C stops the server, then the database, quietly", async () => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "shipshape-start-"));
  // Run as root, PostgreSQL runs as the "postgres" user, who must reach the directory.
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    SHIPSHAPE_DATA_DIR: dataDir,
    SHIPSHAPE_PG_PORT: String(await freePort()),
    LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  const start = spawn(process.execPath, ["scripts/start.mjs"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  start.stdout!.on("data", (chunk) => (output += chunk));
  start.stderr!.on("data", (chunk) => (output += chunk));
  const exited = once(start, "exit");
  try {
    await expect.poll(() => fetch(`http://localhost:${port}/api/ready`).then((r) => r.status, () => 0), { timeout: 90_000 }).toBe(200);
    const postmaster = Number(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
    for (const stage of ["Starting the embedded PostgreSQL…", "Embedded PostgreSQL is running", "Applying migrations…", "Migrations applied.", "Starting the web server…", "Ready in"]) {
      expect(output).toContain(`[shipshape] ${stage}`);
    }
    const before = output.length;

    process.kill(-start.pid!, "SIGINT");
    const [code] = await exited;
    const shutdown = output.slice(before);
    expect(code).toBe(0);
    expect(shutdown).toContain("[shipshape] Shutting down…");
    expect(shutdown.indexOf("Stopping the embedded PostgreSQL")).toBeGreaterThan(shutdown.indexOf("Shutting down"));
    expect(shutdown).toContain("[shipshape] Stopped.");
    // The noise a database stopped under a running server made.
    expect(shutdown).not.toMatch(/error|terminat|ECONNREFUSED|connection lost|unavailable/i);
    expect(() => process.kill(postmaster, 0)).toThrow();
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
  } finally {
    if (start.exitCode === null) process.kill(-start.pid!, "SIGKILL");
    // PostgreSQL runs in a process group of its own.
    const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
    if (existsSync(pidFile)) process.kill(Number(readFileSync(pidFile, "utf8").split("\n")[0]), "SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
});
