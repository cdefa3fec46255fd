// The repository check against real git repositories made in the test: cloned
// over HTTPS from git's own smart-HTTP backend on loopback (through the
// guard), and read from a local path the operator allows.
import type https from "node:https";
import { readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositoryCheckSettings } from "@/lib/schemas/check-settings";
import { branchRepository, gitHttpBackend, loopbackAllowed, makeRepository, nothingAllowed, selfSignedCertificate, startHttpsServer, tableLookup, type Certificate, type Listening, type TestRepository } from "@/tests/support/check-targets";
import { guardedGitHttp } from "@/lib/server/checks/git-http";
import { parseRepositoryPaths } from "@/lib/server/checks/repository-paths";
import { run } from "./repository";

let repository: TestRepository;
let certificate: Certificate;
let server: Listening<https.Server>;
const requests: string[] = [];
let url = "";

beforeAll(async () => {
  repository = makeRepository({
    "SECURITY.md": "# Security\n\nReport issues to security@example.com.\n",
    "LICENSE": "MIT License\n",
    ".github/CODEOWNERS": "* @acme/platform\n",
    ".github/workflows/ci.yml": "on: push\n",
    "docs/runbook.md": "# Runbook\n",
    "src/app.ts": "export {};\n",
  });
  branchRepository(repository, "release", { "RELEASE.md": "notes\n", "SECURITY.md": null });
  certificate = selfSignedCertificate(30, ["git.test"]);
  const backend = gitHttpBackend(repository.root);
  server = await startHttpsServer(certificate, (request, response) => {
    requests.push(`${request.method} ${request.url}`);
    if (request.headers.authorization !== undefined && request.headers.authorization !== `Basic ${Buffer.from("x-access-token:s3cret").toString("base64")}`) {
      return response.writeHead(403).end();
    }
    backend(request, response);
  });
  url = `https://git.test:${server.port}/app.git`;
}, 30_000);
afterAll(async () => {
  await server.close();
  repository.remove();
});

const context = () => ({ network: loopbackAllowed, lookup: tableLookup({ "git.test": ["127.0.0.1"] }), trustedCertificates: [certificate.cert] });
const settings = (input: Record<string, unknown>) => repositoryCheckSettings.parse({ kind: "repository", ...input });
const temporaryDirectories = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith("shipshape-check-")).length;

describe("the repository check over HTTPS", () => {
  it("passes when every file and glob is there and matches, on the default branch", async () => {
    const before = temporaryDirectories();
    const outcome = await run(
      settings({
        url,
        files: [
          { path: "SECURITY.md", pattern: "^Report issues to \\S+@" },
          { path: "{CODEOWNERS,.github/CODEOWNERS,docs/CODEOWNERS}", pattern: "^\\* @acme/" },
          { path: ".github/workflows/*.{yml,yaml}" },
          { path: "**/runbook.md" },
          { path: "LICENSE*" },
        ],
      }),
      context(),
    );
    expect(outcome.summary).toBe("5 of 5 required files present on main");
    expect(outcome.passed).toBe(true);
    expect(outcome.details).toMatchObject({ branch: "main", commit: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect((outcome.details.files as Array<{ found: string[] }>)[1].found).toEqual([".github/CODEOWNERS"]);
    expect(temporaryDirectories()).toBe(before);
    expect(requests.some((line) => line.startsWith("POST /app.git/git-upload-pack"))).toBe(true);
  });

  it("fails for a missing file and a pattern that does not match, naming them and the branch", async () => {
    const outcome = await run(settings({ url, branch: "release", files: [{ path: "SECURITY.md" }, { path: "LICENSE", pattern: "Apache" }, { path: "RELEASE.md" }] }), context());
    expect(outcome.passed).toBe(false);
    expect(outcome.summary).toBe("SECURITY.md missing; LICENSE does not match /Apache/ on release");
  });

  it("sees a file removed by a later commit", async () => {
    repository.commit({ "docs/runbook.md": null }, "remove the runbook");
    try {
      const outcome = await run(settings({ url, files: [{ path: "docs/runbook.md" }] }), context());
      expect(outcome.summary).toBe("docs/runbook.md missing on main");
    } finally {
      repository.commit({ "docs/runbook.md": "# Runbook\n" }, "restore the runbook");
    }
  });

  it("sends the read token as basic authentication", async () => {
    const good = await run(settings({ url, files: [{ path: "LICENSE" }] }), { ...context(), repositoryCredentials: { password: "s3cret" } });
    expect(good.passed).toBe(true);
    const bad = await run(settings({ url, files: [{ path: "LICENSE" }] }), { ...context(), repositoryCredentials: { password: "wrong" } });
    expect(bad.passed).toBe(false);
    expect(bad.summary).toMatch(/^could not clone https:\/\/git\.test:\d+\/app\.git: HTTP 403/);
  });

  it("fails cleanly: an unknown branch, a refused address, a pattern that would run forever", async () => {
    const before = temporaryDirectories();
    const noBranch = await run(settings({ url, branch: "nope", files: [{ path: "LICENSE" }] }), context());
    expect(noBranch.passed).toBe(false);
    expect(noBranch.summary).toMatch(/^could not clone .*nope/);
    const refused = await run(settings({ url, files: [{ path: "LICENSE" }] }), { ...context(), network: nothingAllowed });
    expect(refused.summary).toBe("refused: git.test resolves to 127.0.0.1, a loopback address (set CHECKS_ALLOWED_NETWORKS to allow it)");
    // Not the obvious (a+)+ the form refuses, but as slow: the time limit stops it.
    repository.commit({ "slow.txt": `${"a".repeat(40)}!` }, "a slow file");
    const slow = await run({ ...settings({ url, files: [{ path: "slow.txt" }] }), files: [{ path: "slow.txt", pattern: "^(a|aa)*$" }] }, context());
    expect(slow.summary).toBe("the content patterns took too long; simplify them");
    expect(temporaryDirectories()).toBe(before);
  }, 20_000);
});

describe("the guarded git client", () => {
  it("stops a clone whose responses exceed the size cap", async () => {
    const { network: policy, ...rest } = context();
    const client = guardedGitHttp({ ...rest, policy, maxBytes: 100, deadline: Date.now() + 5_000 });
    await expect(client.request({ url: `${url}/info/refs?service=git-upload-pack` })).rejects.toThrow("the repository sent more than 100 bytes");
  });
});

describe("the repository check on a local path", () => {
  it("reads a bare and a working repository the operator allows, from the commit", async () => {
    const repositoryPaths = parseRepositoryPaths(repository.root);
    const bare = await run(settings({ path: repository.bare, files: [{ path: "SECURITY.md" }, { path: "src/*.ts" }] }), { repositoryPaths });
    expect(bare).toMatchObject({ passed: true, summary: `2 of 2 required files present on main of ${repository.bare}` });
    const work = await run(settings({ path: repository.work, branch: "release", files: [{ path: "RELEASE.md" }] }), { repositoryPaths });
    expect(work.passed).toBe(true);
  });

  it("refuses a path outside the allowed directories, and any path when none are allowed", async () => {
    const outside = await run(settings({ path: repository.bare, files: [{ path: "LICENSE" }] }), { repositoryPaths: parseRepositoryPaths(path.join(repository.root, "elsewhere")) });
    expect(outside.summary).toBe(`refused: ${repository.bare} is not under a directory the operator allows (set CHECKS_ALLOWED_REPOSITORY_PATHS to allow it)`);
    const none = await run(settings({ path: repository.bare, files: [{ path: "LICENSE" }] }), { repositoryPaths: parseRepositoryPaths("") });
    expect(none.passed).toBe(false);
    const notGit = await run(settings({ path: repository.root, files: [{ path: "LICENSE" }] }), { repositoryPaths: parseRepositoryPaths(repository.root) });
    expect(notGit.summary).toMatch(/^could not read .*: not a git repository/);
  });
});
