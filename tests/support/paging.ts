// Helpers of the paging tests (tests/integration/api-paging-*.test.ts,
// api-cursors.test.ts): small projects to page through, the pages a token
// reads, and the promise a paging keeps (docs/api.md, "Pagination").
import { expect } from "vitest";
import type { UserActor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { addCategory } from "@/lib/server/services/categories";
import { createItem, updateItem } from "@/lib/server/services/items";
import { createProject } from "@/lib/server/services/projects";
import { callApi, tokenFor } from "./api";
import { teamWith } from "./fixtures";

export type Status = "MISSING" | "PARTIAL" | "DONE";
export type Priority = "HIGH" | "MEDIUM" | "LOW";

// A team whose lead changes the lists and whose read token pages through them.
export async function pagingTeam() {
  const { actors } = await teamWith(["ADMIN", "LEAD"], "Paging");
  return { lead: actors[1], read: (await tokenFor(actors[0], "read", "Paging reader")).secret };
}

// A blank project with the given categories, each holding `perCategory`
// MEDIUM items keyed `<category>.<nn>`, all MISSING.
export async function smallProject(lead: UserActor, name: string, categories: string[], perCategory: number) {
  const { projectId } = await createProject(lead, { name, source: "blank" });
  const categoryIds: string[] = [];
  for (const category of categories) {
    const { categoryId } = await addCategory(lead, { projectId, name: category });
    categoryIds.push(categoryId);
    for (let n = 1; n <= perCategory; n += 1) {
      await createItem(lead, { categoryId, title: `${category} ${n}`, key: `${category.toLowerCase()}.${String(n).padStart(2, "0")}` });
    }
  }
  return { projectId, categoryIds };
}

export const itemOf = (projectId: string, key: string) => db.item.findUniqueOrThrow({ where: { projectId_key: { projectId, key } } });

export async function change(lead: UserActor, projectId: string, key: string, changes: { status?: Status; priority?: Priority; categoryId?: string }) {
  const item = await itemOf(projectId, key);
  await updateItem(lead, { itemId: item.id, version: item.version, changes });
}

export const keysOf = (body: { data: { key: string }[] }) => body.data.map((item) => item.key);
export const byKey = (row: { key?: string }) => row.key as string;
export const byId = (row: { id?: string }) => row.id as string;
type IdOf = (row: { key?: string; id?: string }) => string;

// Follows a list's cursors one page at a time; `between` runs after each
// page (the changes others make meanwhile).
export async function pageThrough(token: string, path: string, limit: number, idOf: IdOf, between: (page: number) => Promise<void>) {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; ; page += 1) {
    const separator = path.includes("?") ? "&" : "?";
    const answer = await callApi("GET", `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`, { token });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    seen.push(...answer.body.data.map(idOf));
    cursor = answer.body.nextCursor;
    if (!cursor) return seen;
    await between(page);
  }
}

// The whole filtered list as it stands now, in one page.
export async function wholeList(token: string, path: string, idOf: IdOf) {
  const separator = path.includes("?") ? "&" : "?";
  const answer = await callApi("GET", `${path}${separator}limit=200`, { token });
  expect(answer.status).toBe(200);
  expect(answer.body.nextCursor).toBeNull();
  return new Set<string>(answer.body.data.map(idOf));
}

// Watches a list's membership at every moment it can change: the rows in
// it throughout, and the rows in it at any time.
export function membership(first: Set<string>) {
  const throughout = new Set(first);
  const ever = new Set(first);
  return {
    throughout,
    ever,
    note(now: Set<string>) {
      for (const id of [...throughout]) if (!now.has(id)) throughout.delete(id);
      for (const id of now) ever.add(id);
    },
  };
}

export function expectEachOnce(seen: string[], throughout: Set<string>, ever: Set<string>) {
  const counts = new Map<string, number>();
  for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
  expect([...counts].filter(([, n]) => n > 1), "repeated rows").toEqual([]);
  expect([...throughout].filter((id) => !counts.has(id)), "skipped rows").toEqual([]);
  expect(seen.filter((id) => !ever.has(id)), "rows never in the list").toEqual([]);
}
