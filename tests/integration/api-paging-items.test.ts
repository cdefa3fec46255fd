// Paging through the REST API's item lists while others change them. The promise
// (docs/api.md, "Pagination"): a row that is in the filtered list for the
// whole paging appears exactly once; a row that joins or leaves the list
// meanwhile appears at most once; and a cursor resumes after the last row it
// returned, whatever has happened to that row since.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { moveCategory } from "@/lib/server/services/categories";
import { createItem, deleteItem, reorderItem } from "@/lib/server/services/items";
import { callApi } from "../support/api";
import { byKey, change, expectEachOnce, itemOf, keysOf, membership, pageThrough, pagingTeam, smallProject, wholeList, type Priority, type Status } from "../support/paging";

let lead: UserActor;
let read: string;

beforeAll(async () => {
  ({ lead, read } = await pagingTeam());
});

describe("paging items", () => {
  it("resumes after the last item returned even when that item has left the filter", async () => {
    const { projectId } = await smallProject(lead, "Left the filter", ["ops"], 6);
    const list = `/api/v1/projects/${projectId}/items?status=MISSING&limit=3`;
    const first = await callApi("GET", list, { token: read });
    expect(first.status).toBe(200);
    expect(keysOf(first.body)).toEqual(["ops.01", "ops.02", "ops.03"]);

    await change(lead, projectId, "ops.03", { status: "DONE" });

    const second = await callApi("GET", `${list}&cursor=${first.body.nextCursor}`, { token: read });
    expect(second.status).toBe(200);
    expect(keysOf(second.body)).toEqual(["ops.04", "ops.05", "ops.06"]);
    expect(second.body.nextCursor).toBeNull();
  });

  it("resumes after an item that has since been deleted", async () => {
    const { projectId } = await smallProject(lead, "Deleted meanwhile", ["ops"], 4);
    const list = `/api/v1/projects/${projectId}/items?limit=2`;
    const first = await callApi("GET", list, { token: read });
    await deleteItem(lead, { itemId: (await itemOf(projectId, "ops.02")).id });
    const second = await callApi("GET", `${list}&cursor=${first.body.nextCursor}`, { token: read });
    expect(second.status).toBe(200);
    expect(keysOf(second.body)).toEqual(["ops.03", "ops.04"]);
  });

  it("lists items in key order, which edits, re-ordering and moves do not change", async () => {
    const { projectId, categoryIds } = await smallProject(lead, "Key order", ["Beta", "Alpha"], 2);
    await reorderItem(lead, { itemId: (await itemOf(projectId, "beta.02")).id, direction: "up" });
    await change(lead, projectId, "alpha.01", { categoryId: categoryIds[0] });
    await moveCategory(lead, { categoryId: categoryIds[1], direction: "up" });
    const { body } = await callApi("GET", `/api/v1/projects/${projectId}/items`, { token: read });
    expect(keysOf(body)).toEqual(["alpha.01", "alpha.02", "beta.01", "beta.02"]);
  });

  it("never skips or repeats an item while others change statuses, delete, add, re-order, re-prioritise and move items", async () => {
    const { projectId, categoryIds } = await smallProject(lead, "Busy checklist", ["A", "B", "C"], 5);
    await change(lead, projectId, "a.02", { status: "DONE" });
    await change(lead, projectId, "b.03", { status: "DONE" });
    const path = `/api/v1/projects/${projectId}/items?status=MISSING`;
    const watch = membership(await wholeList(read, path, byKey));

    const rounds: (() => Promise<void>)[] = [
      async () => {
        // Returned so far: a.01, a.03, a.04, a.05.
        await change(lead, projectId, "a.05", { status: "DONE" }); // the last one returned leaves
        await change(lead, projectId, "a.01", { status: "PARTIAL" }); // an earlier one leaves
        await change(lead, projectId, "c.05", { status: "DONE" }); // one not yet returned leaves
        await change(lead, projectId, "b.03", { status: "MISSING" }); // one joins ahead
        await change(lead, projectId, "a.02", { status: "MISSING" }); // one joins behind
        await deleteItem(lead, { itemId: (await itemOf(projectId, "b.01")).id });
        await createItem(lead, { categoryId: categoryIds[0], title: "Ahead", key: "b.00" });
        await createItem(lead, { categoryId: categoryIds[2], title: "Behind", key: "a.00" });
      },
      async () => {
        await reorderItem(lead, { itemId: (await itemOf(projectId, "c.04")).id, direction: "up" });
        await reorderItem(lead, { itemId: (await itemOf(projectId, "c.01")).id, direction: "down" });
        await change(lead, projectId, "b.05", { categoryId: categoryIds[0] });
        await change(lead, projectId, "c.02", { categoryId: categoryIds[0], priority: "HIGH" });
        await change(lead, projectId, "b.04", { priority: "LOW" });
        await moveCategory(lead, { categoryId: categoryIds[2], direction: "up" });
        await deleteItem(lead, { itemId: (await itemOf(projectId, "b.02")).id });
        await change(lead, projectId, "c.03", { status: "DONE" }); // leaves before it is read
        await createItem(lead, { categoryId: categoryIds[1], title: "Late", key: "z.99" });
      },
      async () => {
        await change(lead, projectId, "c.03", { status: "MISSING" }); // and comes back behind the cursor
        await createItem(lead, { categoryId: categoryIds[0], title: "Later", key: "y.01" });
      },
    ];
    const seen = await pageThrough(read, path, 4, byKey, async (page) => {
      await rounds[page]?.();
      watch.note(await wholeList(read, path, byKey));
    });

    expectEachOnce(seen, watch.throughout, watch.ever);
    expect(watch.throughout).toEqual(new Set(["a.03", "a.04", "b.04", "b.05", "c.01", "c.02", "c.04"]));
    // Sorted by key: an item that joins behind the cursor (a.00, a.02, c.03)
    // waits for the next paging, one that joins ahead of it (b.00, b.03, y.01,
    // z.99) is read now, and one deleted after it was read (b.02) was read once.
    expect(seen).toEqual(["a.01", "a.03", "a.04", "a.05", "b.00", "b.02", "b.03", "b.04", "b.05", "c.01", "c.02", "c.04", "y.01", "z.99"]);
  });

  it("keeps the promise over random interleavings of page reads and changes", async () => {
    type Step =
      | { kind: "read" }
      | { kind: "status"; pick: number; status: Status }
      | { kind: "priority"; pick: number; priority: Priority }
      | { kind: "move"; pick: number; category: number }
      | { kind: "reorder"; pick: number; direction: "up" | "down" }
      | { kind: "moveCategory"; category: number; direction: "up" | "down" }
      | { kind: "delete"; pick: number }
      | { kind: "add"; category: number; prefix: string; status: Status };
    const pick = fc.nat(50);
    const category = fc.nat(2);
    const step: fc.Arbitrary<Step> = fc.oneof(
      { weight: 4, arbitrary: fc.constant({ kind: "read" as const }) },
      fc.record({ kind: fc.constant("status" as const), pick, status: fc.constantFrom<Status>("MISSING", "PARTIAL", "DONE") }),
      fc.record({ kind: fc.constant("priority" as const), pick, priority: fc.constantFrom<Priority>("HIGH", "MEDIUM", "LOW") }),
      fc.record({ kind: fc.constant("move" as const), pick, category }),
      fc.record({ kind: fc.constant("reorder" as const), pick, direction: fc.constantFrom("up" as const, "down" as const) }),
      fc.record({ kind: fc.constant("moveCategory" as const), category, direction: fc.constantFrom("up" as const, "down" as const) }),
      fc.record({ kind: fc.constant("delete" as const), pick }),
      fc.record({ kind: fc.constant("add" as const), category, prefix: fc.constantFrom("a", "b", "c", "d"), status: fc.constantFrom<Status>("MISSING", "DONE") }),
    );
    const filters = ["status=MISSING", "status=DONE", "priority=HIGH", "category=b", "open=true", ""];
    let run = 0;

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...filters), fc.integer({ min: 1, max: 4 }), fc.array(step, { minLength: 4, maxLength: 24 }), async (filter, limit, steps) => {
        run += 1;
        const { projectId, categoryIds } = await smallProject(lead, `Random ${run}`, ["A", "B", "C"], 3);
        const path = `/api/v1/projects/${projectId}/items${filter ? `?${filter}` : ""}`;
        const watch = membership(await wholeList(read, path, byKey));
        const seen: string[] = [];
        let cursor: string | null | undefined;
        let added = 0;

        const readPage = async () => {
          const answer = await callApi("GET", `${path}${filter ? "&" : "?"}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`, { token: read });
          expect(answer.status, JSON.stringify(answer.body)).toBe(200);
          seen.push(...answer.body.data.map(byKey));
          cursor = answer.body.nextCursor;
        };
        const pickItem = async (n: number) => {
          const items = await db.item.findMany({ where: { projectId }, orderBy: { key: "asc" } });
          return items.length > 0 ? items[n % items.length] : null;
        };

        for (const s of steps) {
          if (s.kind === "read") {
            if (cursor !== null) await readPage();
            continue;
          }
          if (s.kind === "moveCategory") {
            await moveCategory(lead, { categoryId: categoryIds[s.category], direction: s.direction });
          } else if (s.kind === "add") {
            added += 1;
            await createItem(lead, { categoryId: categoryIds[s.category], title: `Added ${added}`, key: `${s.prefix}.new-${added}` });
            if (s.status !== "MISSING") await change(lead, projectId, `${s.prefix}.new-${added}`, { status: s.status });
          } else {
            const item = await pickItem(s.pick);
            if (!item) continue;
            if (s.kind === "status") await change(lead, projectId, item.key, { status: s.status });
            if (s.kind === "priority") await change(lead, projectId, item.key, { priority: s.priority });
            if (s.kind === "move") await change(lead, projectId, item.key, { categoryId: categoryIds[s.category] });
            if (s.kind === "reorder") await reorderItem(lead, { itemId: item.id, direction: s.direction });
            if (s.kind === "delete") await deleteItem(lead, { itemId: item.id });
          }
          watch.note(await wholeList(read, path, byKey));
        }
        while (cursor !== null) await readPage();

        expectEachOnce(seen, watch.throughout, watch.ever);
      }),
      { numRuns: 15, seed: 20261212, endOnFailure: true },
    );
  }, 180_000);
});
