import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { builtInCatalogue } from "@/lib/server/services/catalogue";
import { archiveProject, createProject, deleteProject, restoreProject, updateProject, updateProjectSettings } from "@/lib/server/services/projects";
import { updateItem } from "@/lib/server/services/items";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, code, failure, itemByKey, itemsOf } from "../support/readiness";

describe("projects", () => {
  it("creates a project from the chosen catalogue categories, copying items with their guidance", async () => {
    const { teamId, actors: [lead] } = await teamWith(["LEAD"]);
    const catalogue = await builtInCatalogue(lead);
    expect(catalogue?.categories.length).toBe(13);
    const chosen = catalogue!.categories.filter((c) => c.enabledByDefault).map((c) => c.key);
    const expected = catalogue!.categories.filter((c) => c.enabledByDefault).reduce((n, c) => n + c.items.length, 0);
    const { projectId } = await createProject(lead, { name: "Payments", source: "catalogue", categories: chosen, targetDate: "2027-01-15" });

    const categories = await db.category.findMany({ where: { projectId }, orderBy: { position: "asc" } });
    expect(categories.map((c) => c.name)).not.toContain("Mobile");
    expect(categories[0].name).toBe("Environments");
    expect(await db.item.count({ where: { projectId } })).toBe(expected);
    const item = await itemByKey(projectId, "security.rate-limiting");
    expect(item).toMatchObject({ status: "MISSING", priority: "HIGH", teamId, version: 1 });
    expect(item.why.length).toBeGreaterThan(10);
    expect(item.howToVerify.length).toBeGreaterThan(10);
    const [activity] = await activitiesOf(teamId, "project.created");
    expect(activity.after).toMatchObject({ name: "Payments", source: "catalogue", items: expected });
  });

  it("creates a blank project, and edits its details with a recorded before/after", async () => {
    const { teamId, actors: [lead] } = await teamWith(["LEAD"]);
    const { projectId } = await createProject(lead, { name: "Blank", source: "blank" });
    expect(await db.item.count({ where: { projectId } })).toBe(0);
    await updateProject(lead, {
      projectId,
      name: "Blank launch",
      description: "Internal tool",
      productionUrl: "https://tool.example.com",
      repositoryUrl: "",
      targetDate: "2027-03-01",
    });
    const project = await db.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(project).toMatchObject({ name: "Blank launch", productionUrl: "https://tool.example.com", repositoryUrl: null });
    const [activity] = await activitiesOf(teamId, "project.updated");
    expect(activity.before).toMatchObject({ name: "Blank", targetDate: null });
    expect(activity.after).toMatchObject({ name: "Blank launch", targetDate: "2027-03-01T00:00:00.000Z" });
  });

  it("rejects bad input field by field and creates nothing", async () => {
    const { teamId, actors: [lead] } = await teamWith(["LEAD"]);
    const error = await failure(
      createProject(lead, { name: " ", source: "catalogue", categories: [], productionUrl: "javascript:alert(1)", targetDate: "2027-02-31" }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["categories", "name", "productionUrl", "targetDate"]);
    expect(await code(createProject(lead, { name: "X", source: "catalogue", categories: ["no-such-category"] }))).toBe("VALIDATION");
    expect(await db.project.count({ where: { teamId } })).toBe(0);
  });

  it("changes the evidence policy and weights", async () => {
    const { teamId, actors: [lead] } = await teamWith(["LEAD"]);
    const projectId = await catalogueProject(lead);
    await updateProjectSettings(lead, { projectId, evidencePolicy: "ALL", weightCritical: "10", weightHigh: "5", weightMedium: "2", weightLow: "1" });
    expect(await db.project.findUniqueOrThrow({ where: { id: projectId } })).toMatchObject({ evidencePolicy: "ALL", weightCritical: 10 });
    expect(await code(updateProjectSettings(lead, { projectId, evidencePolicy: "SOME", weightCritical: 0, weightHigh: 1, weightMedium: 1, weightLow: 1 }))).toBe("VALIDATION");
    expect((await activitiesOf(teamId, "project.settingsChanged")).length).toBe(1);
  });

  it("archives (read-only) and restores", async () => {
    const { teamId, actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const projectId = await catalogueProject(lead);
    const [item] = await itemsOf(projectId);
    expect(await code(archiveProject(engineer, { projectId }))).toBe("FORBIDDEN");
    await archiveProject(lead, { projectId });
    expect(await code(updateItem(engineer, { itemId: item.id, version: 1, changes: { status: "PARTIAL" } }))).toBe("CONFLICT");
    await restoreProject(lead, { projectId });
    expect(await code(updateItem(engineer, { itemId: item.id, version: 1, changes: { status: "PARTIAL" } }))).toBe("OK");
    expect((await activitiesOf(teamId, "project.archived")).length).toBe(1);
    expect((await activitiesOf(teamId, "project.restored")).length).toBe(1);
  });

  it("lets only an admin delete, after typing the name", async () => {
    const { teamId, actors: [admin, lead] } = await teamWith(["ADMIN", "LEAD"]);
    const projectId = await catalogueProject(lead, ["security"], "Doomed");
    expect(await code(deleteProject(lead, { projectId, confirmName: "Doomed" }))).toBe("FORBIDDEN");
    const error = await failure(deleteProject(admin, { projectId, confirmName: "doomed" }));
    expect(error.fields?.confirmName).toBeDefined();
    await deleteProject(admin, { projectId, confirmName: "Doomed" });
    expect(await db.project.count({ where: { id: projectId } })).toBe(0);
    expect(await db.item.count({ where: { projectId } })).toBe(0);
    const [activity] = await activitiesOf(teamId, "project.deleted");
    expect(activity.before).toMatchObject({ name: "Doomed" });
  });

  it("never lets another team read or change a project", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const other = await teamWith(["ADMIN"]);
    const projectId = await catalogueProject(lead);
    const intruder = other.actors[0];
    expect(await code(updateProject(intruder, { projectId, name: "Mine now" }))).toBe("NOT_FOUND");
    expect(await code(archiveProject(intruder, { projectId }))).toBe("NOT_FOUND");
    expect(await code(deleteProject(intruder, { projectId, confirmName: "Checkout API" }))).toBe("NOT_FOUND");
    expect(await code(updateProjectSettings(intruder, { projectId, evidencePolicy: "NONE", weightCritical: 1, weightHigh: 1, weightMedium: 1, weightLow: 1 }))).toBe("NOT_FOUND");
    expect((await db.project.findUniqueOrThrow({ where: { id: projectId } })).name).toBe("Checkout API");
  });
});
