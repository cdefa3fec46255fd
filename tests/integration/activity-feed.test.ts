// The project's activity feed pages newest first with keyset cursors: every
// entry once, while new activity arrives, and a cursor only for its own feed.
import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { loadProjectFeed } from "@/lib/server/read-models/activity-feed";
import { addCategory } from "@/lib/server/services/categories";
import { createItem, updateItem } from "@/lib/server/services/items";
import { createProject } from "@/lib/server/services/projects";
import { teamWith } from "../support/fixtures";
import { failure } from "../support/readiness";

let lead: UserActor;

beforeAll(async () => {
  ({ actors: [lead] } = await teamWith(["LEAD"], "Feed"));
});

async function projectWithHistory(name: string, entries: number) {
  const { projectId } = await createProject(lead, { name, source: "blank" });
  const { categoryId } = await addCategory(lead, { projectId, name: "Ops" });
  const { itemId } = await createItem(lead, { categoryId, title: "Runbook", key: "ops.runbook" });
  // Older history, three entries to a millisecond, so the order needs its
  // tie-breaker.
  const base = Date.parse("2026-01-01T00:00:00.000Z");
  await db.activity.createMany({
    data: Array.from({ length: entries }, (_, n) => ({
      teamId: lead.teamId,
      projectId,
      actorLabel: "Importer",
      action: "item.updated",
      entityType: "item",
      entityId: itemId,
      itemId,
      createdAt: new Date(base + Math.floor(n / 3)),
    })),
  });
  return { projectId, itemId };
}

async function touch(itemId: string, notes: string) {
  const item = await db.item.findUniqueOrThrow({ where: { id: itemId } });
  await updateItem(lead, { itemId, version: item.version, changes: { notes } });
}

describe("project activity feed", () => {
  it("pages newest first, every entry once, while new activity arrives", async () => {
    const { projectId, itemId } = await projectWithHistory("Busy feed", 130);
    const before = await db.activity.findMany({ where: { projectId }, select: { id: true } });

    const seen: { id: string; at: string }[] = [];
    let cursor: string | undefined;
    for (let page = 0; ; page += 1) {
      const feed = await loadProjectFeed(lead, projectId, cursor);
      expect(feed.entries.length).toBeLessThanOrEqual(50);
      seen.push(...feed.entries.map((entry) => ({ id: entry.id, at: entry.at })));
      if (!feed.nextCursor) break;
      cursor = feed.nextCursor;
      await touch(itemId, `Changed while paging, ${page}`);
    }

    const ids = seen.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(before.map((row) => row.id)));
    const times = seen.map((entry) => entry.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("refuses a malformed cursor and a cursor from another project's feed", async () => {
    const one = await projectWithHistory("Feed one", 60);
    const other = await projectWithHistory("Feed two", 60);
    const { nextCursor } = await loadProjectFeed(lead, one.projectId);
    expect(nextCursor).toEqual(expect.any(String));

    const misapplied = await failure(loadProjectFeed(lead, other.projectId, nextCursor ?? undefined));
    expect(misapplied.code).toBe("VALIDATION");
    expect(misapplied.fields?.cursor?.[0]).toMatch(/another list/i);

    for (const cursor of ["garbage", Buffer.from(JSON.stringify({ v: 1 })).toString("base64url")]) {
      const error = await failure(loadProjectFeed(lead, one.projectId, cursor));
      expect(error.code).toBe("VALIDATION");
      expect(error.fields?.cursor).toBeDefined();
    }
  });
});
