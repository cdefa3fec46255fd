// The repository files check: the tip of a branch must hold files (paths or
// globs), each optionally matching a pattern. A remote repository is cloned
// shallow (one commit, one branch, no working tree, no tags) over http(s)
// through the network guard into a temporary directory that is always
// removed; a local one is read in place, when the operator allows its path.
// Either way the files are read from the commit, never from a working copy.
import fs from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import git from "isomorphic-git";
import type { RepositoryCheckSettings } from "@/lib/schemas/check-settings";
import { guardedGitHttp } from "@/lib/server/checks/git-http";
import { globToRegExp, isGlob } from "@/lib/server/checks/glob";
import { CheckFailure, NetworkRefusal, errorCode } from "@/lib/server/checks/network-guard";
import { networkPolicyFromEnv } from "@/lib/server/checks/network-policy";
import { timed } from "@/lib/server/checks/outcome";
import { matchPatterns, MAX_TEXT_BYTES } from "@/lib/server/checks/pattern-worker";
import { ALLOWED_REPOSITORY_PATHS_VARIABLE, allowedRepositoryPath, repositoryPathsFromEnv } from "@/lib/server/checks/repository-paths";
import type { CheckContext, CheckOutcome } from "@/lib/server/checks/types";

/** The most a clone may download, all responses together. */
export const MAX_CLONE_BYTES = 50 * 1024 * 1024;
// Files listed per glob in the details.
const LISTED_MATCHES = 20;
// Files of one glob whose content is tested against its pattern (one must match):
// with 50 entries at most 250 files, each read up to MAX_TEXT_BYTES.
const PATTERN_FILES = 5;

type Opened = { gitdir: string; commit: string; branch: string };
type FileResult = { path: string; found: string[]; matched?: boolean; passed: boolean; problem?: string };

/** Runs a repository check. Never throws for a failing target. */
export function run(settings: RepositoryCheckSettings, context: CheckContext = {}): Promise<CheckOutcome> {
  return timed(async () => {
    const temporary = settings.url ? await mkdtemp(path.join(os.tmpdir(), "shipshape-check-")) : null;
    try {
      const opened = temporary ? await cloneInto(temporary, settings, context) : await openLocal(settings, context);
      const files = await checkFiles(opened, settings);
      const failing = files.filter((file) => !file.passed);
      const where = `${opened.branch}${temporary ? "" : ` of ${settings.path}`}`;
      const details = { repository: settings.url ?? settings.path, branch: opened.branch, commit: opened.commit, files };
      if (failing.length === 0) return { passed: true, summary: `${files.length} of ${files.length} required files present on ${where}`, details };
      const described = failing.map((file) => file.problem).join("; ");
      return { passed: false, summary: `${described} on ${where}`, details };
    } finally {
      if (temporary) await rm(temporary, { recursive: true, force: true });
    }
  });
}

async function cloneInto(dir: string, settings: RepositoryCheckSettings, context: CheckContext): Promise<Opened> {
  const url = settings.url as string;
  const http = guardedGitHttp({
    policy: context.network ?? networkPolicyFromEnv(),
    lookup: context.lookup,
    trustedCertificates: context.trustedCertificates,
    credentials: context.repositoryCredentials,
    maxBytes: MAX_CLONE_BYTES,
    deadline: Date.now() + settings.timeoutMs,
    signal: context.signal,
  });
  try {
    await git.clone({ fs, http, dir, url, ref: settings.branch, singleBranch: true, depth: 1, noCheckout: true, noTags: true });
  } catch (error) {
    if (error instanceof CheckFailure) throw error;
    throw new CheckFailure(`could not clone ${url}: ${describeGitError(error, settings.branch)}`);
  }
  const gitdir = path.join(dir, ".git");
  const commit = await git.resolveRef({ fs, gitdir, ref: "HEAD" });
  const branch = settings.branch ?? (await git.currentBranch({ fs, gitdir })) ?? "HEAD";
  return { gitdir, commit, branch };
}

async function openLocal(settings: RepositoryCheckSettings, context: CheckContext): Promise<Opened> {
  const requested = settings.path as string;
  const real = await allowedRepositoryPath(requested, context.repositoryPaths ?? repositoryPathsFromEnv());
  if (!real) throw new NetworkRefusal(`${requested} is not under a directory the operator allows (set ${ALLOWED_REPOSITORY_PATHS_VARIABLE} to allow it)`);
  // A working copy keeps its repository in .git; a bare one is the repository.
  const dotGit = path.join(real, ".git");
  const gitdir = (await stat(dotGit).catch(() => null))?.isDirectory() ? dotGit : real;
  try {
    const commit = await git.resolveRef({ fs, gitdir, ref: settings.branch ?? "HEAD" });
    const branch = settings.branch ?? (await git.currentBranch({ fs, gitdir })) ?? "HEAD";
    return { gitdir, commit, branch };
  } catch (error) {
    throw new CheckFailure(`could not read ${requested}: ${describeGitError(error, settings.branch)}`);
  }
}

function describeGitError(error: unknown, branch: string | undefined): string {
  const code = errorCode(error);
  if (code === "NotFoundError") return branch ? `no branch ${branch}` : "not a git repository, or it has no commits";
  if (code === "HttpError" && error instanceof Error) return error.message.replace(/^HTTP Error: /, "HTTP ");
  if (code === "SmartHttpError") return "the server does not speak git's smart HTTP protocol";
  return error instanceof Error ? error.message : String(error);
}

async function checkFiles(opened: Opened, settings: RepositoryCheckSettings): Promise<FileResult[]> {
  const all = await git.listFiles({ fs, gitdir: opened.gitdir, ref: opened.commit });
  const results: FileResult[] = settings.files.map((file) => {
    const found = isGlob(file.path) ? all.filter((candidate) => globToRegExp(file.path).test(candidate)) : all.filter((candidate) => candidate === file.path);
    return { path: file.path, found, passed: found.length > 0, ...(found.length === 0 ? { problem: `${file.path} missing` } : {}) };
  });
  // Patterns: at least one of the found files must match.
  const jobs: Array<{ result: number; pattern: string; text: string }> = [];
  for (const [index, file] of settings.files.entries()) {
    if (!file.pattern || !results[index].passed) continue;
    for (const filepath of results[index].found.slice(0, PATTERN_FILES)) {
      const { blob } = await git.readBlob({ fs, gitdir: opened.gitdir, oid: opened.commit, filepath });
      jobs.push({ result: index, pattern: file.pattern, text: Buffer.from(blob.subarray(0, MAX_TEXT_BYTES)).toString("utf8") });
    }
  }
  const matches = await matchPatterns(jobs.map(({ pattern, text }) => ({ pattern, text })));
  if (matches === null) throw new CheckFailure("the content patterns took too long; simplify them");
  for (const [index, result] of results.entries()) {
    const file = settings.files[index];
    if (!file.pattern || !result.passed) continue;
    result.matched = jobs.some((job, jobIndex) => job.result === index && matches[jobIndex]);
    if (!result.matched) {
      result.passed = false;
      result.problem = `${result.found.length === 1 ? result.found[0] : file.path} does not match /${file.pattern}/`;
    }
  }
  for (const result of results) result.found = result.found.slice(0, LISTED_MATCHES);
  return results;
}
