import "server-only";
import { networkPolicyFromEnv } from "@/lib/server/checks/network-policy";
import { repositoryPathsFromEnv } from "@/lib/server/checks/repository-paths";
import { parseConfig, type Config } from "@/lib/server/kernel/config-schema";
import { startJobs, stopJobsOnSignal } from "./runtime";

/**
 * The scheduled jobs in a process of their own (`shipshape worker`). Checks
 * the server's settings first, as the server does at start-up (throws a
 * ConfigError naming a bad one), starts the jobs, calls `started` with the
 * settings in force, and resolves with the signal (SIGTERM, SIGINT) that
 * stopped them once running checks have finished.
 */
export async function runWorker(started: (config: Config) => void): Promise<NodeJS.Signals> {
  const config = parseConfig(process.env);
  // The automated checks' operator settings (docs/adr/0028-check-runners-and-network-guard.md).
  networkPolicyFromEnv();
  repositoryPathsFromEnv();
  const jobs = await startJobs({ settings: config, snapshotIntervalSeconds: config.SNAPSHOT_CHECK_INTERVAL_SECONDS });
  started(config);
  return new Promise((resolve) => stopJobsOnSignal(jobs, resolve));
}
