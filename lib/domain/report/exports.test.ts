// Golden files: the exports of a fixed report, byte for byte. After a
// deliberate change, regenerate with UPDATE_GOLDEN=1 and review the diff.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, reportCsv } from "./csv";
import { FIXED_PORTFOLIO, FIXED_REPORT } from "@/tests/fixtures/report";
import { portfolioFileName, reportFileName } from "./formats";
import { reportMarkdown } from "./markdown";
import { portfolioCsv } from "./portfolio-csv";
import { portfolioMarkdown } from "./portfolio-markdown";

const golden = (name: string, actual: string) => {
  const file = path.join(import.meta.dirname, "golden", name);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, "utf8"));
};

describe("report exports", () => {
  it("renders the Markdown report", () => {
    const markdown = reportMarkdown(FIXED_REPORT);
    golden("report.md", markdown);
    // Table cells stay one cell: the pipe in a title is escaped, line breaks flattened.
    expect(markdown).toContain("Authentication \\| sessions");
    expect(markdown).toContain("External test booked for March");
    expect(markdown).toContain("## MUST (critical)");
    // What changed since the last milestone, and when the work will be done.
    expect(markdown).toContain("## Changes since milestone “Beta review”");
    expect(markdown).toContain("- `security.headers` Security headers: ● Done → ◐ Stale");
    expect(markdown).toContain("**Forecast:** Done around 2027-01-24");
    // An address typed into the text is a link, the text around it as written.
    expect(markdown).toContain("Payments for the web shop. Runbooks: <https://runbooks.example.com/checkout>.");
  });

  it("names its time zone and gives every day in it, not in UTC", () => {
    // Generated at 22:30 on 14 January in New York (03:30 on the 15th in UTC).
    const markdown = reportMarkdown(FIXED_REPORT);
    expect(markdown).toContain("**Report date:** 2027-01-14 · **Dates in** America/New_York");
    expect(markdown).toContain("**Target launch:** 2027-02-01 (18 days to go)");
    expect(markdown).toContain("From Beta review (2026-12-20) to Now (2027-01-14)");
    // Expiry days are the days the team chose, though stored as the instants they start in New York.
    expect(markdown).toContain("| External test booked for March | 31 Mar 2027 |");
    expect(markdown).toMatch(/Header scan\]\(https:\/\/scan\.example\.com\/r\/7\) \| 1 Jan 2027 \|/);
    expect(reportFileName(FIXED_REPORT, "md")).toBe("checkout-api-readiness-2027-01-14.md");
    expect(portfolioFileName(FIXED_PORTFOLIO, "csv")).toBe("launch-crew-portfolio-2027-01-14.csv");
    const csv = reportCsv(FIXED_REPORT).slice(1).split("\r\n");
    expect(csv[0].split(",").at(-1)).toBe("time_zone");
    expect(csv.find((line) => line.includes("security.penetration-test"))?.endsWith(",APPROVED,2027-03-31,America/New_York")).toBe(true);
  });

  it("renders CSV that spreadsheets open cleanly", () => {
    const csv = reportCsv(FIXED_REPORT);
    golden("report.csv", csv);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(1 + 6 + 1);
    expect(lines[0].split(",")).toHaveLength(17);
  });

  it("quotes and defuses CSV cells", () => {
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("=HYPERLINK(\"x\")")).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell(null)).toBe("");
    expect(csvCell(4.5)).toBe("4.5");
    expect(csvCell(-7)).toBe("-7");
    expect(csvCell("-7")).toBe("'-7");
  });

  it("renders JSON with its schema version", () => {
    const json = `${JSON.stringify(FIXED_REPORT, null, 2)}\n`;
    golden("report.json", json);
    expect(JSON.parse(json).schema).toBe("shipshape.report/v1");
  });
});

describe("portfolio exports", () => {
  it("renders the portfolio as Markdown", () => {
    const markdown = portfolioMarkdown(FIXED_PORTFOLIO);
    golden("portfolio.md", markdown);
    expect(markdown).toContain("**Projects:** 3 · **Launch ready:** 1 · **Launch blockers:** 4");
    expect(markdown).toContain("| Search \\| v2 | 91% | 2 — Launch ready | 0 | 20 / 22 | 6 h | 2027-01-20 | 2027-01-27 (7 d late) |");
    expect(markdown).toContain("### Mobile app");
  });

  it("renders the portfolio as CSV, one row per project", () => {
    const csv = portfolioCsv(FIXED_PORTFOLIO);
    golden("portfolio.csv", csv);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(lines[2]).toBe("Search | v2,proj_search,91,2,Launch ready,0,0,20,22,6,0,2027-01-20,6,2027-01-27,-7,forecast,,America/New_York");
  });
});
