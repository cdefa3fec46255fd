// The field's vocabulary for matching a team's wording to a checklist's: names
// of tools, abbreviations and phrases that mean one readiness practice. Each
// concept is one token to the matcher, so "DB backups", "pg_dump nightly" and
// "Automated backups" share "backup", and "GitHub Actions workflow" reaches
// "Continuous integration on every change". A phrase may also imply broader
// concepts (a runbook is documentation).
//
// Phrases are written as people write them; they are stemmed with the same
// stemmer as the text (see tokens.ts), so plural and -ing forms need no entry.
// Only add a phrase a practitioner would read as the same practice without
// thinking: a looser synonym makes the matcher propose wrong matches.

export type Concept = { concept: string; phrases: string[]; implies?: string[] };

export const CONCEPTS: Concept[] = [
  // Environments
  { concept: "staging", phrases: ["staging", "preview environment", "pre-production", "preprod", "uat", "qa environment"] },
  { concept: "config", phrases: ["configuration", "config", "settings"] },
  { concept: "env-config", phrases: ["env vars", "environment variables", "environment variable", "dotenv", "configuration from the environment", "config from the environment", "12-factor config", "twelve-factor config"], implies: ["config"] },
  // Testing
  { concept: "unit-test", phrases: ["unit test", "unit suite", "jest", "vitest", "pytest", "junit", "mocha"], implies: ["test"] },
  { concept: "integration-test", phrases: ["integration test", "testcontainers"], implies: ["test"] },
  { concept: "e2e", phrases: ["e2e", "end to end", "end-to-end", "playwright", "cypress", "selenium", "journey test", "browser test"], implies: ["test"] },
  { concept: "load-test", phrases: ["load test", "stress test", "performance test", "soak test", "k6", "jmeter", "locust", "gatling", "artillery", "capacity test"], implies: ["test"] },
  { concept: "coverage", phrases: ["coverage", "code coverage", "codecov", "coveralls"] },
  { concept: "flaky", phrases: ["flaky", "flakey", "flakiness", "intermittent test"] },
  { concept: "lint", phrases: ["lint", "linting", "linter", "eslint", "prettier", "static analysis", "type check", "typecheck"] },
  // Security
  { concept: "authentication", phrases: ["authentication", "authn", "auth", "login", "log in", "sign in", "signin", "sign-in", "jwt", "oauth", "oidc", "sso", "single sign on", "saml", "mfa", "2fa", "two factor", "password", "session"] },
  { concept: "authorization", phrases: ["authorization", "authorisation", "authz", "rbac", "permission", "access control", "role based"] },
  { concept: "tenant", phrases: ["tenant", "multi-tenant", "multitenancy", "tenancy", "row level security"] },
  { concept: "secret", phrases: ["secret", "vault", "secret manager", "secrets manager", "kms", "api key"] },
  { concept: "https", phrases: ["https", "tls", "ssl", "hsts", "strict transport security"] },
  { concept: "certificate", phrases: ["certificate", "cert", "letsencrypt", "let's encrypt", "acme", "cert-manager"] },
  { concept: "security-header", phrases: ["security header", "csp", "content security policy", "helmet", "x-frame-options", "http header"] },
  { concept: "rate-limit", phrases: ["rate limit", "rate limiting", "rate limiter", "throttling", "throttle", "request limit", "request throttling", "api throttling"] },
  { concept: "cors", phrases: ["cors", "cross-origin", "cross origin"] },
  { concept: "input-validation", phrases: ["input validation", "validate input", "request validation", "schema validation", "zod", "joi", "sanitisation", "sanitization", "sql injection", "xss"] },
  { concept: "dependency", phrases: ["dependency", "dependabot", "renovate", "snyk", "npm audit", "pip audit", "vulnerability scan", "cve", "sca", "supply chain"] },
  { concept: "pentest", phrases: ["penetration test", "pen test", "pentest", "security audit", "security review", "red team"] },
  { concept: "audit-log", phrases: ["audit log", "audit trail", "activity log"] },
  // CI/CD
  { concept: "ci", phrases: ["ci", "continuous integration", "github actions", "github actions workflow", "github workflow", "gitlab ci", "circleci", "jenkins", "travis", "buildkite", "pipeline"] },
  { concept: "deploy", phrases: ["deploy", "deployment", "deploys", "deploying", "continuous deployment", "continuous delivery", "cd", "release automation"] },
  { concept: "branch-protection", phrases: ["branch protection", "protected branch", "required review", "required check", "code review", "pull request review"] },
  { concept: "pull-request", phrases: ["pull request", "pr", "merge request", "mr", "every change", "every merge", "every push", "every commit"] },
  { concept: "rollback", phrases: ["rollback", "roll back", "revert", "rolling back"] },
  { concept: "lockfile", phrases: ["lockfile", "lock file", "package-lock", "pinned dependencies", "reproducible build"] },
  // Infrastructure
  { concept: "container", phrases: ["docker", "dockerfile", "container", "containerised", "containerized", "containerisation", "containerization", "podman", "docker image", "oci image", "multi-stage build", "multi stage build", "multistage build"] },
  { concept: "kubernetes", phrases: ["kubernetes", "k8s", "helm", "eks", "gke", "aks"] },
  { concept: "iac", phrases: ["infrastructure as code", "infrastructure defined as code", "infrastructure in code", "iac", "terraform", "opentofu", "pulumi", "cloudformation", "ansible", "bicep"] },
  { concept: "health-check", phrases: ["health check", "healthcheck", "health endpoint", "liveness", "liveness probe", "readiness probe", "readiness endpoint", "heartbeat endpoint"] },
  { concept: "scaling", phrases: ["scaling", "autoscaling", "auto-scaling", "autoscale", "horizontal scaling", "hpa", "replicas", "headroom"] },
  { concept: "graceful-shutdown", phrases: ["graceful shutdown", "sigterm", "connection draining", "draining"] },
  { concept: "infrastructure", phrases: ["infrastructure", "infra"] },
  { concept: "cdn", phrases: ["cdn", "cloudflare", "cloudfront", "fastly", "akamai", "edge cache"] },
  { concept: "dns", phrases: ["dns", "custom domain", "domain name", "route53", "route 53"] },
  // Data
  { concept: "database", phrases: ["database", "db", "postgres", "postgresql", "psql", "mysql", "mariadb", "mongodb", "mongo", "sqlite", "rds", "aurora", "datastore"] },
  { concept: "migration", phrases: ["migration", "schema change", "flyway", "liquibase", "alembic", "prisma migrate", "knex migrate"] },
  { concept: "connection-pool", phrases: ["connection pool", "connection pooling", "pooling", "pgbouncer", "pool size"] },
  { concept: "index", phrases: ["index", "indexes", "indices", "indexing", "slow query", "query plan", "explain analyze"] },
  { concept: "n-plus-one", phrases: ["n+1", "n + 1", "n plus one", "n+1 query"] },
  { concept: "backup", phrases: ["backup", "back up", "backing up", "database backup", "db backup", "data backup", "snapshot", "pg_dump", "pgdump", "database dump", "db dump"] },
  { concept: "offsite", phrases: ["off-site", "offsite", "off site", "s3", "object storage", "cloud storage", "remote storage", "another region", "second region", "cross-region", "gcs", "azure blob", "backblaze", "b2"] },
  { concept: "restore-test", phrases: ["restore test", "restore tested", "test restore", "restore drill", "restore rehearsal", "restore rehearsed", "rehearsed restore", "backup verification", "backup verified", "verify backup", "backup test", "recovery test", "recovery drill"] },
  { concept: "disaster-recovery", phrases: ["disaster recovery", "dr plan", "business continuity", "bcp"] },
  { concept: "rpo-rto", phrases: ["rpo", "rto", "recovery point", "recovery time", "recovery objective"] },
  // Monitoring
  { concept: "error-tracking", phrases: ["error tracking", "exception tracking", "error monitoring", "error reporting", "sentry", "bugsnag", "rollbar", "honeybadger", "raygun", "airbrake"] },
  { concept: "logging", phrases: ["log", "logging", "logs", "pino", "winston", "log aggregation", "elk", "loki", "cloudwatch logs", "logger"] },
  { concept: "request-id", phrases: ["request id", "correlation id", "trace id", "request logging"] },
  { concept: "metrics", phrases: ["metrics", "metric", "prometheus", "grafana", "datadog", "dashboard", "statsd", "new relic"] },
  { concept: "alerting", phrases: ["alert", "alerting", "pagerduty", "opsgenie", "paging", "alert notification"] },
  { concept: "on-call", phrases: ["on-call", "on call", "oncall", "pager rota", "rota", "on-call rotation", "pager rotation", "pager schedule"] },
  { concept: "uptime", phrases: ["uptime", "pingdom", "uptimerobot", "uptime robot", "synthetic monitoring", "synthetic check", "external monitoring", "availability monitoring"] },
  { concept: "tracing", phrases: ["tracing", "trace", "opentelemetry", "otel", "jaeger", "zipkin", "distributed tracing"] },
  { concept: "performance-monitoring", phrases: ["performance monitoring", "apm", "rum", "real user monitoring", "real-user monitoring", "web vitals", "core web vitals"] },
  { concept: "slo", phrases: ["slo", "sla", "sli", "service level", "service level objective", "error budget"] },
  { concept: "monitoring", phrases: ["monitoring", "observability", "monitor"] },
  // Operations
  { concept: "runbook", phrases: ["runbook", "run book", "playbook", "play book", "sop", "standard operating procedure"], implies: ["documentation"] },
  { concept: "incident", phrases: ["incident", "postmortem", "post-mortem", "post mortem", "incident response", "escalation"] },
  { concept: "status-page", phrases: ["status page", "statuspage", "status site"] },
  { concept: "feature-flag", phrases: ["feature flag", "feature toggle", "launchdarkly", "unleash", "flagsmith", "kill switch"], implies: ["feature", "flag"] },
  { concept: "cost", phrases: ["cost", "billing alert", "budget alert", "spend", "finops"] },
  // Performance
  { concept: "cache", phrases: ["cache", "caching", "redis", "memcached", "varnish"] },
  { concept: "pagination", phrases: ["pagination", "paginated", "paging of lists", "cursor pagination", "infinite scroll"] },
  { concept: "background-job", phrases: ["background job", "job queue", "queue", "worker", "sidekiq", "celery", "bullmq", "pg-boss", "async job"] },
  { concept: "timeout", phrases: ["timeout", "time out", "time-out", "circuit breaker"] },
  { concept: "benchmark", phrases: ["benchmark", "profiling", "profiler", "hot path"] },
  // Documentation
  { concept: "documentation", phrases: ["documentation", "docs", "documented", "document", "guide", "reference", "manual", "wiki", "handbook", "how-to", "howto"] },
  { concept: "readme", phrases: ["readme", "read me", "getting started", "quickstart", "quick start"] },
  { concept: "decision-record", phrases: ["adr", "architecture decision", "architecture decision record", "decision record", "decision log"] },
  { concept: "architecture", phrases: ["architecture", "system design", "design doc", "c4", "diagram"] },
  { concept: "api", phrases: ["api", "openapi", "swagger", "rest api", "graphql", "endpoint"] },
  // Compliance
  { concept: "privacy", phrases: ["privacy", "gdpr", "ccpa", "data protection", "personal data", "pii", "dpa"] },
  { concept: "terms", phrases: ["terms of service", "terms of use", "tos", "terms and conditions", "eula"] },
  { concept: "data-request", phrases: ["data export", "data deletion", "right to erasure", "dsar", "subject access request", "delete account", "account deletion"] },
  { concept: "cookie", phrases: ["cookie", "cookie banner", "cookie consent", "consent banner", "tracking consent"] },
  { concept: "retention", phrases: ["retention", "data retention", "retention policy"] },
  { concept: "licence", phrases: ["licence", "license", "licensing", "open source licence", "oss licence", "sbom"] },
  { concept: "accessibility", phrases: ["accessibility", "a11y", "wcag", "screen reader", "aria"] },
  // Mobile
  { concept: "app-store", phrases: ["app store", "play store", "google play", "store listing", "testflight"] },
  { concept: "crash-reporting", phrases: ["crash reporting", "crash report", "crashlytics", "crashes"] },
  { concept: "push", phrases: ["push notification", "apns", "fcm", "firebase cloud messaging"] },
  { concept: "signing", phrases: ["signing", "code signing", "keystore", "provisioning profile", "signing key"] },
];
