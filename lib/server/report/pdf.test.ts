// The PDF is checked by reading its text back with poppler's pdftotext
// (.ci/run installs poppler-utils), the way a reader's viewer would: the
// text as extracted, the words with their positions on the page (to check
// the visual order of right-to-left text), and the link annotations
// (pdfinfo -url).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { FIXED_PORTFOLIO, FIXED_REPORT } from "@/tests/fixtures/report";
import type { PortfolioReport } from "@/lib/domain/report/portfolio";
import type { ProjectReport, ReportEvidence, ReportItem } from "@/lib/domain/report/report";
import { reportPdf } from "./pdf";
import { portfolioPdf } from "./portfolio-pdf";

async function pdfText(report: typeof FIXED_REPORT) {
  return textOf(await reportPdf(report));
}

async function textOf(pdf: Buffer) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "shipshape-pdf-")), "report.pdf");
  writeFileSync(file, pdf);
  const run = (tool: string, ...args: string[]) => execFileSync(tool, [...args, file, ...(tool === "pdftotext" ? ["-"] : [])], { encoding: "utf8" });
  return {
    pdf,
    text: run("pdftotext", "-layout"),
    // Reading order, right-to-left words in logical order; poppler wraps
    // them in directional marks, which are dropped, and lines are joined.
    plain: run("pdftotext")
      .replace(/[\u202A-\u202E]/g, "")
      .replace(/\s+/g, " "),
    lines: visualLines(run("pdftotext", "-bbox")),
    urls: run("pdfinfo", "-url")
      .split("\n")
      .slice(1)
      .map((line) => line.trim().split(/\s+/)[2])
      .filter(Boolean),
    info: run("pdfinfo"),
  };
}

// The page's words as they sit on the page, left to right, one string per
// line: glyphs drawn edge to edge join, a gap is a space. This is what a
// reader sees, whatever order the text was written in.
function visualLines(bbox: string): string[] {
  type Word = { page: number; x0: number; x1: number; y: number; text: string };
  const words: Word[] = [];
  let page = 0;
  const entity = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  for (const line of bbox.split("\n")) {
    if (line.includes("<page ")) page += 1;
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (word) words.push({ page, x0: Number(word[1]), x1: Number(word[3]), y: (Number(word[2]) + Number(word[4])) / 2, text: entity(word[5]) });
  }
  const lines: Word[][] = [];
  for (const word of [...words].sort((a, b) => a.page - b.page || a.y - b.y)) {
    const line = lines[lines.length - 1];
    if (line && line[0].page === word.page && Math.abs(line[0].y - word.y) < 3) line.push(word);
    else lines.push([word]);
  }
  return lines.map((line) =>
    line
      .sort((a, b) => a.x0 - b.x0)
      .map((word, i) => (i > 0 && word.x0 - line[i - 1].x1 > 0.8 ? " " : "") + word.text)
      .join(""),
  );
}

// How many glyphs the pages draw as the font's "missing glyph" (glyph 0,
// an empty box): pdfkit writes glyph ids as 4-digit hex in TJ arrays of the
// compressed page streams. Text extraction cannot tell: the box has no text.
function emptyBoxes(pdf: Buffer): number {
  const raw = pdf.toString("latin1");
  let boxes = 0;
  for (const stream of raw.matchAll(/stream\r?\n/g)) {
    const start = (stream.index ?? 0) + stream[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, raw.indexOf("endstream", start))).toString("latin1");
    } catch {
      continue; // not a compressed stream
    }
    for (const [, array] of content.matchAll(/\[([^\]]*)\]\s*TJ/g))
      for (const [, hex] of array.matchAll(/<([0-9a-fA-F]*)>/g)) for (let i = 0; i < hex.length; i += 4) if (hex.slice(i, i + 4) === "0000") boxes += 1;
  }
  return boxes;
}

// The right-to-left strings below as they appear on the page, left to right.
const visual = (text: string) => [...text].reverse().join("");

// A report whose every user text is in another script: CJK, Arabic, Hebrew
// (with digits and a version in brackets), Cyrillic, Greek and emoji.
const MULTI_SCRIPT: ProjectReport = (() => {
  const [auth, secrets, headers, pentest] = FIXED_REPORT.categories[0].items;
  const [unit, mobile] = FIXED_REPORT.categories[1].items;
  const link = (label: string, url: string): ReportEvidence => ({ kind: "LINK", label, url, path: null, expiresAt: null, expiresOn: null, expired: false });
  const items: ReportItem[] = [
    { ...auth, title: "支付服务", category: "決済サービス", owner: "田中太郎", evidence: [link("証拠 PR #12", "https://git.example.com/pr/12"), link("🚀 Launch", "https://launch.example.com/")] },
    { ...secrets, title: "결제 서비스", category: "決済サービス", owner: "김민준" },
    { ...headers, title: "خدمة الدفع (v2)", category: "خدمة الدفع", owner: "محمد علي", evidence: [{ ...headers.evidence[0], label: "دليل الفحص" }] },
    { ...pentest, title: "שירות תשלומים 2", category: "خدمة الدفع", owner: "דנה כהן", waiver: { ...(pentest.waiver as NonNullable<ReportItem["waiver"]>), reason: "גרסה 3.1 אושרה", approvedBy: "Λεωνίδας" } },
    { ...unit, title: "Платёжный сервис", category: "Υπηρεσία πληρωμών", owner: "Алексей Смирнов", evidence: [link("Отчёт о тестах", "https://ci.example.com/runs/7")] },
    { ...mobile, title: "Υπηρεσία πληρωμών", category: "Υπηρεσία πληρωμών", notApplicableReason: "Δεν υπάρχει εφαρμογή — нет приложения" },
  ];
  return {
    ...FIXED_REPORT,
    project: {
      ...FIXED_REPORT.project,
      name: "🚀 Launch 支付服务",
      description: "Платёжный сервис · Υπηρεσία πληρωμών · 決済サービス · 결제 서비스",
      productionUrl: "https://pay.example.com",
      repositoryUrl: "https://git.example.com/acme/pay",
    },
    blockers: [items[1]],
    categories: [
      { ...FIXED_REPORT.categories[0], name: "決済サービス", items: [items[0], items[1]] },
      { ...FIXED_REPORT.categories[0], name: "خدمة الدفع", items: [items[2], items[3]] },
      { ...FIXED_REPORT.categories[1], name: "Υπηρεσία πληρωμών", items: [items[4], items[5]] },
    ],
    waivers: [{ key: items[3].key, title: items[3].title, ...(items[3].waiver as NonNullable<ReportItem["waiver"]>) }],
    staleEvidence: [{ key: items[2].key, title: items[2].title, ...items[2].evidence[0] }],
  };
})();

// Opening a CJK font takes a while the first time in a process.
describe("PDF report", { timeout: 60_000 }, () => {
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

  it("prints the reason of N/A items and links evidence URLs and the project's URLs", async () => {
    const { plain, urls } = await pdfText(FIXED_REPORT);
    expect(plain).toContain("– N/A: No mobile app");
    // Only http(s) URLs are links; the file path evidence is not.
    expect(urls).toEqual(expect.arrayContaining(["https://checkout.example.com", "https://git.example.com/acme/checkout/pull/12", "https://scan.example.com/r/7"]));
    expect(urls.every((url) => /^https:\/\//.test(url))).toBe(true);
    expect(plain).toContain("Production: https://checkout.example.com");
  });

  it("prints tabs as spaces and Windows line ends as line ends, never as empty boxes", async () => {
    const report = { ...FIXED_REPORT, project: { ...FIXED_REPORT.project, description: "Payments\tfor the shop.\r\nSecond line.\u0007" } };
    const { plain, pdf } = await pdfText(report);
    expect(plain).toContain("Payments for the shop. Second line.");
    expect(emptyBoxes(pdf)).toBe(0);
  });
});

describe("PDF report in every script", { timeout: 60_000 }, () => {
  it("prints every name, owner, evidence label, N/A reason and waiver in CJK, Arabic, Hebrew, Cyrillic, Greek and emoji", async () => {
    const { plain, text, info, pdf } = await pdfText(MULTI_SCRIPT);
    expect(emptyBoxes(pdf)).toBe(0);
    expect(info).toMatch(/Title:\s+🚀 Launch 支付服务 — production readiness/);
    // Project, categories, item titles, owners, evidence labels.
    for (const name of ["🚀 Launch 支付服务", "決済サービス", "결제 서비스", "支付服务", "خدمة الدفع", "שירות תשלומים", "Платёжный сервис", "Υπηρεσία πληρωμών"]) expect(plain).toContain(name);
    for (const owner of ["田中太郎", "김민준", "محمد علي", "דנה כהן", "Алексей Смирнов", "Λεωνίδας"]) expect(plain).toContain(owner);
    for (const label of ["証拠 PR #12", "🚀 Launch", "دليل الفحص", "Отчёт о тестах"]) expect(plain).toContain(label);
    expect(plain).toContain("– N/A: Δεν υπάρχει εφαρμογή — нет приложения");
    // The status glyphs still come out of the symbol fonts.
    expect(text).toMatch(/○ Missing/);
    expect(text).toMatch(/◆ Waived/);
    expect(text).toMatch(/● Done → ◐ Stale/);
  });

  it("draws right-to-left text in visual order, with numbers and brackets where a reader expects them", async () => {
    const { lines } = await pdfText(MULTI_SCRIPT);
    const onSomeLine = (expected: string) => expect(lines.filter((line) => line.includes(expected)), expected).not.toHaveLength(0);
    // An Arabic title with a version: the words right to left, "(v2)" at its
    // end, on the left, brackets mirrored back to "(v2)".
    onSomeLine(`(v2) ${visual("خدمة الدفع")}`);
    // Hebrew with a number: the number after the words, so on their left.
    onSomeLine(`2 ${visual("שירות תשלומים")}`);
    onSomeLine(visual("محمد علي"));
    onSomeLine(visual("דנה כהן"));
    // Inside our left-to-right sentence, the Hebrew reason keeps its own order,
    // "3.1" reads left to right, and the quotes stay around it.
    onSomeLine(`until 31 Mar 2027 — “${visual("אושרה")} 3.1 ${visual("גרסה")}”`);
    // The Arabic category heading keeps its percentage after it, on the right.
    onSomeLine(`${visual("خدمة الدفع")} · 44%`);
  });

  it("links the project's production and repository URLs and every evidence URL", async () => {
    const { urls } = await pdfText(MULTI_SCRIPT);
    expect(new Set(urls)).toEqual(new Set(["https://pay.example.com", "https://git.example.com/acme/pay", "https://git.example.com/pr/12", "https://launch.example.com/", "https://scan.example.com/r/7", "https://ci.example.com/runs/7"]));
  });
});

describe("PDF portfolio report", { timeout: 60_000 }, () => {
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

  it("prints project names, blocker titles and owners in every script", async () => {
    const [checkout, search, mobile] = FIXED_PORTFOLIO.projects;
    const report: PortfolioReport = {
      ...FIXED_PORTFOLIO,
      team: { ...FIXED_PORTFOLIO.team, name: "Команда 🚀" },
      projects: [
        { ...checkout, name: "支付服务", blockers: [{ ...checkout.blockers[0], title: "خدمة الدفع (v2)", owner: "דנה כהן" }] },
        { ...search, name: "Υπηρεσία αναζήτησης" },
        { ...mobile, name: "モバイル 앱", blockers: mobile.blockers.map((b, i) => ({ ...b, title: ["認証", "비밀 관리", "שירות תשלומים 2"][i], owner: b.owner && "Алексей" })) },
      ],
    };
    const { plain, lines, info, pdf } = await textOf(await portfolioPdf(report));
    expect(emptyBoxes(pdf)).toBe(0);
    expect(info).toMatch(/Title:\s+Команда 🚀 — portfolio readiness/);
    for (const name of ["Команда 🚀", "支付服务", "Υπηρεσία αναζήτησης", "モバイル 앱", "認証", "비밀 관리", "Алексей", "خدمة الدفع", "דנה כהן"]) expect(plain).toContain(name);
    expect(lines.some((line) => line.includes(`• (v2) ${visual("خدمة الدفع")} (security.secrets) — ${visual("דנה כהן")}`))).toBe(true);
    expect(lines.some((line) => line.includes(`2 ${visual("שירות תשלומים")} (security.https)`))).toBe(true);
  });
});
