// Which local repositories a check may read (CHECKS_ALLOWED_REPOSITORY_PATHS).
// A path on the server's disk is the operator's, not a team's: without an
// allow list, a lead could point a check at any git directory the server can
// read, so local paths are refused unless the operator names their parents.
import { realpath } from "node:fs/promises";
import path from "node:path";
import { ConfigError } from "@/lib/server/kernel/config-schema";

export const ALLOWED_REPOSITORY_PATHS_VARIABLE = "CHECKS_ALLOWED_REPOSITORY_PATHS";

/** Directories under which local repositories may be read; empty: none. */
export type RepositoryPathPolicy = { roots: readonly string[] };

/** Parses the comma-separated list of absolute directories; throws a ConfigError for a relative one. */
export function parseRepositoryPaths(value: string | undefined): RepositoryPathPolicy {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const problems = entries
    .filter((entry) => !path.isAbsolute(entry))
    .map((entry) => `${ALLOWED_REPOSITORY_PATHS_VARIABLE} "${entry}" is not an absolute directory: use paths such as /srv/git, separated by commas`);
  if (problems.length > 0) throw new ConfigError(problems);
  return { roots: entries.map((entry) => path.resolve(entry)) };
}

let fromEnvironment: RepositoryPathPolicy | undefined;

/** The operator's list, read from the environment once. Call at start-up to fail early. */
export function repositoryPathsFromEnv(): RepositoryPathPolicy {
  fromEnvironment ??= parseRepositoryPaths(process.env[ALLOWED_REPOSITORY_PATHS_VARIABLE]);
  return fromEnvironment;
}

const realOr = async (target: string) => realpath(target).catch(() => path.resolve(target));

/**
 * The real path of a repository when it lies under an allowed directory
 * (symbolic links followed first, so none leads out), else null.
 */
export async function allowedRepositoryPath(target: string, policy: RepositoryPathPolicy): Promise<string | null> {
  const real = await realOr(target);
  for (const root of policy.roots) {
    const realRoot = await realOr(root);
    if (real === realRoot || real.startsWith(realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep)) return real;
  }
  return null;
}
