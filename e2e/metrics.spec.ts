// GET /api/metrics on the production server: the requests a visitor and an
// API client make show up under their route templates, never under the ids
// they sent; the endpoint wants its token. (Off without METRICS_TOKEN: the
// integration test of its handler.)
import { expect, test, type APIRequestContext } from "@playwright/test";

// The e2e server's METRICS_TOKEN (scripts/e2e-server.mjs).
const TOKEN = "e2e-metrics-token-0123456789abcdef";

/** The sum of `shipshape_http_requests_total` over the series with these labels. */
async function requestCount(request: APIRequestContext, labels: Record<string, string>): Promise<number> {
  const text = await scrape(request);
  let total = 0;
  for (const line of text.split("\n")) {
    const match = /^shipshape_http_requests_total\{(.*)\} (\S+)$/.exec(line);
    if (!match) continue;
    const present = Object.fromEntries([...match[1].matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]));
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) total += Number(match[2]);
  }
  return total;
}

async function scrape(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

test("requests are counted by route template, without the ids in their paths", async ({ page, request }) => {
  // Ids no other test uses, so that finding one in the metrics means a leak.
  const ids = { invitation: `inv${Date.now()}zq`, project: `prj${Date.now()}zq`, item: `itm${Date.now()}zq`, missing: `gone${Date.now()}zq` };
  const watched: Record<string, string>[] = [
    // Pages answer or redirect (to set-up on a fresh install): any class.
    { method: "GET", route: "/invite/[token]" },
    { method: "GET", route: "/sign-in/[[...sign-in]]" },
    { method: "GET", route: "/api/v1/openapi.json", status_class: "2xx" },
    { method: "GET", route: "/api/v1/projects/[projectId]", status_class: "4xx" },
    { method: "PATCH", route: "/api/v1/projects/[projectId]/items/[key]", status_class: "4xx" },
    { method: "GET", route: "(unmatched)", status_class: "4xx" },
  ];
  const before = await Promise.all(watched.map((labels) => requestCount(request, labels)));

  // A visitor: an invitation link (a page with an id in its path), then sign-in.
  expect((await page.goto(`/invite/${ids.invitation}`))?.status()).toBeLessThan(500);
  expect((await page.goto("/sign-in"))?.status()).toBe(200);
  // An API client: the public document, then reads and a write with a token that is not one.
  expect((await request.get("/api/v1/openapi.json")).status()).toBe(200);
  const bogus = { authorization: "Bearer shp_not-a-token" };
  expect((await request.get(`/api/v1/projects/${ids.project}`, { headers: bogus })).status()).toBe(401);
  expect((await request.patch(`/api/v1/projects/${ids.project}/items/${ids.item}`, { headers: bogus, data: { status: "DONE", version: 1 } })).status()).toBe(401);
  // A path nothing serves.
  expect((await request.get(`/${ids.missing}/deeper`)).status()).toBe(404);

  const after = await Promise.all(watched.map((labels) => requestCount(request, labels)));
  for (const [n, labels] of watched.entries()) expect(after[n], JSON.stringify(labels)).toBeGreaterThan(before[n]);

  // The database pool and the process are there too; the paths' ids are not.
  const text = await scrape(request);
  expect(text).toMatch(/^shipshape_db_pool_connections \d+$/m);
  expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
  for (const id of Object.values(ids)) expect(text).not.toContain(id);
  const routes = new Set([...text.matchAll(/route="([^"]*)"/g)].map(([, route]) => route));
  for (const route of routes) expect(route, "a route label is a template, a build asset or a public file").toMatch(/^(\/|\(unmatched\)$)/);
  expect(routes.size).toBeLessThan(60);
});

test("the metrics want the token", async ({ request }) => {
  const wrong: Record<string, string>[] = [{}, { authorization: "Bearer e2e-metrics-token-0123456789abcdeX" }];
  for (const headers of wrong) {
    const response = await request.get("/api/metrics", { headers });
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  }
});
