import "server-only";
import type { EmbeddingLevels } from "bidi-js";
import LineBreaker from "linebreak";
import { chainFor, faceFor, fontOf, PRIMARY_FACE, primaryHas, type FaceName, type Weight } from "./pdf-fonts";
import { bidi, bidiInput, BIDI_CONTROL, fontkitReverses, graphemesOf, IS_BIDI_CONTROL, MAY_REORDER } from "./pdf-script";

// Text broken into lines for the PDF pen (pdf-text.ts): paragraphs split into
// runs by the face that has each character's glyphs, measured the way pdfkit
// will draw them, and broken at the Unicode line-break opportunities
// (UAX #14, the `linebreak` package pdfkit itself uses).

/** A stretch of text, a clickable link when `link` (an http(s) URL) is set. */
export type Span = { text: string; link?: string | null };
/** What the pen writes: plain text, or spans; "\n" starts a new paragraph. */
export type RichText = string | readonly Span[];

/** A logical stretch of a paragraph drawn with one face at one embedding level. */
type Run = { start: number; end: number; face: FaceName; level: number; link: string | null };
type Paragraph = { text: string; runs: Run[]; levels: EmbeddingLevels | null; bidiText: string };
export type Line = { paragraph: Paragraph; start: number; end: number };

// Widths of words in font units, per font, shared by every document.
const widths = new WeakMap<object, Map<string, number>>();
export function advance(face: FaceName, weight: Weight, text: string, whole: boolean): number {
  const font = fontOf(face, weight);
  let cache = widths.get(font);
  if (!cache) widths.set(font, (cache = new Map()));
  if (cache.size > 200_000) cache.clear();
  // pdfkit lays a string out word by word (each word with its trailing
  // space) unless features are given; measure the way it will draw.
  const measure = (chunk: string, key: string) => {
    let width = cache.get(key);
    if (width === undefined) {
      width = font.layout(chunk, whole ? [] : undefined).advanceWidth;
      cache.set(key, width);
    }
    return width;
  };
  if (whole) return measure(text, `\u0001${text}`);
  let total = 0;
  let last = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === " " || char === "\t") {
      total += measure(text.slice(last, index + 1), text.slice(last, index + 1));
      last = index + 1;
    }
  }
  if (last < text.length) total += measure(text.slice(last), text.slice(last));
  return total;
}

export const pointsOf = (face: FaceName, weight: Weight, units: number, size: number) => (units * size) / fontOf(face, weight).unitsPerEm;

// The paragraph as runs: one run in the primary face when every character is
// in it and nothing can reorder (most text), else grapheme by grapheme.
export function paragraphOf(parts: Span[], weight: Weight): Paragraph {
  const joined = parts.map((part) => part.text).join("");
  const reorders = MAY_REORDER.test(joined);
  const texts = reorders ? parts.map((part) => part.text) : parts.map((part) => part.text.replace(BIDI_CONTROL, ""));
  const text = texts.join("");
  const linkAt: { end: number; link: string | null }[] = [];
  let offset = 0;
  texts.forEach((t, i) => linkAt.push({ end: (offset += t.length), link: parts[i].link ?? null }));
  const linkOf = (index: number) => linkAt.find((l) => index < l.end)?.link ?? null;

  let simple = !reorders;
  for (let i = 0; simple && i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    simple = unit < 0xd800 && primaryHas(unit, weight);
  }
  if (simple) {
    let start = 0;
    const runs: Run[] = [];
    for (const { end, link } of linkAt) {
      if (end > start) runs.push({ start, end, face: PRIMARY_FACE, level: 0, link });
      start = end;
    }
    return { text, runs, levels: null, bidiText: text };
  }

  const bidiText = reorders ? bidiInput(text) : text;
  const levels = reorders ? bidi.getEmbeddingLevels(bidiText, "ltr") : null;
  const chain = chainFor(text);
  const runs: Run[] = [];
  for (const { segment, index } of graphemesOf(text)) {
    if (IS_BIDI_CONTROL.test(segment)) continue;
    const unit = segment.charCodeAt(0);
    const face = segment.length === 1 && unit < 0xd800 && primaryHas(unit, weight) ? PRIMARY_FACE : faceFor(segment, chain, weight);
    const level = levels ? levels.levels[index] : 0;
    const link = linkOf(index);
    const last = runs[runs.length - 1];
    if (last && last.end === index && last.face === face && last.level === level && last.link === link) last.end = index + segment.length;
    else runs.push({ start: index, end: index + segment.length, face, level, link });
  }
  return { text, runs, levels, bidiText };
}

// Paragraphs at line ends (\n, \r\n, \r); a tab is a space, and other
// control characters, which no font draws, are dropped.
export function paragraphsOf(content: RichText): Span[][] {
  const spans = typeof content === "string" ? [{ text: content }] : content;
  const paragraphs: Span[][] = [[]];
  for (const span of spans) {
    const text = span.text.replace(/\r\n?/g, "\n").replace(/\t/g, " ").replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, "");
    text.split("\n").forEach((piece, i) => {
      if (i > 0) paragraphs.push([]);
      paragraphs[paragraphs.length - 1].push({ text: piece, link: span.link ?? null });
    });
  }
  return paragraphs;
}

// Width of a logical stretch [start, end) of a paragraph, in points.
function widthOf(p: Paragraph, start: number, end: number, weight: Weight, size: number): number {
  let width = 0;
  for (const run of p.runs) {
    if (run.end <= start || run.start >= end) continue;
    const text = p.text.slice(Math.max(start, run.start), Math.min(end, run.end));
    width += pointsOf(run.face, weight, advance(run.face, weight, text, run.level > 0 && fontkitReverses(text)), size);
  }
  return width;
}

const trimEnd = (text: string, start: number, end: number) => {
  while (end > start && /\s/.test(text[end - 1])) end -= 1;
  return end;
};

// Greedy line breaking at the UAX #14 opportunities; a word wider than the
// line is broken between graphemes.
export function linesOf(p: Paragraph, maxWidth: number, weight: Weight, size: number): Line[] {
  const { text } = p;
  const fits = (start: number, end: number) => widthOf(p, start, trimEnd(text, start, end), weight, size) <= maxWidth;
  const line = (start: number, end: number): Line => ({ paragraph: p, start, end: trimEnd(text, start, end) });
  if (fits(0, text.length)) return [line(0, text.length)];
  const lines: Line[] = [];
  const breaker = new LineBreaker(text);
  let start = 0;
  let fitted = 0; // the last opportunity up to which the current line fits
  for (let brk = breaker.nextBreak(); brk; brk = breaker.nextBreak()) {
    const position = brk.position;
    if (!fits(start, position)) {
      if (fitted > start) {
        lines.push(line(start, fitted));
        start = fitted;
      }
      while (!fits(start, position)) {
        let end = start;
        for (const { index, segment } of graphemesOf(text.slice(start, position))) {
          const next = start + index + segment.length;
          if (end > start && widthOf(p, start, next, weight, size) > maxWidth) break;
          end = next;
        }
        lines.push(line(start, end));
        start = end;
      }
    }
    fitted = position;
    if (brk.required && position < text.length) {
      lines.push(line(start, position));
      start = position;
    }
  }
  if (start < text.length || lines.length === 0) lines.push(line(start, text.length));
  return lines;
}
