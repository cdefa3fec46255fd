// Paging through the REST API's lists while others change them. The promise
// (docs/api.md, "Pagination"): a row that is in the filtered list for the
// whole paging appears exactly once; a row that joins or leaves the list
// meanwhile appears at most once; and a cursor resumes after the last row it
// returned, whatever has happened to that row since.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { addCategory, moveCategory } from "@/lib/server/services/categories";
import { createItem, deleteItem, reorderItem, updateItem } from "@/lib/server/services/items";
import { archiveProject, createProject, deleteProject, restoreProject, updateProject } from "@/lib/server/services/projects";
import { callApi, tokenFor } from "../support/api";
import { teamWith } from "../support/fixtures";

type Status = "MISSING" | "PARTIAL" | "DONE";
type Priority = "HIGH" | "MEDIUM" | "LOW";

let admin: UserActor;
let lead: UserActor;
let read: string;

beforeAll(async () => {
  const { actors } = await teamWith(["ADMIN", "LEAD"], "Paging");
  [admin, lead] = actors;
  read = (await tokenFor(admin, "read", "Paging reader")).secret;
});

// ── Helpers ─────────────────────────────────────────────────────────────────

// A blank project with the given categories, each holding `perCategory`
// MEDIUM items keyed `<category>.<nn>`, all MISSING.
async function smallProject(name: string, categories: string[], perCategory: number) {
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

const itemOf = (projectId: string, key: string) => db.item.findUniqueOrThrow({ where: { projectId_key: { projectId, key } } });

async function change(projectId: string, key: string, changes: { status?: Status; priority?: Priority; categoryId?: string }) {
  const item = await itemOf(projectId, key);
  await updateItem(lead, { itemId: item.id, version: item.version, changes });
}

const keysOf = (body: { data: { key: string }[] }) => body.data.map((item) => item.key);

// Follows a list's cursors one page at a time; `between` runs after each
// page (the changes others make meanwhile).
async function pageThrough(path: string, limit: number, idOf: (row: { key?: string; id?: string }) => string, between: (page: number) => Promise<void>) {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; ; page += 1) {
    const separator = path.includes("?") ? "&" : "?";
    const answer = await callApi("GET", `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`, { token: read });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    seen.push(...answer.body.data.map(idOf));
    cursor = answer.body.nextCursor;
    if (!cursor) return seen;
    await between(page);
  }
}

// The whole filtered list as it stands now, in one page.
async function wholeList(path: string, idOf: (row: { key?: string; id?: string }) => string) {
  const separator = path.includes("?") ? "&" : "?";
  const answer = await callApi("GET", `${path}${separator}limit=200`, { token: read });
  expect(answer.status).toBe(200);
  expect(answer.body.nextCursor).toBeNull();
  return new Set<string>(answer.body.data.map(idOf));
}

// Watches a list's membership at every moment it can change: the rows in
// it throughout, and the rows in it at any time.
function membership(first: Set<string>) {
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

function expectEachOnce(seen: string[], throughout: Set<string>, ever: Set<string>) {
  const counts = new Map<string, number>();
  for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
  expect([...counts].filter(([, n]) => n > 1), "repeated rows").toEqual([]);
  expect([...throughout].filter((id) => !counts.has(id)), "skipped rows").toEqual([]);
  expect(seen.filter((id) => !ever.has(id)), "rows never in the list").toEqual([]);
}

const byKey = (row: { key?: string }) => row.key as string;
const byId = (row: { id?: string }) => row.id as string;

// ── Items ───────────────────────────────────────────────────────────────────

describe("paging items", () => {
  it("resumes after the last item returned even when that item has left the filter", async () => {
    const { projectId } = await smallProject("Left the filter", ["ops"], 6);
    const list = `/api/v1/projects/${projectId}/items?status=MISSING&limit=3`;
    const first = await callApi("GET", list, { token: read });
    expect(first.status).toBe(200);
    expect(keysOf(first.body)).toEqual(["ops.01", "ops.02", "ops.03"]);

    await change(projectId, "ops.03", { status: "DONE" });

    const second = await callApi("GET", `${list}&cursor=${first.body.nextCursor}`, { token: read });
    expect(second.status).toBe(200);
    expect(keysOf(second.body)).toEqual(["ops.04", "ops.05", "ops.06"]);
    expect(second.body.nextCursor).toBeNull();
  });

  it("resumes after an item that has since been deleted", async () => {
    const { projectId } = await smallProject("Deleted meanwhile", ["ops"], 4);
    const list = `/api/v1/projects/${projectId}/items?limit=2`;
    const first = await callApi("GET", list, { token: read });
    await deleteItem(lead, { itemId: (await itemOf(projectId, "ops.02")).id });
    const second = await callApi("GET", `${list}&cursor=${first.body.nextCursor}`, { token: read });
    expect(second.status).toBe(200);
    expect(keysOf(second.body)).toEqual(["ops.03", "ops.04"]);
  });

  it("lists items in key order, which edits, re-ordering and moves do not change", async () => {
    const { projectId, categoryIds } = await smallProject("Key order", ["Beta", "Alpha"], 2);
    await reorderItem(lead, { itemId: (await itemOf(projectId, "beta.02")).id, direction: "up" });
    await change(projectId, "alpha.01", { categoryId: categoryIds[0] });
    await moveCategory(lead, { categoryId: categoryIds[1], direction: "up" });
    const { body } = await callApi("GET", `/api/v1/projects/${projectId}/items`, { token: read });
    expect(keysOf(body)).toEqual(["alpha.01", "alpha.02", "beta.01", "beta.02"]);
  });

  it("never skips or repeats an item while others change statuses, delete, add, re-order, re-prioritise and move items", async () => {
    const { projectId, categoryIds } = await smallProject("Busy checklist", ["A", "B", "C"], 5);
    await change(projectId, "a.02", { status: "DONE" });
    await change(projectId, "b.03", { status: "DONE" });
    const path = `/api/v1/projects/${projectId}/items?status=MISSING`;
    const watch = membership(await wholeList(path, byKey));

    const rounds: (() => Promise<void>)[] = [
      async () => {
        // Returned so far: a.01, a.03, a.04, a.05.
        await change(projectId, "a.05", { status: "DONE" }); // the last one returned leaves
        await change(projectId, "a.01", { status: "PARTIAL" }); // an earlier one leaves
        await change(projectId, "c.05", { status: "DONE" }); // one not yet returned leaves
        await change(projectId, "b.03", { status: "MISSING" }); // one joins ahead
        await change(projectId, "a.02", { status: "MISSING" }); // one joins behind
        await deleteItem(lead, { itemId: (await itemOf(projectId, "b.01")).id });
        await createItem(lead, { categoryId: categoryIds[0], title: "Ahead", key: "b.00" });
        await createItem(lead, { categoryId: categoryIds[2], title: "Behind", key: "a.00" });
      },
      async () => {
        await reorderItem(lead, { itemId: (await itemOf(projectId, "c.04")).id, direction: "up" });
        await reorderItem(lead, { itemId: (await itemOf(projectId, "c.01")).id, direction: "down" });
        await change(projectId, "b.05", { categoryId: categoryIds[0] });
        await change(projectId, "c.02", { categoryId: categoryIds[0], priority: "HIGH" });
        await change(projectId, "b.04", { priority: "LOW" });
        await moveCategory(lead, { categoryId: categoryIds[2], direction: "up" });
        await deleteItem(lead, { itemId: (await itemOf(projectId, "b.02")).id });
        await change(projectId, "c.03", { status: "DONE" }); // leaves before it is read
        await createItem(lead, { categoryId: categoryIds[1], title: "Late", key: "z.99" });
      },
      async () => {
        await change(projectId, "c.03", { status: "MISSING" }); // and comes back behind the cursor
        await createItem(lead, { categoryId: categoryIds[0], title: "Later", key: "y.01" });
      },
    ];
    const seen = await pageThrough(path, 4, byKey, async (page) => {
      await rounds[page]?.();
      watch.note(await wholeList(path, byKey));
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
        const { projectId, categoryIds } = await smallProject(`Random ${run}`, ["A", "B", "C"], 3);
        const path = `/api/v1/projects/${projectId}/items${filter ? `?${filter}` : ""}`;
        const watch = membership(await wholeList(path, byKey));
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
            if (s.status !== "MISSING") await change(projectId, `${s.prefix}.new-${added}`, { status: s.status });
          } else {
            const item = await pickItem(s.pick);
            if (!item) continue;
            if (s.kind === "status") await change(projectId, item.key, { status: s.status });
            if (s.kind === "priority") await change(projectId, item.key, { priority: s.priority });
            if (s.kind === "move") await change(projectId, item.key, { categoryId: categoryIds[s.category] });
            if (s.kind === "reorder") await reorderItem(lead, { itemId: item.id, direction: s.direction });
            if (s.kind === "delete") await deleteItem(lead, { itemId: item.id });
          }
          watch.note(await wholeList(path, byKey));
        }
        while (cursor !== null) await readPage();

        expectEachOnce(seen, watch.throughout, watch.ever);
      }),
      { numRuns: 15, seed: 20261212, endOnFailure: true },
    );
  }, 180_000);
});

// ── Projects ────────────────────────────────────────────────────────────────

describe("paging projects", () => {
  // Projects are listed per team: each test gets a team of its own.
  async function ownTeam() {
    const { actors } = await teamWith(["ADMIN", "LEAD"], "Paging projects");
    const token = (await tokenFor(actors[0], "read", "Portfolio reader")).secret;
    return { admin: actors[0], lead: actors[1], token };
  }

  async function projectsThrough(token: string, path: string, limit: number, between: (page: number) => Promise<void>) {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; ; page += 1) {
      const separator = path.includes("?") ? "&" : "?";
      const answer = await callApi("GET", `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`, { token });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      seen.push(...answer.body.data.map(byId));
      cursor = answer.body.nextCursor;
      if (!cursor) return seen;
      await between(page);
    }
  }

  async function allProjects(token: string, path: string) {
    const answer = await callApi("GET", `${path}${path.includes("?") ? "&" : "?"}limit=200`, { token });
    expect(answer.status).toBe(200);
    return new Set<string>(answer.body.data.map(byId));
  }

  it("never skips or repeats a project while others create, archive, restore, rename and delete projects", async () => {
    const team = await ownTeam();
    const ids: Record<string, string> = {};
    for (const name of ["Delta", "Bravo", "Foxtrot", "Alpha", "Echo", "Charlie", "Golf"]) {
      ids[name] = (await createProject(team.lead, { name, source: "blank" })).projectId;
    }
    await archiveProject(team.lead, { projectId: ids.Golf });
    const path = "/api/v1/projects";
    const watch = membership(await allProjects(team.token, path));

    const rounds: (() => Promise<void>)[] = [
      async () => {
        // Returned so far: Delta, Bravo (oldest first).
        await archiveProject(team.lead, { projectId: ids.Bravo }); // the last one returned
        await archiveProject(team.lead, { projectId: ids.Alpha }); // one not yet returned
        await restoreProject(team.lead, { projectId: ids.Golf }); // one joins
        await updateProject(team.lead, { projectId: ids.Echo, name: "Aardvark" }); // renamed to sort first by name
        ids.Hotel = (await createProject(team.lead, { name: "Hotel", source: "blank" })).projectId;
      },
      async () => {
        await deleteProject(team.admin, { projectId: ids.Foxtrot, confirmName: "Foxtrot" });
        await deleteProject(team.admin, { projectId: ids.Charlie, confirmName: "Charlie" });
        await createProject(team.lead, { name: "0 first by name", source: "blank" });
      },
    ];
    const seen = await projectsThrough(team.token, path, 2, async (page) => {
      await rounds[page]?.();
      watch.note(await allProjects(team.token, path));
    });

    expectEachOnce(seen, watch.throughout, watch.ever);
    expect(watch.throughout).toEqual(new Set([ids.Delta, ids.Echo]));
    expect(seen.slice(0, 4)).toEqual([ids.Delta, ids.Bravo, ids.Foxtrot, ids.Echo]);
  });

  it("keeps the promise over random interleavings of page reads and changes", async () => {
    type Step = { kind: "read" } | { kind: "create" } | { kind: "archive" | "restore" | "rename" | "delete"; pick: number; name?: string };
    const pick = fc.nat(50);
    const step: fc.Arbitrary<Step> = fc.oneof(
      { weight: 3, arbitrary: fc.constant({ kind: "read" as const }) },
      fc.constant({ kind: "create" as const }),
      fc.record({ kind: fc.constantFrom("archive" as const, "restore" as const, "delete" as const), pick }),
      fc.record({ kind: fc.constant("rename" as const), pick, name: fc.constantFrom("Aaa", "Mmm", "Zzz") }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("hide", "include", "only"), fc.integer({ min: 1, max: 3 }), fc.array(step, { minLength: 3, maxLength: 16 }), async (archived, limit, steps) => {
        const team = await ownTeam();
        let made = 0;
        const make = async () => {
          made += 1;
          const { projectId } = await createProject(team.lead, { name: `Project ${made}`, source: "blank" });
          if (made % 3 === 0) await archiveProject(team.lead, { projectId });
        };
        for (let n = 0; n < 6; n += 1) await make();
        const path = `/api/v1/projects?archived=${archived}`;
        const watch = membership(await allProjects(team.token, path));
        const seen: string[] = [];
        let cursor: string | null | undefined;
        const readPage = async () => {
          const answer = await callApi("GET", `${path}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`, { token: team.token });
          expect(answer.status, JSON.stringify(answer.body)).toBe(200);
          seen.push(...answer.body.data.map(byId));
          cursor = answer.body.nextCursor;
        };

        for (const s of steps) {
          if (s.kind === "read") {
            if (cursor !== null) await readPage();
            continue;
          }
          if (s.kind === "create") await make();
          else {
            const projects = await db.project.findMany({ where: { teamId: team.lead.teamId }, orderBy: { id: "asc" } });
            if (projects.length === 0) continue;
            const project = projects[s.pick % projects.length];
            if (s.kind === "archive") await archiveProject(team.lead, { projectId: project.id });
            if (s.kind === "restore") await restoreProject(team.lead, { projectId: project.id });
            if (s.kind === "delete") await deleteProject(team.admin, { projectId: project.id, confirmName: project.name });
            if (s.kind === "rename" && !project.archivedAt) await updateProject(team.lead, { projectId: project.id, name: s.name });
          }
          watch.note(await allProjects(team.token, path));
        }
        while (cursor !== null) await readPage();

        expectEachOnce(seen, watch.throughout, watch.ever);
      }),
      { numRuns: 20, seed: 20261213, endOnFailure: true },
    );
  }, 180_000);
});

// ── Cursors ─────────────────────────────────────────────────────────────────

describe("cursors", () => {
  const firstCursor = async (path: string) => {
    const answer = await callApi("GET", path, { token: read });
    expect(answer.status).toBe(200);
    expect(answer.body.nextCursor).toEqual(expect.any(String));
    return answer.body.nextCursor as string;
  };

  async function refused(path: string) {
    const answer = await callApi("GET", path, { token: read });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("VALIDATION");
    expect(answer.body.error.fields.cursor).toEqual([expect.any(String)]);
    return answer.body.error as { message: string; fields: { cursor: string[] } };
  }

  it("refuses a malformed cursor on the cursor field", async () => {
    const { projectId } = await smallProject("Malformed", ["ops"], 2);
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const cursor of ["not-a-cursor", "%%%", forged({ after: "ops.01" }), forged({ v: 1, list: "x", after: [] }), forged([1, 2]), forged("ops.01")]) {
      await refused(`/api/v1/projects/${projectId}/items?cursor=${encodeURIComponent(cursor)}`);
      await refused(`/api/v1/projects?cursor=${encodeURIComponent(cursor)}`);
    }
    const tooLong = await callApi("GET", `/api/v1/projects?cursor=${"a".repeat(2000)}`, { token: read });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields.cursor).toBeDefined();
  });

  it("refuses a cursor from another list, saying so", async () => {
    const one = await smallProject("One list", ["ops"], 3);
    const other = await smallProject("Another list", ["ops"], 3);
    const itemsOfOne = `/api/v1/projects/${one.projectId}/items`;
    const itemCursor = await firstCursor(`${itemsOfOne}?limit=1`);
    const projectCursor = await firstCursor("/api/v1/projects?limit=1");

    // The same list with another page size is the same list.
    expect((await callApi("GET", `${itemsOfOne}?limit=2&cursor=${itemCursor}`, { token: read })).status).toBe(200);

    const elsewhere = [
      `/api/v1/projects/${other.projectId}/items?cursor=${itemCursor}`,
      `${itemsOfOne}?status=MISSING&cursor=${itemCursor}`,
      `/api/v1/projects?cursor=${itemCursor}`,
      `${itemsOfOne}?cursor=${projectCursor}`,
      `/api/v1/projects?archived=include&cursor=${projectCursor}`,
    ];
    for (const path of elsewhere) {
      const error = await refused(path);
      expect(error.fields.cursor[0]).toMatch(/another list/i);
    }

    // Another team's token reading its own projects with this team's cursor.
    const { actors } = await teamWith(["ADMIN"], "Other team");
    const theirs = (await tokenFor(actors[0], "read")).secret;
    const answer = await callApi("GET", `/api/v1/projects?cursor=${projectCursor}`, { token: theirs });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.cursor[0]).toMatch(/another list/i);
  });
});
