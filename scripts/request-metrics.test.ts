import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type RouteTemplate = (url: string) => string;
type Metrics = { requests: unknown; duration: unknown };
const { compileRoutes, publicFiles, requestObserver, httpMetrics, UNMATCHED } = createRequire(import.meta.url)("./request-metrics.cjs") as {
  compileRoutes: (manifest: unknown, publicFiles?: string[]) => RouteTemplate;
  publicFiles: (directory: string) => string[];
  requestObserver: (metrics: Metrics, routeTemplate: RouteTemplate) => http.RequestListener;
  httpMetrics: (registry: Registry) => Metrics;
  UNMATCHED: string;
};

// An excerpt of a build's .next/routes-manifest.json, as Next writes it.
const dynamic = (page: string, regex: string) => ({ page, regex });
const manifest = {
  staticRoutes: ["/", "/api/health", "/api/v1/projects", "/projects/new", "/projects/import"].map((page) => ({ page, regex: "" })),
  dynamicRoutes: [
    dynamic("/api/v1/projects/[projectId]", "^/api/v1/projects/([^/]+?)(?:/)?$"),
    dynamic("/api/v1/projects/[projectId]/items/[key]", "^/api/v1/projects/([^/]+?)/items/([^/]+?)(?:/)?$"),
    dynamic("/api/v1/[...path]", "^/api/v1/(.+?)(?:/)?$"),
    dynamic("/projects/[projectId]", "^/projects/([^/]+?)(?:/)?$"),
    dynamic("/projects/[projectId]/items/[itemId]", "^/projects/([^/]+?)/items/([^/]+?)(?:/)?$"),
    dynamic("/sign-in/[[...sign-in]]", "^/sign\\-in(?:/(.+?))?(?:/)?$"),
  ],
};

describe("route templates", () => {
  const template = compileRoutes(manifest, ["/favicon.ico", "/fonts/inter.woff2"]);

  it("name a dynamic path by its template, never by the ids in it", () => {
    expect(template("/projects/cm9x2k3l40000abcd")).toBe("/projects/[projectId]");
    expect(template("/projects/cm9x2k3l40000abcd/items/cm9x2k3l40001efgh")).toBe("/projects/[projectId]/items/[itemId]");
    expect(template("/api/v1/projects/cm9x2k3l40000abcd?include=items")).toBe("/api/v1/projects/[projectId]");
    expect(template("/api/v1/projects/p1/items/testing.unit")).toBe("/api/v1/projects/[projectId]/items/[key]");
    expect(template("/api/v1/no/such/endpoint/42")).toBe("/api/v1/[...path]");
    expect(template("/sign-in")).toBe("/sign-in/[[...sign-in]]");
    expect(template("/sign-in/factor-one")).toBe("/sign-in/[[...sign-in]]");
  });

  it("prefer a static route to a dynamic one that also matches", () => {
    expect(template("/projects/new")).toBe("/projects/new");
    expect(template("/projects/import/")).toBe("/projects/import");
    expect(template("/")).toBe("/");
    expect(template("/?tab=all")).toBe("/");
  });

  it("fold a page's server-component requests into the page", () => {
    expect(template("/projects/p1.rsc")).toBe("/projects/[projectId]");
    expect(template("/projects/new.segments/_tree.segment.rsc")).toBe("/projects/new");
  });

  it("keep build assets and public files to a few fixed names", () => {
    expect(template("/_next/static/chunks/app/page-0123abcd.js")).toBe("/_next/static/[...]");
    expect(template("/_next/image?url=%2Flogo.png&w=64")).toBe("/_next/image");
    expect(template("/_next/webpack-hmr")).toBe("/_next/[...]");
    expect(template("/favicon.ico")).toBe("/favicon.ico");
    expect(template("/fonts/inter.woff2")).toBe("/fonts/inter.woff2");
  });

  it("put every path no route serves under one name", () => {
    for (const path of ["/wp-login.php", "/projects/p1/no-such-page/deeper", "/api/nothing", "/favicon.ico.bak"]) {
      expect(template(path), path).toBe(UNMATCHED);
    }
  });

  it("without a manifest, call everything unmatched", () => {
    expect(compileRoutes({})("/projects/p1")).toBe(UNMATCHED);
  });

  it("list the public directory's files as the site serves them", () => {
    const files = publicFiles(path.resolve(import.meta.dirname, "../public"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file).toMatch(/^\/[^/]/);
    expect(publicFiles(path.resolve(import.meta.dirname, "no-such-directory"))).toEqual([]);
  });
});

describe("the request observer", () => {
  const registry = new Registry();
  const observe = requestObserver(httpMetrics(registry), compileRoutes(manifest));
  let server: http.Server;
  let base = "";
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      observe(request, response);
      if (request.url === "/slow") return; // The client gives up first.
      response.statusCode = request.url?.startsWith("/projects/") ? 200 : 404;
      response.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // One sample's value: `name` a metric's or, for a histogram, a series' (`…_count`).
  const sample = async (name: string, labels: Record<string, string>) => {
    const metric = (await registry.getMetricsAsJSON()).find((m) => name === m.name || name.startsWith(`${m.name}_`));
    const match = metric?.values.find(
      (v) => ((v as { metricName?: string }).metricName ?? metric.name) === name && Object.entries(labels).every(([key, value]) => v.labels[key] === value),
    );
    return match?.value ?? 0;
  };

  it("counts and times each request by method, route template and status class", async () => {
    for (const id of ["a1", "b2", "c3"]) await (await fetch(`${base}/projects/${id}`)).text();
    await (await fetch(`${base}/wp-login.php`, { method: "POST", body: "x" })).text();
    await (await fetch(`${base}/projects/d4`, { method: "PROPFIND" })).text();

    expect(await sample("shipshape_http_requests_total", { method: "GET", route: "/projects/[projectId]", status_class: "2xx" })).toBe(3);
    expect(await sample("shipshape_http_requests_total", { method: "POST", route: UNMATCHED, status_class: "4xx" })).toBe(1);
    expect(await sample("shipshape_http_requests_total", { method: "OTHER", route: "/projects/[projectId]", status_class: "2xx" })).toBe(1);
    expect(await sample("shipshape_http_request_duration_seconds_count", { method: "GET", route: "/projects/[projectId]" })).toBe(3);
    const exposition = await registry.metrics();
    for (const id of ["a1", "b2", "c3", "d4", "wp-login"]) expect(exposition).not.toContain(id);
  });

  it("counts a request whose client left before the answer as aborted", async () => {
    const controller = new AbortController();
    const request = fetch(`${base}/slow`, { signal: controller.signal }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await request;
    await expect.poll(() => sample("shipshape_http_requests_total", { route: UNMATCHED, status_class: "aborted" })).toBe(1);
  });
});
