// Export → import gives back exactly the names and titles that were
// exported, whatever Unicode they hold: the Markdown report (read back by the
// Markdown importer, which recognises Shipshape's own report) and the YAML
// checklist (read back by the YAML reader). Names are generated in the form
// the app stores them (lib/schemas/fields.ts: no control character, valid
// Unicode, trimmed; NFC, as every name is normalised on the way in).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMarkdownChecklist } from "@/lib/import/markdown";
import { CHECKLIST_SCHEMA, checklistYaml, readChecklistYaml, type ChecklistDocument } from "@/lib/import/yaml-checklist";
import { FIXED_REPORT } from "@/tests/fixtures/report";
import { reportMarkdown } from "@/lib/domain/report/markdown";
import type { ProjectReport, ReportItem } from "@/lib/domain/report/report";

// Pieces Markdown (or YAML) would read as syntax, to mix into the random text.
const TRICKY = [
  "__init__", "_", "*", "**", "~~", "`", "``", "```", "|", "\\|", "\\", "[", "]", "[x] ", "[ ] ", "![", "](", "(", ")", "#", "# ", " #", "##", "1. ", "1) ", "- ",
  "+ ", "> ", "---", "===", "***", "<tag>", "</td>", "<!--", "&amp;", "&#35;", "&", "<", ">", "https://x.example/a_b", "http://x.example/(a).", "www.x.example", "a@b.example", "mailto:a@b.example",
  ": ", "- [x] ", "\u00a0", "  ", "\u200d", "\u0301", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u202e", "🚀", "✅", "○", "●", "👩‍💻", "é", "中文", '"', "'", ":", "—",
  "(x)", "Summary", "Waivers", "High", "Must have", "N/A", "e\u0301", "\ufeff", "\u2028", "{", "}", "%", "@", "!", "?", ",", "&nbsp;", "$", "^", "=",
];

/** Valid as the app stores a name: NFC, trimmed, no control character, 1..max characters. */
const stored = (max: number) =>
  fc
    .oneof(
      fc.array(fc.constantFrom(...TRICKY, "a", "b", " ", "x"), { minLength: 1, maxLength: 8 }).map((parts) => parts.join("")),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }),
      fc.string({ unit: "binary", minLength: 1, maxLength: 12 }),
      fc.string({ minLength: 1, maxLength: 12 }),
    )
    .map((text) => text.normalize("NFC").trim())
    .filter((text) => text.length > 0 && text.length <= max && text.isWellFormed() && !/\p{Cc}/u.test(text) && text === text.normalize("NFC"));

// Categories with distinct names (the importer, like the app, tells them apart without case), each with items.
const project = fc.record({
  name: stored(120),
  categories: fc.uniqueArray(fc.record({ name: stored(100), titles: fc.array(stored(200), { minLength: 1, maxLength: 4 }) }), {
    minLength: 1,
    maxLength: 3,
    selector: (category) => category.name.toLowerCase(),
  }),
});
type Project = typeof project extends fc.Arbitrary<infer T> ? T : never;

// The fixed report with the project's names: each category's items are copies of the fixture's, in turn.
function reportOf({ name, categories }: Project): ProjectReport {
  const template = FIXED_REPORT.categories.flatMap((category) => category.items);
  let n = 0;
  const built = categories.map((category, c) => ({
    ...FIXED_REPORT.categories[c % FIXED_REPORT.categories.length],
    name: category.name,
    items: category.titles.map((title): ReportItem => ({ ...template[n % template.length], key: `c${c}.item-${n++}`, title, category: category.name })),
  }));
  const byKey = new Map(built.flatMap((category) => category.items).map((item) => [item.key, item]));
  const titled = <T extends { key: string; title: string }>(entries: T[]) => entries.map((entry, i) => ({ ...entry, title: [...byKey.values()][i % byKey.size].title }));
  return {
    ...FIXED_REPORT,
    project: { ...FIXED_REPORT.project, name },
    categories: built,
    blockers: titled(FIXED_REPORT.blockers),
    waivers: titled(FIXED_REPORT.waivers),
    staleEvidence: titled(FIXED_REPORT.staleEvidence),
  };
}

function checklistOf({ name, categories }: Project): ChecklistDocument {
  let n = 0;
  return {
    schema: CHECKLIST_SCHEMA,
    name,
    categories: categories.map((category) => ({
      name: category.name,
      items: category.titles.map((title) => ({ key: `item-${n++}`, title, status: "MISSING" as const, evidence: [] })),
    })),
  };
}

const namesOf = (checklist: { title: string | null; categories: { name: string; items: { title: string }[] }[] }) => ({
  name: checklist.title,
  categories: checklist.categories.map((category) => ({ name: category.name, titles: category.items.map((item) => item.title) })),
});

describe("export → import round trip of names and titles", () => {
  it("Markdown report: the importer reads back every category name and item title exactly", () => {
    fc.assert(
      fc.property(project, (input) => {
        expect(namesOf(parseMarkdownChecklist(reportMarkdown(reportOf(input))))).toEqual(input);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it("YAML checklist: the reader reads back every name and title exactly", () => {
    fc.assert(
      fc.property(project, (input) => {
        expect(namesOf(readChecklistYaml(checklistYaml(checklistOf(input))))).toEqual(input);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  // Names the importer once tidied, dropped or split, or read as syntax:
  // numbering, emoji, quotes, emphasis marks, a closing remark or `#`, a
  // name like a priority or a report section, bare addresses, and text that
  // looks doubly encoded but is what someone typed.
  const NAMES = [
    '"', "'quoted'", "🚀 Launch", "👩‍💻", "__init__", "*", "~x~", "---", "—", "-", "1. First", "Phase 1. x", "ii. roman", "a. letter", "foo:", "a  b", "a\u00a0b", "x\u2028y",
    "C #", "#", "Testing (More)", "Summary", "Waivers", "Launch blockers", "High", "Must have", "https://x.example/a_b", "www.x.example/a_b", "Ã©t", "[x] done", "<tag>", "a \\| b",
    // Addresses the report makes links of: the name reads back as typed, punctuation and all.
    "see https://runbooks.example.com/db for the steps", "(https://x.example/a_(b)).", "C # https://x.example/#top", "<https://x.example/a*b_c~d&amp;e>", "https://x.example/a|b",
    // A combining mark with no precomposed form: what the app stores (NFC) keeps it as written.
    "שלום עולם", "x\u0301y",
  ];
  it.each(NAMES)("reads back %j as a project, category and item name in both formats", (text) => {
    const input = { name: text, categories: [{ name: text, titles: [text] }] };
    expect(namesOf(parseMarkdownChecklist(reportMarkdown(reportOf(input))))).toEqual(input);
    expect(namesOf(readChecklistYaml(checklistYaml(checklistOf(input))))).toEqual(input);
  });

  it("still repairs its own report when it arrives doubly encoded", () => {
    const input = { name: "Café", categories: [{ name: "Sécurité ✅", titles: ["Ã©t", "Déploiement"] }] };
    const doubly = new TextDecoder("windows-1252").decode(new TextEncoder().encode(reportMarkdown(reportOf(input))));
    const read = parseMarkdownChecklist(doubly);
    expect(read.warnings[0].message).toMatch(/^Repaired \d+ runs of doubly encoded text/);
    expect(namesOf(read)).toEqual(input);
  });
});
