import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/server/kernel/errors";

// Keyset ("seek") cursors (docs/adr/0018-keyset-cursors.md). A cursor holds
// the sort key of the last row a page returned, and the next page starts
// strictly after that key. Lists are sorted by keys that never change once a
// row exists and never repeat (an item's key; a project's creation time and
// id), so whatever happens to rows between two pages — status changes,
// edits, re-ordering, deletion, rows added — a row that stays in the list is
// returned exactly once, and a row that joins or leaves it at most once.
// (Markus Winand, "Paging Through Results", use-the-index-luke.com/no-offset.)

/** A row's place in its list's order: the sort key, most significant component first. */
export type SortKey = readonly [string, ...string[]];

/**
 * A list that hands out cursors.
 * - `kind` names the list and fixes the shape of its sort key (`key`), e.g. "api.items".
 * - `scope` holds every value that decides which rows are in the list — team,
 *   project, filters — but not the page size. A cursor only resumes a list of
 *   the same kind and scope; anything else is refused as "another list".
 */
export type PagedList<K extends SortKey> = {
  kind: string;
  key: z.ZodType<K>;
  scope: Record<string, string | number | boolean | null | undefined>;
};

/**
 * The sort key of rows in order of creation: [createdAt as ISO 8601 UTC with
 * milliseconds, id]; the id orders rows created in the same millisecond.
 */
export type CreationKey = [createdAt: string, id: string];

/** The shape of a CreationKey in a cursor; times are normalised to `toISOString()` so they compare as text. */
export const creationKey: z.ZodType<CreationKey> = z.tuple([
  z.iso.datetime().transform((at) => new Date(at).toISOString()),
  z.string().min(1).max(64),
]);

/** A row's CreationKey. */
export const creationKeyOf = (row: { createdAt: Date | string; id: string }): CreationKey => [new Date(row.createdAt).toISOString(), row.id];

/** One page: at most `limit` rows, and the cursor of the next page (null on the last). */
export type Page<T> = { data: T[]; nextCursor: string | null };

const CURSOR_VERSION = 1;

const cursorShape = z.object({ v: z.literal(CURSOR_VERSION), l: z.string(), k: z.array(z.string()) });

// A short digest of the list's kind and scope: enough to tell lists apart,
// without showing team, project or filter values to whoever holds the cursor.
function listDigest(list: PagedList<SortKey>): string {
  const scope = Object.entries(list.scope)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash("sha256").update(JSON.stringify([list.kind, scope])).digest("base64url").slice(0, 16);
}

const invalidCursor = () =>
  new AppError("VALIDATION", "That cursor is not valid. Start again without one.", { cursor: ["That cursor is not valid."] });

const anotherList = () =>
  new AppError(
    "VALIDATION",
    "That cursor belongs to another list. Send it with the same path and filters that returned it, or start again without one.",
    { cursor: ["That cursor belongs to another list."] },
  );

/** The opaque cursor that resumes `list` after the row whose sort key is `key` (URL-safe base64). */
export function encodeCursor<K extends SortKey>(list: PagedList<K>, key: K): string {
  return Buffer.from(JSON.stringify({ v: CURSOR_VERSION, l: listDigest(list), k: key })).toString("base64url");
}

/**
 * The sort key a cursor resumes after, or undefined without one.
 * Throws VALIDATION on the `cursor` field when the cursor is malformed, or
 * was issued for a list of another kind or scope.
 */
export function decodeCursor<K extends SortKey>(list: PagedList<K>, cursor: string | undefined): K | undefined {
  // An empty cursor (`?cursor=`) starts at the beginning, as no cursor does.
  if (!cursor) return undefined;
  const parsed = cursorShape.safeParse(jsonOf(cursor));
  if (!parsed.success) throw invalidCursor();
  if (parsed.data.l !== listDigest(list)) throw anotherList();
  const key = list.key.safeParse(parsed.data.k);
  if (!key.success) throw invalidCursor();
  return key.data;
}

function jsonOf(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

/** Orders sort keys component by component, comparing UTF-16 code units (never the locale, so the order is total and the same everywhere). */
export function compareSortKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i] ?? "";
    const y = b[i] ?? "";
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * A page of a list held in memory in full (lists that are scored before they
 * are filtered): the rows sorted by `keyOf` ascending, starting after the
 * cursor's key. `keyOf` must give each row a distinct key that never changes.
 * Throws like decodeCursor.
 */
export function seekPage<T, K extends SortKey>(list: PagedList<K>, rows: readonly T[], keyOf: (row: T) => K, cursor: string | undefined, limit: number): Page<T> {
  const after = decodeCursor(list, cursor);
  const keyed = rows.map((row) => ({ row, key: keyOf(row) })).sort((a, b) => compareSortKeys(a.key, b.key));
  const rest = after ? keyed.filter(({ key }) => compareSortKeys(key, after) > 0) : keyed;
  const page = rest.slice(0, limit);
  const last = page.at(-1);
  return { data: page.map(({ row }) => row), nextCursor: rest.length > limit && last ? encodeCursor(list, last.key) : null };
}
