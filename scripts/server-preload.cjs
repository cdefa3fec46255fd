// Loaded with `node --require` in front of `next start` and the standalone
// server (scripts/start.mjs, scripts/e2e-server.mjs, scripts/docker-entrypoint.sh,
// the bench): what the production server process needs before Next creates
// its HTTP server.
//
// - socket-address.cjs: the client's real address in X-Forwarded-For
//   (docs/adr/0021-client-address-and-secure-cookies.md).
// - request-metrics.cjs: request counts and latency by route template for
//   GET /api/metrics, when METRICS_TOKEN is set (docs/adr/0027-metrics.md).
// - malformed-actions.cjs: a server-action request Next cannot decode answers
//   400, not 500 (docs/adr/0023-one-rule-for-input.md).
// - unsupported-methods.cjs: TRACE, which Next's proxy adapter fails on with
//   a 500, answers 405 before Next sees it.
require("./socket-address.cjs");
require("./request-metrics.cjs");
require("./malformed-actions.cjs");
require("./unsupported-methods.cjs");
