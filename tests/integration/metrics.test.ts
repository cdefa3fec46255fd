// GET /api/metrics: off without METRICS_TOKEN, 401 in the API's error shape
// for a wrong token, and with the right one the pool, the scheduled jobs and
// the process in Prometheus' text format. (The request counters are the
// server preload's: scripts/request-metrics.test.ts and e2e/metrics.spec.ts.)
import { describe, expect, it } from "vitest";
import { apiError } from "@/lib/schemas/errors";
import { metricsResponse } from "@/lib/server/api/metrics";
import { takeDailySnapshots } from "@/lib/server/jobs/daily-snapshots";
import { db } from "@/lib/server/kernel/db";
import { observeJob } from "@/lib/server/kernel/metrics";
import { teamWith } from "../support/fixtures";
import { catalogueProject } from "../support/readiness";

const TOKEN = "metrics-token-for-tests-0123456789";
// Read once by config(), lazily: set before anything asks.
process.env.METRICS_TOKEN = TOKEN;

const scrape = (authorization?: string, { enabled = true } = {}) =>
  metricsResponse(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }), enabled ? TOKEN : undefined);

/** The value of the sample `name{labels…}` in a text exposition; undefined when there is none. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]));
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe("GET /api/metrics", () => {
  it("is a bare 404 while METRICS_TOKEN is unset, whatever the request sends", async () => {
    for (const response of [await scrape(undefined, { enabled: false }), await scrape(`Bearer ${TOKEN}`, { enabled: false })]) {
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("");
    }
  });

  it("refuses a missing or wrong token with 401 in the API's error shape", async () => {
    for (const authorization of [undefined, "Bearer", `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, TOKEN]) {
      const response = await scrape(authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(apiError.parse(await response.json()).error.code).toBe("UNAUTHENTICATED");
    }
  });

  it("takes any token the configuration accepts, spaces inside included, after `Bearer ` in any case", async () => {
    const passphrase = "correct horse battery staple";
    const scrapeWith = (authorization: string) =>
      metricsResponse(new Request("http://localhost/api/metrics", { headers: { authorization } }), passphrase);
    for (const authorization of [`Bearer ${passphrase}`, `bearer  ${passphrase} `]) expect((await scrapeWith(authorization)).status, authorization).toBe(200);
    for (const authorization of [`Bearer ${passphrase}x`, `Bearer correct horse`, `Bearer  `]) expect((await scrapeWith(authorization)).status, authorization).toBe(401);
  });

  it("with the token, answers the pool and the process in the text format", async () => {
    await db.$queryRaw`SELECT 1`;
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(sample(text, "shipshape_db_pool_connections")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "shipshape_db_pool_idle_connections")).toBeGreaterThanOrEqual(0);
    expect(sample(text, "shipshape_db_pool_waiting_queries")).toBe(0);
    expect(sample(text, "shipshape_db_pool_max_connections")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(sample(text, "nodejs_eventloop_lag_seconds")).toBeGreaterThanOrEqual(0);
  });

  it("shows each daily snapshot run, its outcome and the projects it left due", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const projectId = await catalogueProject(lead, ["testing"]);
    // Without a snapshot today, the project is due.
    await db.readinessSnapshot.deleteMany({ where: { projectId } });
    const job = { job: "daily-snapshots" };
    const before = sample(await (await scrape(`Bearer ${TOKEN}`)).text(), "shipshape_job_runs_total", { ...job, outcome: "success" }) ?? 0;

    const startedAt = Date.now() / 1000;
    expect(await takeDailySnapshots()).toBeGreaterThanOrEqual(1);
    let text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(sample(text, "shipshape_job_runs_total", { ...job, outcome: "success" })).toBe(before + 1);
    expect(sample(text, "shipshape_job_runs_total", { ...job, outcome: "failure" })).toBe(0);
    expect(sample(text, "shipshape_job_due", job)).toBe(0);
    expect(sample(text, "shipshape_job_last_run_timestamp_seconds", job)).toBeGreaterThanOrEqual(Math.floor(startedAt));
    expect(sample(text, "shipshape_job_last_success_timestamp_seconds", job)).toBe(sample(text, "shipshape_job_last_run_timestamp_seconds", job));
    expect(sample(text, "shipshape_job_last_run_duration_seconds", job)).toBeGreaterThan(0);

    // A run that fails after one of three projects: counted, and two still due.
    const failing = observeJob("daily-snapshots", async (progress) => {
      progress.due(3);
      progress.done();
      throw new Error("database went away");
    });
    await expect(failing).rejects.toThrow("database went away");
    text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(sample(text, "shipshape_job_runs_total", { ...job, outcome: "failure" })).toBe(1);
    expect(sample(text, "shipshape_job_due", job)).toBe(2);
    expect(sample(text, "shipshape_job_last_run_timestamp_seconds", job)).toBeGreaterThan(sample(text, "shipshape_job_last_success_timestamp_seconds", job)!);
  });
});
