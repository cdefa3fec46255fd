import "server-only";
import bidiFactory, { type EmbeddingLevels } from "bidi-js";
import LineBreaker from "linebreak";
import { chainFor, faceFor, fontOf, PRIMARY_FACE, primaryHas, weightIn, type FaceName, type Weight } from "./pdf-fonts";

// Text in every script on a PDF page: pdfkit draws one font per call and
// left to right only, so a paragraph is laid out here — split into runs by
// the face that has each character's glyphs, broken into lines at the
// Unicode line-break opportunities (UAX #14, the `linebreak` package pdfkit
// itself uses) and put in visual order line by line with the Unicode
// Bidirectional Algorithm (UAX #9, `bidi-js`) — and each run is then drawn
// at its own x (docs/adr/0015-pdf-fonts-for-every-script.md).

/** A stretch of text, a clickable link when `link` (an http(s) URL) is set. */
export type Span = { text: string; link?: string | null };
/** What the pen writes: plain text, or spans; "\n" starts a new paragraph. */
export type RichText = string | readonly Span[];

/**
 * Marks text typed by a user (a name, a title, a reason) as a unit with its
 * own direction inside our left-to-right sentences — what HTML's <bdi> does,
 * with the isolate controls FSI … PDI of UAX #9. An Arabic name followed by
 * "(v2)" then reads as the name's author wrote it, and cannot reorder the
 * label around it. Isolate controls inside the text are dropped so it cannot
 * close the isolate early.
 */
export function isolate(text: string): string {
  return `\u2068${text.replace(/[\u2066-\u2069]/g, "")}\u2069`;
}

// Vertical metrics as multiples of the font size: one line height for every
// face, so that mixed-script lines and table rows stay even. Noto's CJK,
// Arabic and Latin outlines fit between baseline − 0.95 and baseline + 0.3.
const LINE_HEIGHT = 1.28;
const BASELINE = 0.96;

const bidi = bidiFactory();
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

// Characters whose presence may reorder a line: right-to-left letters and
// digits (Hebrew, Arabic, Syriac, Thaana, N'Ko …, their presentation forms,
// the right-to-left blocks beyond the BMP) and the controls that force a
// right-to-left direction. Without them every level is even and the visual
// order is the logical one.
const MAY_REORDER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE\u200F\u202B\u202E\u2067\u061C\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
// Directional controls: they steer the algorithm and are never drawn.
const BIDI_CONTROL = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;
const IS_BIDI_CONTROL = /^[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]$/;
// fontkit reverses a run whose first letter belongs to one of these scripts
// (its own right-to-left list); the pen has to know to get the order right.
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Cypriot}\p{Script=Kharoshthi}\p{Script=Phoenician}\p{Script=Nko}\p{Script=Lydian}\p{Script=Avestan}\p{Script=Imperial_Aramaic}\p{Script=Inscriptional_Pahlavi}\p{Script=Inscriptional_Parthian}\p{Script=Old_South_Arabian}\p{Script=Old_Turkic}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Meroitic_Cursive}\p{Script=Meroitic_Hieroglyphs}\p{Script=Manichaean}\p{Script=Mende_Kikakui}\p{Script=Nabataean}\p{Script=Old_North_Arabian}\p{Script=Palmyrene}\p{Script=Psalter_Pahlavi}]/u;
const NO_SCRIPT = /[\p{Script=Common}\p{Script=Inherited}]|\P{Assigned}/u;

/** Whether fontkit lays this string out right to left (its first character of a real script is right-to-left). */
function fontkitReverses(text: string): boolean {
  for (const char of text) if (!NO_SCRIPT.test(char)) return RTL_SCRIPT.test(char);
  return false;
}

// bidi-js classifies each UTF-16 unit on its own, so a surrogate half of an
// emoji or of a right-to-left letter beyond the BMP would count as a strong
// left-to-right letter. Such characters are replaced, for the algorithm
// only, by two units of a BMP character of the same bidirectional type.
const STAND_IN: Record<string, string> = { L: "A", R: "\u05D0", AL: "\u0627", EN: "0", AN: "\u0660", NSM: "\u0300", BN: "\u00AD", WS: " " };
function bidiInput(text: string): string {
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, (pair) => (STAND_IN[bidi.getBidiCharTypeName(pair)] ?? "!").repeat(2));
}

/** A logical stretch of a paragraph drawn with one face at one embedding level. */
type Run = { start: number; end: number; face: FaceName; level: number; link: string | null };
type Paragraph = { text: string; runs: Run[]; levels: EmbeddingLevels | null; bidiText: string };
type Line = { paragraph: Paragraph; start: number; end: number };

/** A laid-out text: its lines and total height in points. Draw it with {@link TextPen.draw}. */
export type TextLayout = { lines: Line[]; height: number; weight: Weight; size: number };

// Widths of words in font units, per font, shared by every document.
const widths = new WeakMap<object, Map<string, number>>();
function advance(face: FaceName, weight: Weight, text: string, whole: boolean): number {
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

const pointsOf = (face: FaceName, weight: Weight, units: number, size: number) => (units * size) / fontOf(face, weight).unitsPerEm;

// The paragraph as runs: one run in the primary face when every character is
// in it and nothing can reorder (most text), else grapheme by grapheme.
function paragraphOf(parts: Span[], weight: Weight): Paragraph {
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

// Characters that join a grapheme with their neighbour: combining marks,
// joiners, variation selectors, emoji modifiers and tags, regional
// indicators, Hangul jamo. Without them a grapheme is a code point, found
// much faster than by Intl.Segmenter.
const JOINS = /[\p{M}\u200C\u200D\uFE00-\uFE0F\u1100-\u11FF\uD7B0-\uD7FF\u{1F3FB}-\u{1F3FF}\u{1F1E6}-\u{1F1FF}\u{E0020}-\u{E007F}\u{E0100}-\u{E01EF}]/u;
function graphemesOf(text: string): Iterable<{ segment: string; index: number }> {
  if (JOINS.test(text)) return graphemes.segment(text);
  const result: { segment: string; index: number }[] = [];
  for (let index = 0; index < text.length; ) {
    const size = text.codePointAt(index)! > 0xffff ? 2 : 1;
    result.push({ segment: text.slice(index, index + size), index });
    index += size;
  }
  return result;
}

// Paragraphs at line ends (\n, \r\n, \r); a tab is a space, and other
// control characters, which no font draws, are dropped.
function paragraphsOf(content: RichText): Span[][] {
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
function linesOf(p: Paragraph, maxWidth: number, weight: Weight, size: number): Line[] {
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

/** A piece of a line in visual order: the string handed to pdfkit, its face, width and link. */
type Piece = { draw: string; face: FaceName; whole: boolean; width: number; link: string | null };

// The line's runs in visual order (UAX #9 rules L1–L4).
function piecesOf(line: Line, weight: Weight, size: number): Piece[] {
  const { paragraph: p, start, end } = line;
  if (end <= start) return [];
  type Unit = { start: number; end: number; face: FaceName; level: number; link: string | null };
  const units: Unit[] = [];
  if (!p.levels) {
    for (const run of p.runs) if (run.end > start && run.start < end) units.push({ ...run, start: Math.max(start, run.start), end: Math.min(end, run.end) });
  } else {
    // Graphemes in logical order, then the reversals bidi-js computes for
    // this line (given in UTF-16 positions, applied to graphemes).
    const clusterAt = new Int32Array(end - start).fill(-1);
    const clusters: Unit[] = [];
    for (const run of p.runs) {
      if (run.end <= start || run.start >= end) continue;
      const from = Math.max(start, run.start);
      for (const { segment, index } of graphemesOf(p.text.slice(from, Math.min(end, run.end)))) {
        for (let k = 0; k < segment.length; k += 1) clusterAt[from + index + k - start] = clusters.length;
        clusters.push({ start: from + index, end: from + index + segment.length, face: run.face, level: run.level, link: run.link });
      }
    }
    const order = clusters.map((_, i) => i);
    const positionOf = (unit: number, direction: 1 | -1) => {
      // Controls between graphemes have no cluster: step to the nearest one inside the range.
      let i = unit - start;
      while (i >= 0 && i < clusterAt.length && clusterAt[i] < 0) i += direction;
      return i >= 0 && i < clusterAt.length ? clusterAt[i] : -1;
    };
    for (const [a, b] of bidi.getReorderSegments(p.bidiText, p.levels, start, end - 1)) {
      const from = positionOf(a, 1);
      const to = positionOf(b, -1);
      if (from < 0 || to < 0 || from >= to) continue;
      const reversed = order.slice(from, to + 1).reverse();
      order.splice(from, reversed.length, ...reversed);
    }
    const mirrored = bidi.getMirroredCharactersMap(p.bidiText, p.levels.levels, start, end - 1);
    for (const i of order) {
      const c = clusters[i];
      const last = units[units.length - 1];
      const joins = last && last.face === c.face && last.level === c.level && last.link === c.link && (c.level % 2 === 1 ? c.end === last.start : c.start === last.end);
      if (joins) {
        last.start = Math.min(last.start, c.start);
        last.end = Math.max(last.end, c.end);
      } else units.push({ ...c });
    }
    // Mirrored characters (brackets in right-to-left text) are swapped in place.
    if (mirrored.size > 0) {
      const chars = p.text.split("");
      for (const [index, char] of mirrored) chars[index] = char;
      return units.map((u) => piece(u, chars.slice(u.start, u.end).join(""), weight, size));
    }
  }
  return units.map((u) => piece(u, p.text.slice(u.start, u.end), weight, size));
}

// What to hand pdfkit for a unit: fontkit shapes a string and reverses it
// when its script is right-to-left; a unit whose visual order differs from
// that (right-to-left punctuation or emoji, Arabic-Indic digits) is reversed
// grapheme by grapheme first. A reversing string is laid out whole
// (features given) so that pdfkit does not lay it out word by word.
function piece(unit: { face: FaceName; level: number; link: string | null }, text: string, weight: Weight, size: number): Piece {
  const reverses = fontkitReverses(text);
  const draw = reverses === (unit.level % 2 === 1) ? text : Array.from(graphemesOf(text), (g) => g.segment).reverse().join("");
  return { draw, face: unit.face, whole: reverses, width: pointsOf(unit.face, weight, advance(unit.face, weight, draw, reverses), size), link: unit.link };
}

const registered = new WeakMap<PDFKit.PDFDocument, Set<string>>();

/**
 * Writes rich text on a pdfkit document with the fallback fonts, in visual
 * order, with link annotations. Its font / fontSize / fillColor / moveDown
 * mirror pdfkit's so that drawing code reads the same; sizes are in points.
 */
export class TextPen {
  private weight: Weight = "regular";
  private size = 12;

  constructor(readonly doc: PDFKit.PDFDocument) {}

  font(weight: Weight): this {
    this.weight = weight;
    return this;
  }

  fontSize(size: number): this {
    this.size = size;
    return this;
  }

  fillColor(color: string): this {
    this.doc.fillColor(color);
    return this;
  }

  /** Height of one line at the current size, in points. */
  lineHeight(): number {
    return this.size * LINE_HEIGHT;
  }

  moveDown(lines = 1): this {
    this.doc.y += lines * this.lineHeight();
    return this;
  }

  /** Lays text out in lines of at most `width` points with the current font and size. */
  layout(content: RichText, width: number): TextLayout {
    const { weight, size } = this;
    const lines = paragraphsOf(content).flatMap((parts) => linesOf(paragraphOf(parts, weight), width, weight, size));
    return { lines, height: lines.length * size * LINE_HEIGHT, weight, size };
  }

  /** Draws a layout with its top-left corner at (x, y); `width` is the box `center` aligns in. */
  draw(layout: TextLayout, x: number, y: number, options: { width?: number; align?: "left" | "center" } = {}): this {
    layout.lines.forEach((line, i) => this.drawLine(line, layout, x, y + i * layout.size * LINE_HEIGHT, options));
    return this;
  }

  /**
   * Writes text as a flowing paragraph at doc.y, from doc.x (+ indent) to the
   * right margin, starting a new page when a line does not fit; leaves doc.y
   * below the text.
   */
  text(content: RichText, options: { indent?: number; align?: "left" | "center" } = {}): this {
    const doc = this.doc;
    const left = doc.x + (options.indent ?? 0);
    const width = doc.page.width - doc.page.margins.right - left;
    const layout = this.layout(content, width);
    const height = layout.size * LINE_HEIGHT;
    for (const line of layout.lines) {
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y;
      this.drawLine(line, layout, left, y, { width, align: options.align });
      doc.y = y + height;
    }
    doc.x = left - (options.indent ?? 0);
    return this;
  }

  private drawLine(line: Line, layout: TextLayout, x: number, y: number, options: { width?: number; align?: "left" | "center" }) {
    const doc = this.doc;
    const pieces = piecesOf(line, layout.weight, layout.size);
    const total = pieces.reduce((sum, p) => sum + p.width, 0);
    let cursor = options.align === "center" && options.width ? x + (options.width - total) / 2 : x;
    const links: { url: string; x: number; width: number }[] = [];
    for (const p of pieces) {
      doc.font(this.fontName(p.face, layout.weight)).fontSize(layout.size);
      doc.text(p.draw, cursor, y + layout.size * BASELINE, { lineBreak: false, baseline: "alphabetic", ...(p.whole ? { features: [] } : {}) });
      if (p.link) {
        const last = links[links.length - 1];
        if (last && last.url === p.link && Math.abs(last.x + last.width - cursor) < 0.01) last.width += p.width;
        else links.push({ url: p.link, x: cursor, width: p.width });
      }
      cursor += p.width;
    }
    for (const link of links) doc.link(link.x, y, link.width, layout.size * LINE_HEIGHT, link.url);
  }

  // pdfkit opens a registered font once per document and embeds its subset.
  private fontName(face: FaceName, wanted: Weight): string {
    const weight = weightIn(face, wanted);
    const name = `${face}-${weight}`;
    let names = registered.get(this.doc);
    if (!names) registered.set(this.doc, (names = new Set()));
    if (!names.has(name)) {
      // pdfkit 0.20 takes a parsed fontkit font as a font source (PDFFontFactory.open), which its types do not list.
      this.doc.registerFont(name, fontOf(face, weight) as unknown as Buffer);
      names.add(name);
    }
    return name;
  }
}
