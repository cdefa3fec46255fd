// Engineers planning their own work, and each person's folded categories,
// as a careless or hostile caller would try them.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { bulkUpdateItems } from "@/lib/server/services/bulk-items";
import { collapsedCategoryIds, setCategoryCollapsed } from "@/lib/server/services/checklist-preferences";
import { deleteCategory } from "@/lib/server/services/categories";
import { updateItem } from "@/lib/server/services/items";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, code, failure, itemByKey } from "../support/readiness";

describe("hostile planning", () => {
  it("refuses the whole edit of an item the engineer does not own, status included, as a single edit would", async () => {
    const { teamId, actors: [lead, engineer, colleague] } = await teamWith(["LEAD", "ENGINEER", "ENGINEER"]);
    const projectId = await catalogueProject(lead);
    const mine = await itemByKey(projectId, "testing.unit");
    const theirs = await itemByKey(projectId, "testing.load");
    await updateItem(lead, { itemId: mine.id, version: 1, changes: { ownerId: engineer.userId } });
    await updateItem(lead, { itemId: theirs.id, version: 1, changes: { ownerId: colleague.userId } });
    const single = await failure(updateItem(engineer, { itemId: theirs.id, version: 2, changes: { status: "PARTIAL", dueDate: "2027-01-01" } }));
    expect(single.code).toBe("FORBIDDEN");
    const bulk = await bulkUpdateItems(engineer, { projectId, itemIds: [mine.id, theirs.id], changes: { status: "PARTIAL", dueDate: "2027-01-01" } });
    expect(bulk.updated.map((item) => item.id)).toEqual([mine.id]);
    expect(bulk.refused.map((r) => r.itemId)).toEqual([theirs.id]);
    expect(await itemByKey(projectId, "testing.load")).toMatchObject({ status: "MISSING", dueDate: null, version: 2 });
    const records = await activitiesOf(teamId, "item.updated");
    expect(records.filter((r) => r.itemId === theirs.id)).toHaveLength(1);
  });

  it("refuses effort of an engineer on an item taken in the same request, and on one handed away before", async () => {
    const { actors: [lead, engineer, colleague] } = await teamWith(["LEAD", "ENGINEER", "ENGINEER"]);
    const projectId = await catalogueProject(lead);
    const item = await itemByKey(projectId, "testing.unit");
    expect(await code(updateItem(engineer, { itemId: item.id, version: 1, changes: { ownerId: engineer.userId, effortHours: 3 } }))).toBe("FORBIDDEN");
    await updateItem(engineer, { itemId: item.id, version: 1, changes: { ownerId: engineer.userId } });
    // A lead hands it to a colleague; the engineer's tab still shows it as theirs.
    await updateItem(lead, { itemId: item.id, version: 2, changes: { ownerId: colleague.userId } });
    expect(await code(updateItem(engineer, { itemId: item.id, version: 2, changes: { effortHours: 3 } }))).toBe("FORBIDDEN");
    expect(await itemByKey(projectId, "testing.unit")).toMatchObject({ ownerId: colleague.userId, effortHours: item.effortHours, version: 3 });
  });
});

describe("hostile folding of categories", () => {
  it("is a person's alone: tokens and the CLI have none, another team's or a deleted category is not found", async () => {
    const { teamId, actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const projectId = await catalogueProject(lead, ["testing", "security"]);
    const [testing, security] = await db.category.findMany({ where: { projectId }, orderBy: { position: "asc" } });
    const token: Actor = { kind: "token", teamId, tokenId: "t", name: "CI", scope: "write", timeZone: "UTC" } as Actor;
    const operator: Actor = { kind: "operator", teamId, timeZone: "UTC" } as Actor;
    expect(await code(setCategoryCollapsed(token, { categoryId: testing.id, collapsed: true }))).toBe("FORBIDDEN");
    expect(await code(setCategoryCollapsed(operator, { categoryId: testing.id, collapsed: true }))).toBe("FORBIDDEN");
    const other = await teamWith(["ADMIN"]);
    const theirProject = await catalogueProject(other.actors[0], ["testing"]);
    const theirs = await db.category.findFirstOrThrow({ where: { projectId: theirProject } });
    expect(await code(setCategoryCollapsed(engineer, { categoryId: theirs.id, collapsed: true }))).toBe("NOT_FOUND");
    expect(await code(setCategoryCollapsed(engineer, { categoryId: theirs.id, collapsed: false }))).toBe("NOT_FOUND");
    expect(await db.collapsedCategory.count({ where: { categoryId: theirs.id } })).toBe(0);
    await setCategoryCollapsed(engineer, { categoryId: security.id, collapsed: true });
    await deleteCategory(lead, { categoryId: security.id });
    expect(await code(setCategoryCollapsed(engineer, { categoryId: security.id, collapsed: true }))).toBe("NOT_FOUND");
    expect(await collapsedCategoryIds(engineer, projectId)).toEqual([]);
    for (const categoryId of ["", "x".repeat(65), "\u0000", null]) expect(await code(setCategoryCollapsed(engineer, { categoryId, collapsed: true }))).toBe("VALIDATION");
  });
});
