// A shields-style SVG badge: "readiness | 57% · L1", coloured by level.
import type { LevelNumber } from "@/lib/domain/readiness/score";

const LEVEL_COLOUR: Record<LevelNumber, string> = { 0: "#d9534f", 1: "#f0ad4e", 2: "#97ca00", 3: "#2e9e44" };

// Verdana 11px advance widths are close to 6.5 px per character; shields.io
// measures exactly, a fixed width per character is enough for these strings.
const width = (text: string) => Math.round(text.length * 6.5 + 12);

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);

export function readinessBadge(score: { percent: number; level: LevelNumber } | null, label = "readiness"): string {
  const value = score ? `${score.percent}% · L${score.level}` : "unknown";
  const colour = score ? LEVEL_COLOUR[score.level] : "#9f9f9f";
  const left = width(label);
  const right = width(value);
  const total = left + right;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="20" role="img" aria-label="${escape(`${label}: ${value}`)}">
<title>${escape(`${label}: ${value}`)}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="${total}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="${colour}"/><rect width="${total}" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
<text x="${left / 2}" y="15" fill="#010101" fill-opacity=".3">${escape(label)}</text><text x="${left / 2}" y="14">${escape(label)}</text>
<text x="${left + right / 2}" y="15" fill="#010101" fill-opacity=".3">${escape(value)}</text><text x="${left + right / 2}" y="14">${escape(value)}</text>
</g>
</svg>
`;
}
