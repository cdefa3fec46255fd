import "server-only";
import type { FaceName, Weight } from "./pdf-fonts";
import { advance, pointsOf, type Line } from "./pdf-lines";
import { bidi, fontkitReverses, graphemesOf } from "./pdf-script";

// A line of text in the order it is drawn, left to right, with the Unicode
// Bidirectional Algorithm (UAX #9, `bidi-js`): what the PDF pen (pdf-text.ts)
// hands pdfkit, piece by piece.

/** A piece of a line in visual order: the string handed to pdfkit, its face, width and link. */
type Piece = { draw: string; face: FaceName; whole: boolean; width: number; link: string | null };

// The line's runs in visual order (UAX #9 rules L1–L4).
export function piecesOf(line: Line, weight: Weight, size: number): Piece[] {
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
