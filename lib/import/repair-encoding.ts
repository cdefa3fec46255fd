// Text that was UTF-8, decoded once as Windows-1252 (or its Turkish sibling
// 1254) and saved again as UTF-8: "✅" arrives as "âœ…", "🚧" as "ğŸš§". The
// repair maps such runs back to their bytes and decodes them as UTF-8. Bytes
// that 1252 cannot show (0x81 0x8D 0x8F 0x90 0x9D) were usually dropped on
// the way; where a sequence is one byte short, the missing byte is guessed
// from those five, preferring the characters readiness documents use.

import { CP1252_HIGH } from "@/lib/schemas/document-bytes";

// Where Windows-1254 (Turkish) differs from 1252.
const CP1254_DIFFERENT: Record<number, string> = { 0xd0: "Ğ", 0xdd: "İ", 0xde: "Ş", 0xf0: "ğ", 0xfd: "ı", 0xfe: "ş" };
const LOST = [0x90, 0x8f, 0x8d, 0x81, 0x9d];

// Character → the byte it stood for, for both code pages.
const BYTE_OF = new Map<string, number>();
for (let byte = 0x80; byte <= 0xff; byte += 1) {
  if (byte >= 0xa0) BYTE_OF.set(String.fromCharCode(byte), byte);
  else BYTE_OF.set(String.fromCharCode(byte), byte); // C1 controls, when decoded as Latin-1
}
for (const [byte, char] of Object.entries(CP1252_HIGH)) BYTE_OF.set(char, Number(byte));
for (const [byte, char] of Object.entries(CP1254_DIFFERENT)) BYTE_OF.set(char, Number(byte));

// Characters a readiness document is likely to contain: status glyphs,
// arrows and box drawing. A guess for a lost byte prefers these.
const LIKELY = /[\ufe0f\u200d\u2500-\u25ff\u2190-\u21ff\u2700-\u27bf\u2600-\u26ff\u{1f300}-\u{1faff}\u2013\u2014\u2018-\u201d\u2022\u2026\u2260\u2264\u2265]/u;

// Status glyphs, box drawing and the variation selector that follows emoji
// beat other symbols: "â—" is ◐ (E2 97 90), not ❗ (E2 9D 97).
const STATUS_GLYPHS = new Set(["✅", "❌", "⚠", "⚙", "✔", "✗", "✘", "🚧", "\ufe0f"]);
function likelihood(char: string): number {
  if (STATUS_GLYPHS.has(char) || /[\u2500-\u25ff]/.test(char)) return 3;
  return LIKELY.test(char) ? 1 : 0;
}

const sequenceLength = (lead: number) => (lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 0);
const isContinuation = (byte: number | undefined) => byte !== undefined && byte >= 0x80 && byte <= 0xbf;

function decodeOne(bytes: number[]): string | null {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bytes));
    return [...text].length === 1 ? text : null;
  } catch {
    return null;
  }
}

// Decodes a run of bytes; returns null when the run does not look like UTF-8.
function decodeRun(bytes: number[]): { text: string; guessed: number } | null {
  let text = "";
  let guessed = 0;
  let decodedAny = false;
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes[i]);
    if (length === 0) return null;
    const available = [bytes[i]];
    let j = i + 1;
    while (available.length < length && isContinuation(bytes[j])) available.push(bytes[j++]);
    if (available.length === length) {
      const char = decodeOne(available);
      if (char === null) return null;
      text += char;
      decodedAny = true;
      i = j;
      continue;
    }
    // One byte short: try each byte 1252 loses, at each position after the
    // lead, and keep the likeliest character.
    if (available.length !== length - 1) return null;
    let best: string | null = null;
    let bestScore = 0;
    for (let position = available.length; position >= 1; position -= 1) {
      for (const lost of LOST) {
        const candidate = decodeOne([...available.slice(0, position), lost, ...available.slice(position)]);
        const score = candidate ? likelihood(candidate) : 0;
        if (score > bestScore) [best, bestScore] = [candidate, score];
      }
    }
    if (best === null) return null;
    text += best;
    guessed += 1;
    decodedAny = true;
    i = j;
  }
  return decodedAny ? { text, guessed } : null;
}

export type Repair = { text: string; repaired: number; guessed: number; lines: number[] };

// A repair is taken only where it is clearly better than the text as it is:
// correct text holds these characters too ("Rename the “CAFÉ” brand" is
// É + ” = C9 94, which decodes to "ɔ"). What a repair may produce:
// symbols, emoji and Vietnamese letters always; Latin-1 and Latin
// Extended-A letters; letters of Greek, Cyrillic, Hebrew, Arabic and East
// Asian scripts only as a word of two or more, or in a document already
// shown to be doubly encoded; anything else (IPA, combining marks, rare
// scripts) never.
type Verdict = "strong" | "weak" | "never";
const inRange = (cp: number, ranges: [number, number][]) => ranges.some(([from, to]) => cp >= from && cp <= to);
const ALWAYS: [number, number][] = [[0xa0, 0x17f], [0x218, 0x21b], [0x1e00, 0x1eff], [0x2000, 0x2bff], [0xfe00, 0xfeff], [0x10000, 0x10ffff]];
const SCRIPT: [number, number][] = [[0x386, 0x3ce], [0x400, 0x45f], [0x490, 0x491], [0x5d0, 0x5ea], [0x600, 0x6ff], [0x3000, 0x9fff], [0xac00, 0xd7a3]];
// What correct text puts right after a letter: closing quotes, dashes, an
// ellipsis. A run made only of these after its first character, at the end
// of a word, may well be correct text.
const NATURAL_AFTER = new Set(["’", "”", "»", "…", "–", "—", "•", "·", "‚", "„", "›", "‹", "‘", "“", "«", "\u00a0", "™", "‰"]);

function verdict(original: string[], decoded: { text: string; guessed: number }, previous: string | undefined, next: string | undefined): Verdict {
  const chars = [...decoded.text];
  // A status glyph or box drawing standing alone, whose lost byte had to be
  // guessed ("â— = Partial" → ◐), is what it looks like; after a letter it
  // may be a word's last letter and a dash.
  const afterLetter = previous !== undefined && /\p{L}/u.test(previous);
  if (decoded.guessed > 0 && !afterLetter && chars.every((char) => likelihood(char) === 3)) return "strong";
  let script = false;
  for (const char of chars) {
    const cp = char.codePointAt(0) as number;
    if (inRange(cp, SCRIPT)) script = true;
    else if (!inRange(cp, ALWAYS)) return "never";
  }
  if (script && chars.length < 2) return "weak";
  const atWordEnd = next === undefined || !/[\p{L}\p{N}]/u.test(next);
  // "’s", "’t", "’ll": an apostrophe of English after a word's last letter.
  const contraction = original.at(-1) === "’" && next !== undefined && /[stdlmrv]/i.test(next);
  if ((atWordEnd || contraction) && original.slice(1).every((char) => NATURAL_AFTER.has(char))) return "weak";
  // A guessed byte before a letter is too little to go on.
  if (decoded.guessed > 0 && !atWordEnd) return "weak";
  return "strong";
}

// Repairs every run of mis-decoded characters where the result is clearly
// better (see verdict); leaves the rest. `lines` lists the 1-based lines changed.
export function repairMojibake(input: string): Repair {
  const chars = [...input];
  const runs: { from: number; to: number; text: string; guessed: number; verdict: Verdict; line: number }[] = [];
  let line = 1;
  let i = 0;
  while (i < chars.length) {
    if (chars[i] === "\n") line += 1;
    if (!BYTE_OF.has(chars[i]) || sequenceLength(BYTE_OF.get(chars[i]) as number) === 0) {
      i += 1;
      continue;
    }
    let j = i;
    const bytes: number[] = [];
    while (j < chars.length && BYTE_OF.has(chars[j])) bytes.push(BYTE_OF.get(chars[j++]) as number);
    // Shrink from the end until the run decodes (a real accent may follow).
    let end = bytes.length;
    let decoded: ReturnType<typeof decodeRun> = null;
    while (end >= 2 && !(decoded = decodeRun(bytes.slice(0, end)))) end -= 1;
    if (decoded) {
      runs.push({ from: i, to: i + end, text: decoded.text, guessed: decoded.guessed, verdict: verdict(chars.slice(i, i + end), decoded, chars[i - 1], chars[i + end]), line });
      i += end;
    } else {
      i += 1;
    }
  }
  // Weak repairs only in a document that holds a clear one.
  const doubled = runs.some((run) => run.verdict === "strong");
  const taken = runs.filter((run) => run.verdict === "strong" || (run.verdict === "weak" && doubled));
  let out = "";
  let at = 0;
  for (const run of taken) {
    out += chars.slice(at, run.from).join("") + run.text;
    at = run.to;
  }
  out += chars.slice(at).join("");
  return {
    text: taken.length ? out : input,
    repaired: taken.length,
    guessed: taken.reduce((sum, run) => sum + run.guessed, 0),
    lines: [...new Set(taken.map((run) => run.line))],
  };
}
