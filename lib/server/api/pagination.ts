import "server-only";
import { AppError } from "@/lib/server/errors";

// Opaque cursors: the id of the last entry of the previous page. Lists are
// ordered and filtered in full before a page is cut (projects and items are
// read whole to be scored), so a cursor never skips or repeats an entry that
// still exists.
const encodeCursor = (id: string) => Buffer.from(JSON.stringify({ after: id })).toString("base64url");

function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { after?: unknown };
    if (typeof parsed.after === "string" && parsed.after.length > 0) return parsed.after;
  } catch {
    // Falls through to the error below.
  }
  throw new AppError("VALIDATION", "That cursor is not valid. Start again without one.", { cursor: ["That cursor is not valid."] });
}

export function pageOf<T>(entries: readonly T[], idOf: (entry: T) => string, cursor: string | undefined, limit: number) {
  let start = 0;
  if (cursor) {
    const after = decodeCursor(cursor);
    const index = entries.findIndex((entry) => idOf(entry) === after);
    if (index === -1) throw new AppError("VALIDATION", "That cursor no longer points into this list. Start again without one.", { cursor: ["That cursor is stale."] });
    start = index + 1;
  }
  const data = entries.slice(start, start + limit);
  const more = start + limit < entries.length;
  return { data, nextCursor: more && data.length > 0 ? encodeCursor(idOf(data[data.length - 1])) : null };
}
