import "server-only";
import bidiFactory from "bidi-js";

// What the Unicode algorithms say about a string, for the PDF pen
// (pdf-text.ts): whether it may reorder, how fontkit will draw it, and its
// graphemes. One bidi-js instance serves the whole report renderer.

export const bidi = bidiFactory();
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

// Characters whose presence may reorder a line: right-to-left letters and
// digits (Hebrew, Arabic, Syriac, Thaana, N'Ko …, their presentation forms,
// the right-to-left blocks beyond the BMP) and the controls that force a
// right-to-left direction. Without them every level is even and the visual
// order is the logical one.
export const MAY_REORDER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE\u200F\u202B\u202E\u2067\u061C\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
// Directional controls: they steer the algorithm and are never drawn.
export const BIDI_CONTROL = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;
export const IS_BIDI_CONTROL = /^[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]$/;
// fontkit reverses a run whose first letter belongs to one of these scripts
// (its own right-to-left list); the pen has to know to get the order right.
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Cypriot}\p{Script=Kharoshthi}\p{Script=Phoenician}\p{Script=Nko}\p{Script=Lydian}\p{Script=Avestan}\p{Script=Imperial_Aramaic}\p{Script=Inscriptional_Pahlavi}\p{Script=Inscriptional_Parthian}\p{Script=Old_South_Arabian}\p{Script=Old_Turkic}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Meroitic_Cursive}\p{Script=Meroitic_Hieroglyphs}\p{Script=Manichaean}\p{Script=Mende_Kikakui}\p{Script=Nabataean}\p{Script=Old_North_Arabian}\p{Script=Palmyrene}\p{Script=Psalter_Pahlavi}]/u;
const NO_SCRIPT = /[\p{Script=Common}\p{Script=Inherited}]|\P{Assigned}/u;

/** Whether fontkit lays this string out right to left (its first character of a real script is right-to-left). */
export function fontkitReverses(text: string): boolean {
  for (const char of text) if (!NO_SCRIPT.test(char)) return RTL_SCRIPT.test(char);
  return false;
}

// bidi-js classifies each UTF-16 unit on its own, so a surrogate half of an
// emoji or of a right-to-left letter beyond the BMP would count as a strong
// left-to-right letter. Such characters are replaced, for the algorithm
// only, by two units of a BMP character of the same bidirectional type.
const STAND_IN: Record<string, string> = { L: "A", R: "\u05D0", AL: "\u0627", EN: "0", AN: "\u0660", NSM: "\u0300", BN: "\u00AD", WS: " " };
export function bidiInput(text: string): string {
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, (pair) => (STAND_IN[bidi.getBidiCharTypeName(pair)] ?? "!").repeat(2));
}

// Characters that join a grapheme with their neighbour: combining marks,
// joiners, variation selectors, emoji modifiers and tags, regional
// indicators, Hangul jamo. Without them a grapheme is a code point, found
// much faster than by Intl.Segmenter.
const JOINS = /[\p{M}\u200C\u200D\uFE00-\uFE0F\u1100-\u11FF\uD7B0-\uD7FF\u{1F3FB}-\u{1F3FF}\u{1F1E6}-\u{1F1FF}\u{E0020}-\u{E007F}\u{E0100}-\u{E01EF}]/u;
export function graphemesOf(text: string): Iterable<{ segment: string; index: number }> {
  if (JOINS.test(text)) return graphemes.segment(text);
  const result: { segment: string; index: number }[] = [];
  for (let index = 0; index < text.length; ) {
    const size = text.codePointAt(index)! > 0xffff ? 2 : 1;
    result.push({ segment: text.slice(index, index + size), index });
    index += size;
  }
  return result;
}
