import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";

// The fonts every Shipshape PDF is drawn with, and which one draws a given
// character (docs/adr/0015-pdf-fonts-for-every-script.md). All are TrueType
// files from npm packages, resolved under node_modules of the working
// directory (the app, the CLI and the container image all run from the
// project root, and the image ships node_modules whole). pdfkit embeds only
// the glyphs a document uses.

export type Weight = "regular" | "bold";

/** A font face of the fallback chain; `bold` is absent when the family has a single weight. */
type Face = { package: string; regular: string; bold?: string };

const FACES = {
  // Latin, Greek and Cyrillic, and the punctuation of our own labels.
  latin: { package: "@expo-google-fonts/noto-sans", regular: "400Regular/NotoSans_400Regular.ttf", bold: "700Bold/NotoSans_700Bold.ttf" },
  arabic: { package: "@expo-google-fonts/noto-sans-arabic", regular: "400Regular/NotoSansArabic_400Regular.ttf", bold: "700Bold/NotoSansArabic_700Bold.ttf" },
  hebrew: { package: "@expo-google-fonts/noto-sans-hebrew", regular: "400Regular/NotoSansHebrew_400Regular.ttf", bold: "700Bold/NotoSansHebrew_700Bold.ttf" },
  // ○ ◐ ● ◆ ✓ ★ and the other geometric shapes and dingbats.
  symbols2: { package: "@expo-google-fonts/noto-sans-symbols-2", regular: "400Regular/NotoSansSymbols2_400Regular.ttf" },
  // Arrows (→) and technical symbols.
  symbols: { package: "@expo-google-fonts/noto-sans-symbols", regular: "400Regular/NotoSansSymbols_400Regular.ttf", bold: "700Bold/NotoSansSymbols_700Bold.ttf" },
  // The broad net the report was drawn with before: mathematical operators
  // (≤ ≥ ≠ ∞), Armenian, Georgian and more that no Noto face above carries.
  dejavu: { package: "dejavu-fonts-ttf", regular: "ttf/DejaVuSans.ttf", bold: "ttf/DejaVuSans-Bold.ttf" },
  sc: { package: "@expo-google-fonts/noto-sans-sc", regular: "400Regular/NotoSansSC_400Regular.ttf", bold: "700Bold/NotoSansSC_700Bold.ttf" },
  jp: { package: "@expo-google-fonts/noto-sans-jp", regular: "400Regular/NotoSansJP_400Regular.ttf", bold: "700Bold/NotoSansJP_700Bold.ttf" },
  kr: { package: "@expo-google-fonts/noto-sans-kr", regular: "400Regular/NotoSansKR_400Regular.ttf", bold: "700Bold/NotoSansKR_700Bold.ttf" },
  // Monochrome outlines: PDF viewers draw them like text (colour emoji fonts are bitmaps pdfkit cannot embed).
  emoji: { package: "@expo-google-fonts/noto-emoji", regular: "400Regular/NotoEmoji_400Regular.ttf", bold: "700Bold/NotoEmoji_700Bold.ttf" },
} satisfies Record<string, Face>;

export type FaceName = keyof typeof FACES;
export const PRIMARY_FACE: FaceName = "latin";

/** The weight a face is drawn in: the regular one when the family has no bold. */
export const weightIn = (face: FaceName, weight: Weight): Weight => (weight === "bold" && (FACES[face] as Face).bold ? "bold" : "regular");

/** Absolute path of a face's TrueType file for a weight. */
function fontFile(face: FaceName, weight: Weight): string {
  const entry: Face = FACES[face];
  return path.join(process.cwd(), "node_modules", entry.package, weightIn(face, weight) === "bold" ? (entry.bold as string) : entry.regular);
}

/** Every font file the PDFs may use (a test checks that each is installed). */
export const allFontFiles = (): string[] => (Object.keys(FACES) as FaceName[]).flatMap((face) => [fontFile(face, "regular"), fontFile(face, "bold")]);

const loaded: Record<Weight, Partial<Record<FaceName, fontkit.Font>>> = { regular: {}, bold: {} };

/**
 * The parsed font of a face, read and parsed once per process and shared by
 * every document (pdfkit takes a fontkit font as it is, and keeps its subset
 * per document). A CJK face is 5–11 MB and takes 100–200 ms to open, so a
 * face is opened only when a character first needs it.
 * @throws when the font file is missing (the npm package is not installed).
 */
export function fontOf(face: FaceName, weight: Weight): fontkit.Font {
  const drawn = weightIn(face, weight);
  return (loaded[drawn][face] ??= fontkit.create(readFileSync(fontFile(face, drawn))) as fontkit.Font);
}

// Japanese text is drawn with the Japanese face and Korean with the Korean
// one, also for the Han characters they share with Chinese: the same code
// point has different regional forms (e.g. 直, 骨).
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const BEFORE_CJK: FaceName[] = ["latin", "arabic", "hebrew", "symbols2", "symbols", "dejavu"];
const chains = {
  sc: { name: "sc", faces: [...BEFORE_CJK, "sc", "jp", "kr", "emoji"] },
  jp: { name: "jp", faces: [...BEFORE_CJK, "jp", "sc", "kr", "emoji"] },
  kr: { name: "kr", faces: [...BEFORE_CJK, "kr", "sc", "jp", "emoji"] },
} satisfies Record<string, { name: string; faces: FaceName[] }>;

/** A fallback chain: the faces to try, in order, and a name to cache decisions under. */
export type Chain = { name: string; faces: readonly FaceName[] };

/** The fallback chain for a text: the primary face first, the CJK face matching the text's language before the others. */
export function chainFor(text: string): Chain {
  if (KANA.test(text)) return chains.jp;
  if (HANGUL.test(text)) return chains.kr;
  return chains.sc;
}

// A character shown as an emoji (🚀, ✅, or any character followed by the
// emoji variation selector U+FE0F) is drawn from the emoji face first, even
// where a symbol face has a text-style glyph for it.
const EMOJI = /\p{Emoji_Presentation}|\uFE0F|\u20E3|\p{Emoji_Modifier}/u;
// Code points that select or join but have no glyph of their own: a face need not map them.
const IGNORABLE = /^[\u200C\u200D\uFE00-\uFE0F\u{E0100}-\u{E01EF}\u{E0020}-\u{E007F}]$/u;

const decisions = new Map<string, FaceName>();

/**
 * The face that draws a grapheme cluster: the first face of the chain that has
 * a glyph for each of its code points (joiners and variation selectors aside);
 * failing that, the first that has its base character; failing that, the
 * primary face (whose empty box then marks the missing glyph).
 */
export function faceFor(cluster: string, chain: Chain, weight: Weight): FaceName {
  const key = `${weight}\u0000${chain.name}\u0000${cluster}`;
  const known = decisions.get(key);
  if (known) return known;
  const codePoints = [...cluster].filter((c) => !IGNORABLE.test(c)).map((c) => c.codePointAt(0) as number);
  const order = EMOJI.test(cluster) ? ["emoji" as const, ...chain.faces] : chain.faces;
  const face =
    order.find((f) => codePoints.every((cp) => fontOf(f, weight).hasGlyphForCodePoint(cp))) ??
    order.find((f) => codePoints.length > 0 && fontOf(f, weight).hasGlyphForCodePoint(codePoints[0])) ??
    PRIMARY_FACE;
  // The decisions of a process are few (the distinct characters it prints); the bound only guards against misuse.
  if (decisions.size > 100_000) decisions.clear();
  decisions.set(key, face);
  return face;
}

const primaryCoverage = { regular: new Uint8Array(0x10000), bold: new Uint8Array(0x10000) };

/** Whether the primary face draws this BMP code unit (cached: 1 yes, 2 no). */
export function primaryHas(codeUnit: number, weight: Weight): boolean {
  const table = primaryCoverage[weight];
  if (table[codeUnit] === 0) table[codeUnit] = fontOf(PRIMARY_FACE, weight).hasGlyphForCodePoint(codeUnit) ? 1 : 2;
  return table[codeUnit] === 1;
}
