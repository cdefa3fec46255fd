// Golden files: the exports of a fixed report, byte for byte. After a
// deliberate change, regenerate with UPDATE_GOLDEN=1 and review the diff.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, reportCsv } from "./csv";
import { FIXED_PORTFOLIO, FIXED_REPORT } from "./fixture";
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
  });

  it("renders CSV that spreadsheets open cleanly", () => {
    const csv = reportCsv(FIXED_REPORT);
    golden("report.csv", csv);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(1 + 6 + 1);
    expect(lines[0].split(",")).toHaveLength(16);
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
    expect(lines[2]).toBe("Search | v2,proj_search,91,2,Launch ready,0,0,20,22,6,0,2027-01-20,5,2027-01-27,-7,forecast,");
  });
});
