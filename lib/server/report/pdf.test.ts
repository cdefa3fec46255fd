// The PDF is checked by reading its text back with poppler's pdftotext
// (.ci/run installs poppler-utils), the way a reader's viewer would.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXED_PORTFOLIO, FIXED_REPORT } from "@/lib/domain/report/fixture";
import type { ReportItem } from "@/lib/domain/report/report";
import { reportPdf } from "./pdf";
import { portfolioPdf } from "./portfolio-pdf";

async function pdfText(report: typeof FIXED_REPORT) {
  return textOf(await reportPdf(report));
}

async function textOf(pdf: Buffer) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "shipshape-pdf-")), "report.pdf");
  writeFileSync(file, pdf);
  return { pdf, text: execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }), info: execFileSync("pdfinfo", [file], { encoding: "utf8" }) };
}

describe("PDF report", () => {
  it("carries the headline, matrix, tables, glyphs, page numbers and the report date", async () => {
    const { pdf, text, info } = await pdfText(FIXED_REPORT);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(info).toMatch(/Title:\s+Checkout API — production readiness/);
    expect(text).toContain("Checkout API");
    expect(text).toContain("44%");
    expect(text).toContain("Not launch ready");
    expect(text).toContain("Readiness matrix");
    expect(text).toContain("Security · 44%");
    expect(text).toMatch(/○ Missing/);
    expect(text).toMatch(/◆ Waived/);
    expect(text).toContain("security.secrets");
    expect(text).toContain("PR #12");
    expect(text).toContain("Header scan");
    expect(text).toContain("(expired)");
    expect(text).toContain("External test");
    expect(text).toMatch(/page 1 of \d+/);
    // The report's day is New York's (22:30 on the 14th), in the header and every footer.
    expect(text).toContain("report of 14 Jan 2027 · dates in America/New_York");
    expect(text).toMatch(/production readiness · 2027-01-14 · page 1 of/);
    expect(text).not.toContain("2027-01-15");
    expect(text).toContain("until 31 Mar 2027");
    expect(text).toContain("expired 1 Jan 2027");
    expect(text).toContain("Forecast: Done around 2027-01-24");
    expect(text).toContain("Changes since milestone “Beta review”");
    expect(text).toMatch(/Status changes \(4\)/);
    expect(text).toMatch(/Security headers \(security.headers\): ● Done → ◐ Stale/);
  });

  it("breaks long reports across pages with the table header repeated", async () => {
    const many: ReportItem[] = Array.from({ length: 120 }, (_, n) => ({ ...FIXED_REPORT.categories[0].items[1], key: `security.item-${n}`, title: `Generated item ${n}` }));
    const report = { ...FIXED_REPORT, categories: [{ ...FIXED_REPORT.categories[0], items: many }] };
    const { text, info } = await pdfText(report);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(3);
    expect(text).toContain(`page ${pages} of ${pages}`);
    expect(text).toContain("Generated item 119");
    expect(text.match(/PRIORITY/g)?.length).toBeGreaterThan(3);
  });
});

describe("PDF portfolio report", () => {
  it("lists every project with its numbers and forecast, and the blockers", async () => {
    const { text, info } = await textOf(await portfolioPdf(FIXED_PORTFOLIO));
    expect(info).toMatch(/Title:\s+Launch Crew — portfolio readiness/);
    expect(text).toMatch(/Projects: 3\s+·\s+Launch ready: 1\s+·\s+Launch blockers: 4/);
    expect(text).toMatch(/Search \| v2\s+91%\s+2 — Launch ready\s+0\s+6\s?h/);
    // The forecast cell wraps inside its column.
    expect(text).toMatch(/2027-01-27 \(7 d\s+(.|\n)*late\)/);
    expect(text).toContain("Secrets management (security.secrets) — Erin Engineer, due 2027-03-01");
    expect(text).toContain("page 1 of 1");
    expect(text).toContain("report of 14 Jan 2027 · dates in America/New_York");
    expect(text).toContain("portfolio readiness · 2027-01-14 · page 1 of 1");
  });
});
