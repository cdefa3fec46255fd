import "server-only";
import { z } from "zod";
import type { ItemFilter } from "@/lib/domain/readiness/filters";
import { creationKey, type CreationKey, type PagedList } from "@/lib/server/read-models/pagination";

// The API's paged lists and their orders (docs/api.md, "Pagination"). Both
// sort by keys that edits cannot change, so a cursor stays valid whatever
// happens to the rows (docs/adr/0018-keyset-cursors.md).

/** The team's projects, oldest first (creation time, then id), as chosen by `archived`. */
export const apiProjectList = (teamId: string, archived: string): PagedList<CreationKey> => ({
  kind: "api.projects",
  key: creationKey,
  scope: { teamId, archived },
});

/**
 * A project's items matching `filter` (category and owner as ids), by item key
 * (which never changes), compared as text.
 */
export const apiItemList = (teamId: string, projectId: string, filter: ItemFilter): PagedList<[key: string]> => ({
  kind: "api.items",
  key: z.tuple([z.string().min(1)]),
  scope: { teamId, projectId, ...filter },
});
