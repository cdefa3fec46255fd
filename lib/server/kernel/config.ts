import "server-only";
import { parseConfig, type Config } from "@/lib/server/kernel/config-schema";

let cached: Config | undefined;

// Read once; start-up (instrumentation.ts) calls this first so a bad setting
// stops the process before it serves anything.
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
