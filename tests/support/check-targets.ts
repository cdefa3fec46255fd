// Real local parties for the check runners' tests, all on loopback: an HTTP
// server the test scripts, a self-signed certificate, and git repositories
// served by git's own smart HTTP backend. Nothing here reaches the network.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { networkPolicyOf, parseCidr, type NetworkPolicy } from "@/lib/server/checks/network-policy";
import type { LookupFunction } from "@/lib/server/checks/resolvers";

/** The policy tests use for positive cases: loopback allowed, nothing else. */
export const loopbackAllowed: NetworkPolicy = networkPolicyOf([parseCidr("127.0.0.0/8")!]);
/** The default policy: nothing private allowed. */
export const nothingAllowed: NetworkPolicy = networkPolicyOf([]);

/** A lookup that answers from a table (never the real DNS), counting its calls. */
export function tableLookup(table: Record<string, string[] | (() => string[])>): LookupFunction & { calls: string[] } {
  const calls: string[] = [];
  const lookup = async (hostname: string) => {
    calls.push(hostname);
    const entry = table[hostname];
    if (!entry) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    const addresses = typeof entry === "function" ? entry() : entry;
    return addresses.map((address) => ({ address, family: (address.includes(":") ? 6 : 4) as 4 | 6 }));
  };
  return Object.assign(lookup, { calls });
}

export type Listening<S> = { server: S; port: number; close: () => Promise<void> };

async function listen<S extends http.Server>(server: S): Promise<Listening<S>> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An HTTP server on 127.0.0.1 answering with the handler the test gives. */
export function startHttpServer(handler: http.RequestListener): Promise<Listening<http.Server>> {
  return listen(http.createServer(handler));
}

export type Certificate = { key: string; cert: string };

/** A self-signed certificate for the names, valid for `days` from now, made with the openssl CLI. */
export function selfSignedCertificate(days: number, names: string[]): Certificate {
  const dir = mkdtempSync(path.join(os.tmpdir(), "shipshape-cert-"));
  try {
    const altNames = names.map((name) => (/^[\d.]+$/.test(name) ? `IP:${name}` : `DNS:${name}`)).join(",");
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
      "-days", String(days), "-subj", `/O=Shipshape Test/CN=${names[0]}`, "-addext", `subjectAltName=${altNames}`,
      "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem"),
    ], { stdio: "ignore" });
    return { key: readFileSync(path.join(dir, "key.pem"), "utf8"), cert: readFileSync(path.join(dir, "cert.pem"), "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An HTTPS server on 127.0.0.1 with the certificate. */
export function startHttpsServer(certificate: Certificate, handler: http.RequestListener): Promise<Listening<https.Server>> {
  return listen(https.createServer({ ...certificate }, handler));
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, GIT_AUTHOR_NAME: "Test", GIT_AUTHOR_EMAIL: "test@example.com", GIT_COMMITTER_NAME: "Test", GIT_COMMITTER_EMAIL: "test@example.com", GIT_CONFIG_NOSYSTEM: "1", HOME: cwd },
  }).toString();

export type TestRepository = { root: string; work: string; bare: string; commit: (files: Record<string, string | null>, message: string) => void; remove: () => void };

/**
 * A real git repository: a working copy (`work`, branch main) whose commits
 * are pushed to the same branch of a bare one (`bare`, under `root`, named app.git).
 */
export function makeRepository(files: Record<string, string>): TestRepository {
  const root = mkdtempSync(path.join(os.tmpdir(), "shipshape-repo-"));
  const work = path.join(root, "work");
  const bare = path.join(root, "app.git");
  mkdirSync(work);
  git(work, "init", "--quiet", "--initial-branch=main");
  const commit = (changes: Record<string, string | null>, message: string) => {
    for (const [name, content] of Object.entries(changes)) {
      const file = path.join(work, name);
      if (content === null) git(work, "rm", "--quiet", name);
      else {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, content);
        git(work, "add", name);
      }
    }
    git(work, "commit", "--quiet", "-m", message);
    const branch = git(work, "rev-parse", "--abbrev-ref", "HEAD").trim();
    git(work, "push", "--quiet", "--force", bare, `HEAD:refs/heads/${branch}`);
  };
  git(root, "init", "--quiet", "--bare", "--initial-branch=main", bare);
  commit(files, "first");
  return { root, work, bare, commit, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Adds a branch to the bare repository with the files changed. */
export function branchRepository(repository: TestRepository, branch: string, changes: Record<string, string | null>): void {
  git(repository.work, "checkout", "--quiet", "-b", branch);
  repository.commit(changes, `on ${branch}`);
  git(repository.work, "checkout", "--quiet", "main");
}

/**
 * git's smart HTTP protocol, as `git http-backend` (CGI) speaks it, for every
 * repository under `projectRoot`; the handler a test's server uses.
 */
export function gitHttpBackend(projectRoot: string): http.RequestListener {
  return (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    // The CGI environment alone: nothing of the test process's git settings.
    const env: Record<string, string | undefined> = {
      PATH: process.env.PATH,
      GIT_PROJECT_ROOT: projectRoot,
      GIT_HTTP_EXPORT_ALL: "1",
      GIT_CONFIG_NOSYSTEM: "1",
      HOME: projectRoot,
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      REQUEST_METHOD: request.method ?? "GET",
      CONTENT_TYPE: request.headers["content-type"] ?? "",
      REMOTE_ADDR: "127.0.0.1",
      ...(request.headers["git-protocol"] ? { GIT_PROTOCOL: String(request.headers["git-protocol"]) } : {}),
    };
    const child = spawn("git", ["http-backend"], { env: env as NodeJS.ProcessEnv });
    request.pipe(child.stdin);
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("close", () => {
      const output = Buffer.concat(chunks);
      const split = output.indexOf("\r\n\r\n");
      const head = output.subarray(0, split).toString("latin1");
      let status = 200;
      for (const line of head.split("\r\n")) {
        const [name, ...rest] = line.split(":");
        const value = rest.join(":").trim();
        if (name.toLowerCase() === "status") status = Number.parseInt(value, 10);
        else if (name) response.setHeader(name, value);
      }
      response.statusCode = status;
      response.end(output.subarray(split + 4));
    });
  };
}
