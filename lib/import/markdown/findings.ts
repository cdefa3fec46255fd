// Findings written with a sub-heading per detail:
//   ### 1. ❌ No automated tests
//   #### Impact          ← a detail of the finding, not a category
//   #### Timeline
// The details fold into the finding's section, so that it reads as one item
// like a finding with **Impact:** lines.
import type { Paragraph, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { holdsItems, type Section } from "./gap-sections";
import { hasStatusGlyph } from "./markers";
import { cleanName } from "./names";

const DETAIL = /^(impact|severity|priority|effort|estimate|timeline|eta|status|evidence|owner|risk|fix|recommendations?|remediation|problem|issue|details?|description|solution|location|root cause|current state|why it matters|action items?|steps to fix|proposed fix|what to do)$/i;
// The details whose first paragraph is a field the gap reader knows.
const FIELD_DETAIL = /^(impact|severity|priority|effort|estimate|timeline|eta|status|evidence|owner|risk|fix|recommendation|location)$/i;

/**
 * Folds detail sub-sections into the finding above them and drops them from
 * the list; a finding is a heading with a status glyph whose deeper headings
 * all name details and hold no items. Marks every section's `leaf`.
 */
export function foldFindingDetails<T extends { section: Section }>(sections: T[]): T[] {
  const kept: T[] = [];
  for (let index = 0; index < sections.length; index += 1) {
    const entry = sections[index];
    const heading = entry.section.heading;
    let end = index + 1;
    while (end < sections.length && heading && (sections[end].section.heading?.depth ?? 0) > heading.depth) end += 1;
    const details = sections.slice(index + 1, end);
    const foldable =
      heading !== null &&
      details.length > 0 &&
      hasStatusGlyph(toString(heading)) &&
      details.every(({ section }) => section.heading && DETAIL.test(cleanName(toString(section.heading))) && !holdsItems(section.nodes));
    if (foldable) {
      for (const { section } of details) entry.section.nodes.push(...asField(section));
      index = end - 1;
    }
    entry.section.leaf = heading !== null && (foldable || details.length === 0);
    kept.push(entry);
  }
  return kept;
}

// "#### Timeline" + "2-3 days" → a paragraph "Timeline: 2-3 days", then the rest.
function asField(section: Section): RootContent[] {
  const label = cleanName(toString(section.heading as NonNullable<Section["heading"]>));
  const [first, ...rest] = section.nodes;
  if (!FIELD_DETAIL.test(label) || first?.type !== "paragraph") return section.nodes;
  const field: Paragraph = { type: "paragraph", children: [{ type: "text", value: `${label}: ${toString(first).split("\n")[0]}` }], position: first.position };
  return [field, ...rest];
}
