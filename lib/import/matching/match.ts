// Matching a document's rows to a project's items by meaning, for rows whose
// key and title match nothing: "Rate limiting" ↔ "Rate limiting on sign-in
// and expensive endpoints", "DB backups" ↔ "Automated backups". Every
// proposal carries a confidence the person sees and can overrule before
// anything is written (the import preview).
//
// The score is lexical, over meaning tokens (tokens.ts), each weighted by how
// rare it is among the items' titles (inverse document frequency, as in
// Sparck Jones 1972), so "backup" counts for more than "test". A title's
// subject (before "on", "for", "with" …) counts whole, its qualifiers half,
// and so do the row's own qualifiers:
//   recall    = weight of the row's tokens found in the item's subject, plus
//               half of those found only in its qualifiers, why, how to
//               verify or category, over the weight of all the row's tokens;
//   precision = weight of the title's tokens the row has, over the title's;
//   score     = 0.65 · recall + 0.35 · precision, + 0.1 · the overlap
//               (Dice) of the row's category name with the item's, capped
//               at 1; less up to 0.3 when another item scores nearly as
//               well for the row (and more when another scores better).
// A row naming a word of its subject that the item does not explain scores
// below ACCEPT_FROM: a suggestion for the person, never a match taken alone.
// A pair scores only when the row names (anywhere) a word of the item's
// title that is not a generic one ("test", "automated" …): a match on qualifiers or
// background text alone is too weak to propose.
import { ACCEPT_FROM, PROPOSE_FROM } from "@/lib/domain/match-confidence";
import { isGeneric, meaningTokens, titleTokens } from "./tokens";

export type MatchRow = { row: number; title: string; category: string };
export type MatchCandidate = { id: string; title: string; category: string; context: string };
export type MeaningMatch = { row: number; itemId: string; confidence: number };

// Scores closer than this to a row's runner-up are doubted (see below).
const AMBIGUOUS_WITHIN = 0.15;
// How much of the score is recall (the row explained) rather than precision
// (the item covered): teams' rows are terser than checklist titles.
const RECALL_SHARE = 0.65;
const UNEXPLAINED_SHARE = 0.3;

type Prepared = { id: string; head: Set<string>; qualifier: Set<string>; context: Set<string>; category: Set<string> };

const sum = (tokens: Iterable<string>, weight: (t: string) => number) => {
  let total = 0;
  for (const token of tokens) total += weight(token);
  return total;
};

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Proposes, for each row, at most one item, and each item for at most one row:
 * the pairs scoring at least PROPOSE_FROM, best first (ties: document order).
 * Items in `taken` (matched otherwise) are never proposed but still count as
 * rivals, so a row whose own item went elsewhere is not pinned on the next
 * best. Returns confidences in [0, 1], rounded to two decimals.
 */
export function matchByMeaning(rows: MatchRow[], candidates: MatchCandidate[], taken: ReadonlySet<string> = new Set()): MeaningMatch[] {
  if (rows.length === 0 || candidates.length === 0) return [];
  const prepared: Prepared[] = candidates.map((c) => {
    const { head, qualifier } = titleTokens(c.title);
    const category = new Set(meaningTokens(c.category));
    const inTitle = new Set([...head, ...qualifier]);
    const context = new Set([...meaningTokens(c.context), ...category].filter((t) => !inTitle.has(t)));
    return { id: c.id, head: new Set(head), qualifier: new Set(qualifier), context, category };
  });
  // Rarity among the titles: ln(1 + N / (1 + titles holding the token)); a
  // token no title holds counts as if one did (it tells the items apart no
  // better), and a qualifying word counts half.
  const holding = new Map<string, number>();
  // Items by the words of their title that can carry a match.
  const bySubject = new Map<string, Prepared[]>();
  for (const p of prepared) {
    for (const token of [...p.head, ...p.qualifier]) holding.set(token, (holding.get(token) ?? 0) + 1);
    for (const token of [...p.head, ...p.qualifier]) if (!isGeneric(token)) bySubject.set(token, [...(bySubject.get(token) ?? []), p]);
  }
  const weight = (token: string) => Math.log(1 + prepared.length / (1 + (holding.get(token) ?? 1))) * (isGeneric(token) ? 0.5 : 1);

  const pairs: MeaningMatch[] = [];
  for (const row of rows) {
    const { head, qualifier } = titleTokens(row.title);
    // What the row says, its own qualifiers counting half.
    const said = new Map<string, number>([...qualifier.map((t) => [t, 0.5 * weight(t)] as const), ...head.map((t) => [t, weight(t)] as const)]);
    const rowWeight = sum(said.keys(), (t) => said.get(t) as number);
    if (rowWeight === 0) continue;
    const category = new Set(meaningTokens(row.category));
    const scored: { itemId: string; score: number }[] = [];
    for (const item of new Set([...said.keys()].flatMap((t) => bySubject.get(t) ?? []))) {
      // A token in the item's subject counts whole; in its qualifiers or its
      // background (why, how to verify, category), half.
      const found = sum(said.keys(), (t) => (said.get(t) as number) * (item.head.has(t) ? 1 : item.qualifier.has(t) || item.context.has(t) ? 0.5 : 0));
      const recall = found / rowWeight;
      const covered = sum(item.head, (t) => (said.has(t) ? weight(t) : 0)) + 0.5 * sum(item.qualifier, (t) => (said.has(t) ? weight(t) : 0));
      const precision = covered / (sum(item.head, weight) + 0.5 * sum(item.qualifier, weight));
      const score = Math.min(1, RECALL_SHARE * recall + (1 - RECALL_SHARE) * precision + 0.1 * dice(category, item.category));
      // Words of the row the item says nothing about ("*Sales* dashboard",
      // "Health check of the *SEO*") may well name another subject: when they
      // weigh UNEXPLAINED_SHARE of the row or more, the match is only ever
      // suggested, never taken without the person.
      const unexplained = sum(said.keys(), (t) => (!isGeneric(t) && !item.head.has(t) && !item.qualifier.has(t) && !item.context.has(t) ? (said.get(t) as number) : 0));
      scored.push({ itemId: item.id, score: unexplained >= UNEXPLAINED_SHARE * rowWeight ? Math.min(score, ACCEPT_FROM - 0.01) : score });
    }
    // A near tie is a guess between items: it loses twice what its lead
    // falls short of 0.15 (up to 0.3), so a row that fits three backup items
    // almost equally is not pinned on one of them. An item that is not the
    // row's best loses more still: it is only a fallback for a row whose best
    // went elsewhere.
    scored.sort((a, b) => b.score - a.score);
    for (const [index, { itemId, score }] of scored.entries()) {
      const bestOther = index === 0 ? scored[1]?.score : scored[0].score;
      const doubt = bestOther === undefined ? 0 : 2 * Math.max(0, AMBIGUOUS_WITHIN - (score - bestOther));
      const confidence = Math.round((score - doubt) * 100) / 100;
      if (confidence >= PROPOSE_FROM && !taken.has(itemId)) pairs.push({ row: row.row, itemId, confidence });
    }
  }
  pairs.sort((a, b) => b.confidence - a.confidence || a.row - b.row);
  const rowsTaken = new Set<number>();
  const itemsTaken = new Set<string>();
  const chosen: MeaningMatch[] = [];
  for (const pair of pairs) {
    if (rowsTaken.has(pair.row) || itemsTaken.has(pair.itemId)) continue;
    rowsTaken.add(pair.row);
    itemsTaken.add(pair.itemId);
    chosen.push(pair);
  }
  return chosen.sort((a, b) => a.row - b.row);
}
