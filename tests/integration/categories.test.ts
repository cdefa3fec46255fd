import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { addCategory, deleteCategory, moveCategory, renameCategory } from "@/lib/server/services/categories";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, code, failure } from "../support/readiness";

const names = (projectId: string) =>
  db.category.findMany({ where: { projectId }, orderBy: { position: "asc" } }).then((rows) => rows.map((row) => row.name));

describe("categories", () => {
  it("lets a lead add, rename, reorder and delete categories, all recorded", async () => {
    const { teamId, actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const projectId = await catalogueProject(lead, ["testing", "security"]);
    expect(await code(addCategory(engineer, { projectId, name: "Payments" }))).toBe("FORBIDDEN");
    expect((await failure(addCategory(lead, { projectId, name: "  " }))).fields?.name).toBeDefined();
    const { categoryId } = await addCategory(lead, { projectId, name: "Payments" });
    expect(await names(projectId)).toEqual(["Testing", "Security", "Payments"]);
    await renameCategory(lead, { categoryId, name: "Payments & billing" });
    await moveCategory(lead, { categoryId, direction: "up" });
    expect(await names(projectId)).toEqual(["Testing", "Payments & billing", "Security"]);
    await moveCategory(lead, { categoryId, direction: "up" });
    await moveCategory(lead, { categoryId, direction: "up" }); // already first: nothing happens
    expect(await names(projectId)).toEqual(["Payments & billing", "Testing", "Security"]);

    const security = await db.category.findFirstOrThrow({ where: { projectId, name: "Security" } });
    const itemCount = await db.item.count({ where: { categoryId: security.id } });
    await deleteCategory(lead, { categoryId: security.id });
    expect(await names(projectId)).toEqual(["Payments & billing", "Testing"]);
    expect(await db.item.count({ where: { categoryId: security.id } })).toBe(0);
    const [deleted] = await activitiesOf(teamId, "category.deleted");
    expect((deleted.before as { items: string[] }).items).toHaveLength(itemCount);
    expect((await activitiesOf(teamId, "category.moved")).length).toBe(2);
    expect((await activitiesOf(teamId, "category.renamed")).length).toBe(1);
  });

  it("never touches another team's categories", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const other = await teamWith(["ADMIN"]);
    const projectId = await catalogueProject(lead, ["testing"]);
    const category = await db.category.findFirstOrThrow({ where: { projectId } });
    const intruder = other.actors[0];
    expect(await code(addCategory(intruder, { projectId, name: "Mine" }))).toBe("NOT_FOUND");
    expect(await code(renameCategory(intruder, { categoryId: category.id, name: "Mine" }))).toBe("NOT_FOUND");
    expect(await code(moveCategory(intruder, { categoryId: category.id, direction: "down" }))).toBe("NOT_FOUND");
    expect(await code(deleteCategory(intruder, { categoryId: category.id }))).toBe("NOT_FOUND");
    expect(await names(projectId)).toEqual(["Testing"]);
  });
});
