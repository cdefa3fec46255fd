// What every check runner takes and gives back. Runners touch no
// database: the caller passes in what they need (the last reported result, a
// read token) and stores what they return.
import type { LookupFunction, DnsResolver } from "./resolvers";
import type { NetworkPolicy } from "./network-policy";
import type { RepositoryPathPolicy } from "./repository-paths";

/** The result of one run of a check. A runner never throws for a failing target. */
export type CheckOutcome = {
  passed: boolean;
  /** One readable line, such as "503 from https://x/health in 120 ms". */
  summary: string;
  /** Plain JSON: status, latencyMs, bytes, issuer, validTo, daysLeft, records, files … */
  details: Record<string, unknown>;
  /** How long the run took, in milliseconds. */
  durationMs: number;
};

/** The last result a pipeline reported for a `reported` check. */
export type ReportedResult = { reportedAt: Date; passed: boolean; summary?: string | null };

/**
 * What a run may be given besides its settings; every field is optional and
 * defaults to the real thing (the clock, the system's DNS, the operator's
 * policies from the environment). Tests inject lookups and resolvers so no
 * query leaves the machine.
 */
export type CheckContext = {
  now?: () => Date;
  /** Addresses the checks may reach; default from CHECKS_ALLOWED_NETWORKS. */
  network?: NetworkPolicy;
  /** Name → addresses, for connecting (default: the system resolver, dns.lookup). */
  lookup?: LookupFunction;
  /** Record queries for DNS checks (default: node:dns Resolver). */
  dnsResolver?: DnsResolver;
  /** Certificates to trust instead of the system's roots (PEM); for private CAs and tests. */
  trustedCertificates?: string[];
  /** Local repository paths a check may read; default from CHECKS_ALLOWED_REPOSITORY_PATHS. */
  repositoryPaths?: RepositoryPathPolicy;
  /** The read token of a repository check's `tokenRef`, already decrypted. */
  repositoryCredentials?: { username?: string; password: string };
  /** For `reported` checks: the last result a pipeline sent, or null when none came yet. */
  lastReport?: ReportedResult | null;
  /** Cancels the run (shutdown); the outcome is then a failure "cancelled". */
  signal?: AbortSignal;
};
