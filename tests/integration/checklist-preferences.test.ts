import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { collapsedCategoryIds, setCategoryCollapsed } from "@/lib/server/services/checklist-preferences";
import { teamWith } from "../support/fixtures";
import { catalogueProject, code } from "../support/readiness";

describe("checklist preferences", () => {
  it("keeps each person's folded categories to themselves", async () => {
    const { actors: [lead, viewer] } = await teamWith(["LEAD", "VIEWER"]);
    const projectId = await catalogueProject(lead, ["testing", "security"]);
    const [testing, security] = await db.category.findMany({ where: { projectId }, orderBy: { position: "asc" } });

    expect(await setCategoryCollapsed(viewer, { categoryId: testing.id, collapsed: true })).toEqual({ projectId });
    await setCategoryCollapsed(viewer, { categoryId: testing.id, collapsed: true }); // twice: still once
    await setCategoryCollapsed(viewer, { categoryId: security.id, collapsed: true });
    expect((await collapsedCategoryIds(viewer, projectId)).sort()).toEqual([testing.id, security.id].sort());
    expect(await collapsedCategoryIds(lead, projectId)).toEqual([]);

    await setCategoryCollapsed(viewer, { categoryId: security.id, collapsed: false });
    expect(await collapsedCategoryIds(viewer, projectId)).toEqual([testing.id]);
  });

  it("never reaches another team's categories", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const other = await teamWith(["ADMIN"]);
    const projectId = await catalogueProject(lead, ["testing"]);
    const category = await db.category.findFirstOrThrow({ where: { projectId } });
    expect(await code(setCategoryCollapsed(other.actors[0], { categoryId: category.id, collapsed: true }))).toBe("NOT_FOUND");
    expect(await code(setCategoryCollapsed(lead, { categoryId: category.id, collapsed: "yes" }))).toBe("VALIDATION");
    expect(await collapsedCategoryIds(other.actors[0], projectId)).toEqual([]);
  });
});
