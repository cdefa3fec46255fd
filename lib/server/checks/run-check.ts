// The one entry point the scheduler calls: a check's settings (parsed by
// lib/schemas/check-settings.ts) → its outcome, by kind.
import type { CheckSettings } from "@/lib/schemas/check-settings";
import { run as runDns } from "./runners/dns";
import { run as runHeaders } from "./runners/headers";
import { run as runHttp } from "./runners/http";
import { run as runReported } from "./runners/reported";
import { run as runRepository } from "./runners/repository";
import { run as runTls } from "./runners/tls";
import type { CheckContext, CheckOutcome } from "./types";

export type { CheckContext, CheckOutcome, ReportedResult } from "./types";

/** Runs one check. Resolves to a failed outcome, never rejects, when the target fails. */
export function runCheck(settings: CheckSettings, context: CheckContext = {}): Promise<CheckOutcome> {
  switch (settings.kind) {
    case "http":
      return runHttp(settings, context);
    case "tls":
      return runTls(settings, context);
    case "dns":
      return runDns(settings, context);
    case "repository":
      return runRepository(settings, context);
    case "reported":
      return runReported(settings, context);
    case "headers":
      return runHeaders(settings, context);
  }
}
