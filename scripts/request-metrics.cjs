// Counts and times every HTTP request the production server answers, for
// GET /api/metrics (docs/adr/0027-metrics.md). Loaded through
// scripts/server-preload.cjs in front of `next start` and the standalone
// server, so it sees each request from its first byte to its last: pages,
// server actions, route handlers, static files and requests the proxy
// refuses alike.
//
// Off unless METRICS_TOKEN is set. Whether it is is decided at the first
// request, not here: `next start` reads .env files after the preloads ran.
//
// Labels name a route TEMPLATE (`/projects/[projectId]`), never the path a
// client sent, so their number is bounded by the build, whatever clients
// send: the templates come from the build's own routes manifest, matched
// with the regular expressions Next itself routes with.
const fs = require("node:fs");
const path = require("node:path");
const { onEveryRequest } = require("./every-request.cjs");

// The registry the preload and the bundled route handler share: the bundle
// does not see this module, but sees the same globalThis (and, prom-client
// being a server external package, the same prom-client).
// lib/server/kernel/metrics.ts reads the same key.
const SHARED = Symbol.for("shipshape.metrics");

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const UNMATCHED = "(unmatched)";

/** The process-wide prom-client registry (created with the default process metrics on first use). */
function sharedRegistry() {
  const shared = (globalThis[SHARED] ??= {});
  if (!shared.registry) {
    const client = require("prom-client");
    shared.registry = new client.Registry();
    client.collectDefaultMetrics({ register: shared.registry });
  }
  return shared.registry;
}

/**
 * Turns a routes manifest (`.next/routes-manifest.json`: `staticRoutes` and
 * `dynamicRoutes`, each `{ page, regex }`) and the public files (paths such
 * as `/favicon.ico`) into a function from a request path to its template.
 * Static routes win over dynamic ones, and dynamic ones are tried in the
 * manifest's order (Next's own: most specific first).
 */
function compileRoutes(manifest, publicFiles = []) {
  const exact = new Set([...(manifest.staticRoutes ?? []).map((route) => route.page), ...publicFiles]);
  const dynamic = (manifest.dynamicRoutes ?? []).map((route) => ({ page: route.page, regex: new RegExp(route.regex) }));
  return function routeTemplate(url) {
    let pathname = String(url).split("?")[0].split("#")[0] || "/";
    if (pathname.startsWith("/_next/static/")) return "/_next/static/[...]";
    if (pathname.startsWith("/_next/")) return pathname.startsWith("/_next/image") ? "/_next/image" : "/_next/[...]";
    // Client navigations ask for a page's server components at its path plus
    // `.rsc`, or for one segment's under `<path>.segments/`.
    pathname = pathname.replace(/\.segments\/.*$|\.rsc$/, "");
    if (pathname.length > 1 && pathname.endsWith("/")) pathname = pathname.slice(0, -1);
    if (exact.has(pathname)) return pathname;
    for (const route of dynamic) if (route.regex.test(pathname)) return route.page;
    return UNMATCHED;
  };
}

/** Paths of the files under `directory`, as served from the site's root (`/favicon.ico`); at most `limit`. */
function publicFiles(directory, limit = 1000) {
  const found = [];
  const walk = (folder, prefix) => {
    let entries;
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (found.length >= limit) return;
      if (entry.isDirectory()) walk(path.join(folder, entry.name), `${prefix}/${entry.name}`);
      else found.push(`${prefix}/${entry.name}`);
    }
  };
  walk(directory, "");
  return found;
}

/** The route templates of the build in the working directory; every path is UNMATCHED without one. */
function routesOfBuild(root = process.cwd()) {
  let manifest = {};
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(root, ".next/routes-manifest.json"), "utf8"));
  } catch {
    // No build here (a development server): every request counts as unmatched.
  }
  return compileRoutes(manifest, publicFiles(path.join(root, "public")));
}

/** "2xx" … "5xx" for a status code. */
const statusClass = (status) => `${Math.floor(status / 100)}xx`;

/** The request counter and latency histogram, registered once in `registry`. */
function httpMetrics(registry) {
  const client = require("prom-client");
  const labelNames = ["method", "route", "status_class"];
  const existing = registry.getSingleMetric("shipshape_http_requests_total");
  if (existing) return { requests: existing, duration: registry.getSingleMetric("shipshape_http_request_duration_seconds") };
  return {
    requests: new client.Counter({
      name: "shipshape_http_requests_total",
      help: "HTTP requests answered, by method, route template and status class (aborted: the client left first).",
      labelNames,
      registers: [registry],
    }),
    duration: new client.Histogram({
      name: "shipshape_http_request_duration_seconds",
      help: "Time from a request's arrival to its response's last byte, by method, route template and status class.",
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

/**
 * A request listener that records each request in `metrics` once its
 * response is done; `routeTemplate` names its route.
 */
function requestObserver(metrics, routeTemplate) {
  return function observe(request, response) {
    const started = process.hrtime.bigint();
    response.once("close", () => {
      const labels = {
        method: METHODS.has(request.method) ? request.method : "OTHER",
        route: routeTemplate(request.url ?? "/"),
        status_class: response.writableFinished ? statusClass(response.statusCode) : "aborted",
      };
      metrics.requests.inc(labels);
      metrics.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
  };
}

// Decided at the first request (see above), then fixed for the process.
let observer;
function observeIfEnabled(request, response) {
  if (observer === undefined) {
    observer = process.env.METRICS_TOKEN?.trim() ? requestObserver(httpMetrics(sharedRegistry()), routesOfBuild()) : null;
  }
  if (observer) observer(request, response);
}

onEveryRequest("request-metrics", observeIfEnabled);

module.exports = { compileRoutes, publicFiles, routesOfBuild, requestObserver, httpMetrics, sharedRegistry, UNMATCHED };
