// Lighthouse on a signed-in page, with its default simulated mobile
// throttling (a mid-range phone on a slow 4G link), in Debian's Chromium as
// the e2e tests use. A measurement for the bench's report, never a test:
// its timings depend on the machine.
import { writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export type LighthouseFigures = { performance: number; accessibility: number; totalBlockingMs: number; largestPaintMs: number; domElements: number; failedAccessibility: string[] };

/** Performance and accessibility of `url` with the `cookie` header sent, or why it could not be measured. */
export async function lighthousePage(url: string, cookie: string): Promise<LighthouseFigures | string> {
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    chrome = await chromeLauncher.launch({
      chromePath: process.env.PLAYWRIGHT_CHROMIUM_PATH || "/usr/bin/chromium",
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"], extraHeaders: { cookie } });
    if (!result) return "not measured (no result)";
    // BENCH_LIGHTHOUSE_JSON=<file>: the whole report, for its opportunities and diagnostics.
    if (process.env.BENCH_LIGHTHOUSE_JSON) writeFileSync(process.env.BENCH_LIGHTHOUSE_JSON, JSON.stringify(result.lhr));
    const { categories, audits } = result.lhr;
    if (result.lhr.runtimeError) return `not measured (${result.lhr.runtimeError.message})`;
    const accessibilityAudits = categories.accessibility.auditRefs.map((ref) => audits[ref.id]);
    return {
      performance: categories.performance.score ?? 0,
      accessibility: categories.accessibility.score ?? 0,
      totalBlockingMs: audits["total-blocking-time"].numericValue ?? 0,
      largestPaintMs: audits["largest-contentful-paint"].numericValue ?? 0,
      domElements: Number((audits["dom-size"].details as { items?: { value?: { value?: number } }[] } | undefined)?.items?.[0]?.value?.value ?? audits["dom-size"].numericValue ?? 0),
      failedAccessibility: accessibilityAudits.filter((audit) => audit.score === 0).map((audit) => audit.id),
    };
  } catch (error) {
    return `not measured (${(error as Error).message.split("\n")[0]})`;
  } finally {
    await chrome?.kill();
  }
}
