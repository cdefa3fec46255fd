// The readiness matrix: one row per category with counts, percent and glyph.
import { scoreTally, tallyItems } from "./score";
import { CREDIT_HALVES, type ScorableItem } from "./standing";
import { STANDINGS, type Standing, type Weights } from "./vocabulary";

export type MatrixGlyph = "○" | "◐" | "●" | "–";

export type MatrixRow = {
  categoryId: string;
  name: string;
  counts: Record<Standing, number>;
  applicable: number;
  percent: number;
  glyph: MatrixGlyph;
};

// ○ nothing done, ◐ some progress, ● every applicable item done (or waived);
// – when the category has nothing applicable.
export function glyphFor(counts: Record<Standing, number>, applicable: number): MatrixGlyph {
  if (applicable === 0) return "–";
  if (counts.DONE + counts.WAIVED === applicable) return "●";
  if (STANDINGS.every((standing) => CREDIT_HALVES[standing] === 0 || counts[standing] === 0)) return "○";
  return "◐";
}

export function readinessMatrix<I extends ScorableItem & { categoryId: string }>(
  categories: readonly { id: string; name: string }[],
  items: readonly I[],
  weights: Weights,
  now: Date,
): MatrixRow[] {
  return categories.map((category) => {
    const score = scoreTally(tallyItems(items.filter((item) => item.categoryId === category.id), now), weights);
    return {
      categoryId: category.id,
      name: category.name,
      counts: score.counts,
      applicable: score.applicable,
      percent: score.percent,
      glyph: glyphFor(score.counts, score.applicable),
    };
  });
}
