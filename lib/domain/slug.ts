// URL- and file-name-safe words from a name: "Déjà vu API!" → "deja-vu-api",
// "Резервное копирование" → "rezervnoe-kopirovanie".
//
// Slugs stay in ASCII letters and digits: they become item keys the REST API
// addresses in its paths (lib/domain/item-key.ts), team slugs and file names
// in Content-Disposition headers, where other letters would need escaping.
// Latin letters lose their accents, Cyrillic and Greek are transliterated;
// letters of other scripts (Chinese, Arabic, Thai …) cannot be spelt, so the
// slug then ends in a short hash of the whole name: two names that differ
// only in such letters still get different slugs, and the same name always
// gets the same one.

// Scientific-style transliteration, lower case only (slugs are lower case).
const SPELLING: Record<string, string> = {
  // Cyrillic (Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian)
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ж: "zh", з: "z", и: "i", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p",
  р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "iu",
  я: "ia", і: "i", є: "ie", ґ: "g", ђ: "dj", ј: "j", љ: "lj", њ: "nj", ћ: "c", џ: "dz", ѕ: "dz",
  // Greek
  α: "a", β: "v", γ: "g", δ: "d", ε: "e", ζ: "z", η: "i", θ: "th", ι: "i", κ: "k", λ: "l", μ: "m", ν: "n", ξ: "x", ο: "o",
  π: "p", ρ: "r", σ: "s", ς: "s", τ: "t", υ: "y", φ: "f", χ: "ch", ψ: "ps", ω: "o",
  // Latin letters without a decomposition
  ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ð: "d", þ: "th", ł: "l", ı: "i", ħ: "h",
};

// FNV-1a, 32 bits, in base 36: stable across runs and platforms, no dependency.
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, "0");
}

const MAX_SLUG = 50;

/** A slug of at most 50 characters matching /^[a-z0-9]+(-[a-z0-9]+)*$/; `fallback` (which must match it) when the name holds no letter or digit. */
export function slugify(text: string, fallback = "item"): string {
  const name = text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
  const spelt = [...name.normalize("NFKD").replace(/\p{M}/gu, "")].map((char) => SPELLING[char] ?? char).join("");
  // Letters and digits no spelling reaches: the hash keeps such names apart.
  const unspelt = /[^\P{L}a-z]|[^\P{N}0-9]/u.test(spelt);
  const words = (max: number) => spelt.replace(/[^a-z0-9]+/g, "-").slice(0, max).replace(/^-+|-+$/g, "");
  if (!unspelt) return words(MAX_SLUG) || fallback;
  const hash = shortHash(name);
  return `${words(MAX_SLUG - hash.length - 1) || fallback}-${hash}`.slice(0, MAX_SLUG);
}
