// Server start-up (Node.js runtime only): validate the configuration, then
// turn on Sentry when a DSN is set.
import * as Sentry from "@sentry/nextjs";
import { networkPolicyFromEnv } from "@/lib/server/checks/network-policy";
import { repositoryPathsFromEnv } from "@/lib/server/checks/repository-paths";
import { ConfigError, parseConfig } from "@/lib/server/kernel/config-schema";

try {
  parseConfig(process.env);
  // The automated checks' operator settings (docs/adr/0028-check-runners-and-network-guard.md).
  networkPolicyFromEnv();
  repositoryPathsFromEnv();
} catch (error) {
  if (error instanceof ConfigError) {
    // A clear message and a non-zero exit beat a server that fails later.
    console.error(`Shipshape cannot start. ${error.message}`);
    process.exit(1);
  }
  throw error;
}

if (process.env.SENTRY_DSN) {
  Sentry.init({
    dsn: process.env.SENTRY_DSN,
    environment: process.env.SENTRY_ENVIRONMENT || process.env.NODE_ENV,
    tracesSampleRate: 0,
  });
}

// The scheduled jobs on the job queue (lib/server/jobs/runtime.ts): the
// automated checks and the readiness history's daily snapshot, unless
// JOBS_IN_SERVER=false leaves them to `shipshape worker` processes. And the
// check that instances sharing the database share their settings
// (lib/server/jobs/instances.ts). Not under test runners or the CLI, which do
// not come through here.
const { config } = await import("@/lib/server/kernel/config");
if (config().JOBS_IN_SERVER) {
  const { startJobsInBackground } = await import("@/lib/server/jobs/runtime");
  startJobsInBackground({ settings: config(), snapshotIntervalSeconds: config().SNAPSHOT_CHECK_INTERVAL_SECONDS });
}
const { watchInstances } = await import("@/lib/server/jobs/instances");
watchInstances();
