// Text as the author wrote it (titles keep figures, quotes and code; progress
// lines are not items), text that arrives damaged (invalid UTF-8, double
// encoding) and documents whose shape once made the importer backtrack.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ImportedChecklist } from "./checklist";
import { decodeDocument, readDocument, readDocumentBytes } from "./read-document";
import { repairMojibake } from "./repair-encoding";
import { readStatus } from "./words";

const titles = (checklist: ImportedChecklist) => checklist.categories.flatMap((c) => c.items.map((i) => i.title));

describe("titles stay as the author wrote them", () => {
  it("keeps leading figures in item titles, in task lists and tables", () => {
    const read = readDocument("## Load\n- [ ] 250 orders per minute held for an hour\n- [x] 7 slow queries indexed\n\n| Item | Status |\n|---|---|\n| 99.9 % uptime over a month | ✅ |\n| 40 alerts routed | ❌ |\n");
    expect(titles(read)).toEqual(["250 orders per minute held for an hour", "7 slow queries indexed", "99.9 % uptime over a month", "40 alerts routed"]);
  });

  it("still drops numbering from headings and numbered titles", () => {
    const read = readDocument("## 2.1 Security\n- [ ] 1. Secrets rotated\n\n### 3 Backups\n- [ ] Restore drill\n");
    expect(read.categories.map((c) => [c.name, titles({ ...read, categories: [c] })])).toEqual([["Security", ["Secrets rotated"]], ["Backups", ["Restore drill"]]]);
  });

  it("keeps code spans as text and takes bracketed paths as evidence", () => {
    const read = readDocument("## Deploy\n- [ ] Move `config.sample.yml` into `config/prod.yml`\n- [x] CI runs on push (`.github/workflows/ci.yml`)\n\n| Item | Status |\n|---|---|\n| Load `seed.sql` before the demo | Done |\n");
    expect(titles(read)).toEqual(["Move config.sample.yml into config/prod.yml", "CI runs on push", "Load seed.sql before the demo"]);
    expect(read.categories[0].items[1].evidence).toEqual([".github/workflows/ci.yml"]);
  });

  it("keeps quotes", () => {
    const read = readDocument('## Site\n- [ ] "Pricing" page reviewed\n- [ ] Button says \'Buy now\'\n\n| Item | Status |\n|---|---|\n| “Contact us” form answers | ✅ |\n');
    expect(titles(read)).toEqual(['"Pricing" page reviewed', "Button says 'Buy now'", "“Contact us” form answers"]);
  });

  it("does not take a progress line for an item", () => {
    const read = readDocument("## Rollout\n- [ ] Stage 3 : Pilot (2/5)\n  - [x] Pilot group chosen\n  - [ ] Feedback form sent\n\n| Item | Status |\n|---|---|\n| Phase 4 – Go-live [0/3] | ⏳ |\n| Status page set up | ✅ |\n\n### Phase 2 : Acceptance (0/12)\n- [ ] Sign-off by product\n");
    expect(titles(read)).toEqual(["Pilot group chosen", "Feedback form sent", "Status page set up", "Sign-off by product"]);
    expect(read.categories.map((c) => c.name)).toEqual(["Rollout", "Acceptance"]);
  });

  it("keeps apart two items that differ only in a parenthesis", () => {
    const read = readDocument("## Browsers\n- [ ] Checkout (Safari)\n- [x] Checkout (1024 px wide)\n- [ ] Search (waiting on the new index)\n");
    expect(titles(read)).toEqual(["Checkout (Safari)", "Checkout (1024 px wide)", "Search"]);
    expect(read.categories[0].items[2].notes).toBe("waiting on the new index");
  });
});

// The runner's time limit is the only clock here: these inputs took the old
// patterns minutes (cubic backtracking) and take milliseconds now. The 1 MB
// timing is in `npm run bench`.
describe("documents that once made the importer backtrack", () => {
  it("reads an item wrapped in tens of thousands of emphasis marks instead of overflowing the parser's stack", () => {
    const read = readDocument(`## Checks\n- [ ] ${"*".repeat(20_000)}word${"*".repeat(20_000)}\n- [x] Backups\n\n${"_".repeat(40)}\n`);
    expect(read.categories.map((c) => c.items.length)).toEqual([2]);
    expect(titles(read).at(-1)).toBe("Backups");
    expect(titles(read)[0]).toContain("word");
  }, 60_000);

  it("reads code blocks whose lines hold long runs of spaces", () => {
    const spaces = " ".repeat(3000);
    const read = readDocument(`## Build\n- [ ] Image signed\n\n\`\`\`\n  Packaging${spaces}x\n[ ] a${spaces}b\n${spaces}│\n\`\`\`\n`);
    expect(titles(read)).toEqual(["Image signed", `a b`]);
  });

  it("reads titles, headings and cells with long runs of spaces and markup", () => {
    const run = " ".repeat(50_000);
    const read = readDocument(`## A${run}b${run}:\n- [ ] x${run}y${run}(z)${run}w\n- [ ] ${"_".repeat(20_000)}q${"~".repeat(20_000)}\n\n| Item | Status |\n|---|---|\n| c${run}d${run}: | ✅${run}x |\n`);
    expect(read.categories.map((c) => c.name)).toEqual(["A b"]);
    expect(titles(read)[0]).toBe("x y (z) w");
    // A backtracking pattern takes hours on these runs; a linear read, seconds even on a busy machine.
  }, 30_000);

  it("reads a status cell holding a megabyte of status words", () => {
    // Too long to be a sentence anyone reads as a status: a warning, not a guess.
    expect(readStatus(`Done ${"implemented but not ".repeat(50_000)}`)).toEqual({ status: "MISSING", recognised: false });
  });

  it("reads an effort cell holding a very long number", () => {
    const read = readDocument(`## A\n| Item | Status | Effort |\n|---|---|---|\n| Load test | Done | ${"9".repeat(200_000)} ! |\n`);
    expect(read.categories[0].items[0]).toMatchObject({ title: "Load test", effortHours: null });
  });

  it("never crashes on Markdown-ish documents", () => {
    const pieces = fc.constantFrom("## ", "- [ ] ", "- [x] ", "| ", " | ", "|---|---|", "```", "\n", " ".repeat(200), "├─ ", "[ ] ", "Phase 2 : ", "(1/3)", "`a/b.ts`", "“", "”", "**", "1. ", "500 ", "Done", "✅", "\uFFFD", "Ã©", "É”");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
        try {
          readDocument(parts.join(""));
        } catch (error) {
          if (!(error instanceof Error && error.name === "NoChecklistError")) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("encoding", () => {
  it("leaves correct text with accents and quotes exactly as it is", () => {
    for (const text of ["Rename the “CAFÉ” brand", "Translate ¿QUÉ pasa?", "Translate ¿QUÉ…", "«ÉTÉ» — “NIÑO” – ACCIÓN’s", "Noël à l’hôtel, 20 °C, m² ±"]) expect(repairMojibake(text)).toEqual({ text, repaired: 0, guessed: 0, lines: [] });
  });

  it("still repairs doubly encoded text, names the lines, and then also the doubtful runs", () => {
    const repair = repairMojibake("## Launch\n- [ ] âœ… Done\nplain\nCafÃ© Ã\u00a0cÃ´tÃ©\nHáº¡ng Má»¥c\nÐ¿Ñ€Ð¸Ð²ÐµÑ‚ Ð¸ “ACCIÃ“N”");
    expect(repair.text).toBe("## Launch\n- [ ] ✅ Done\nplain\nCafé àcôté\nHạng Mục\nпривет и “ACCIÓN”");
    expect(repair.lines).toEqual([2, 4, 5, 6]);
  });

  it("imports through the repair with a warning naming the changed lines", () => {
    const read = readDocument("## Ops\n- [ ] Rename the “CAFÉ” brand\n- [x] Backups âœ… verified\n");
    expect(read.categories[0].items.map((i) => i.title)).toEqual(["Rename the “CAFÉ” brand", "Backups verified"]);
    expect(read.warnings).toEqual([expect.objectContaining({ line: 3, message: expect.stringMatching(/on line 3\b/) })]);
  });

  it("reads a file that is not valid UTF-8 with a warning naming its lines, and no U+FFFD", () => {
    const bytes = Buffer.concat([Buffer.from("## S\u00e9curit\u00e9\n- [ ] Secrets rotated ✅\n"), Buffer.from([0x2d, 0x20, 0x5b, 0x20, 0x5d, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x20, 0x6d, 0x65, 0x6e, 0x75, 0x0a]), Buffer.from("## R\u00e9seau\n"), Buffer.from([0x2d, 0x20, 0x5b, 0x78, 0x5d, 0x20, 0x93, 0x44, 0x4e, 0x53, 0x94, 0x20, 0x81, 0x6f, 0x6b, 0x0a])]);
    const { text, warnings } = decodeDocument(bytes);
    expect(text).toBe("## Sécurité\n- [ ] Secrets rotated ✅\n- [ ] Café menu\n## Réseau\n- [x] “DNS” ok\n");
    expect(warnings).toEqual([{ line: 3, message: expect.stringMatching(/not valid UTF-8 on lines 3, 5\b/) }]);
    const read = readDocumentBytes(bytes);
    expect(JSON.stringify(read.categories)).not.toContain("\uFFFD");
    expect(read.warnings[0]).toEqual(warnings[0]);
    expect(decodeDocument(Buffer.from("\ufeff## A\n"))).toEqual({ text: "## A\n", warnings: [] });
  });

  it("takes U+FFFD out of titles and names that arrive with it, naming the lines", () => {
    const read = readDocument("## Caf\uFFFD\n- [ ] Men\uFFFD printed\n- [ ] Fine\n");
    expect(JSON.stringify(read.categories)).not.toContain("\uFFFD");
    expect(read.warnings).toEqual([expect.objectContaining({ line: 2, message: expect.stringMatching(/on line 2\b/) })]);
  });

  // Letters whose Windows-1252 byte is a UTF-8 continuation byte (Š š Œ œ Ž ž
  // Ÿ) are left out of the random words: "Ãœ", "Å¡" are what double encoding
  // makes of Ü and š, in any language.
  it("never alters correct text: words of several scripts with the punctuation they are written with", () => {
    const letters = fc.constantFrom(..."abcdeéèêëàâäçîïôöùûüÿæñóíúáãõåøßÀÂÄÇÉÈÊËÎÏÔÖÙÛÜÆÑÓÍÚÁÃÕÅØĄąĘęŁłŚśŻżğĞİışŞдомпривеαβγ中文字한국어ạụữ");
    const word = fc.array(letters, { minLength: 2, maxLength: 8 }).map((chars) => chars.join(""));
    const before = fc.constantFrom("", "“", "‘", "«", "« ", "„", "¿", "¡", "(", "\"");
    const after = fc.constantFrom("", "”", "’", "»", " »", "…", "”…", "’s", "!", "?", ",", ".", " –", " —", ")", "™", "\"");
    const token = fc.tuple(before, word, after).map((parts) => parts.join(""));
    const text = fc.array(fc.oneof(token, fc.constantFrom("20 °C", "5 m²", "± 3", "✅", "🚧", "—", "·")), { maxLength: 12 }).map((tokens) => tokens.join(" "));
    fc.assert(fc.property(text, (t) => repairMojibake(t).text === t), { numRuns: 2000 });
  });
});
