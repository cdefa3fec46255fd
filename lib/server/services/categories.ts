import "server-only";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { invalidField, parseInput } from "@/lib/server/kernel/errors";
import { Prisma } from "@/generated/prisma/client";
import { addCategoryInput, deleteCategoryInput, moveCategoryInput, renameCategoryInput } from "@/lib/schemas/category";
import { recordProjectChange } from "./activity";
import { categoryInTeam, projectInTeam } from "@/lib/server/kernel/tenancy";

// Each change returns the project it changed, for the caller to refresh.

// Category names are unique per project whatever their case (a unique index,
// prisma/schema.prisma): a second "security" is a field error, not a 500.
async function uniqueName<T>(name: string, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw invalidField("name", `This project already has a category named “${name}”.`);
    throw error;
  }
}

export async function addCategory(actor: Actor, input: unknown): Promise<{ categoryId: string; projectId: string }> {
  authorize(actor, "category.manage");
  const { projectId, name } = parseInput(addCategoryInput, input);
  return db.$transaction(async (tx) => {
    const project = await projectInTeam(tx, actor, projectId);
    const last = await tx.category.aggregate({ where: { projectId: project.id, teamId: actor.teamId }, _max: { position: true } });
    const category = await uniqueName(name, tx.category.create({
      data: { teamId: actor.teamId, projectId: project.id, name, position: (last._max.position ?? -1) + 1 },
    }));
    await recordProjectChange(tx, actor, { action: "category.added", entityType: "category", entityId: category.id, projectId, after: { name } });
    return { categoryId: category.id, projectId: project.id };
  });
}

export async function renameCategory(actor: Actor, input: unknown): Promise<{ projectId: string }> {
  authorize(actor, "category.manage");
  const { categoryId, name } = parseInput(renameCategoryInput, input);
  return db.$transaction(async (tx) => {
    const category = await categoryInTeam(tx, actor, categoryId);
    const changed = { projectId: category.projectId };
    if (category.name === name) return changed;
    await uniqueName(name, tx.category.update({ where: { id: category.id }, data: { name } }));
    await recordProjectChange(tx, actor, {
      action: "category.renamed",
      entityType: "category",
      entityId: category.id,
      projectId: category.projectId,
      before: { name: category.name },
      after: { name },
    });
    return changed;
  });
}

// Swaps the category with its neighbour above or below.
export async function moveCategory(actor: Actor, input: unknown): Promise<{ projectId: string }> {
  authorize(actor, "category.manage");
  const { categoryId, direction } = parseInput(moveCategoryInput, input);
  return db.$transaction(async (tx) => {
    const category = await categoryInTeam(tx, actor, categoryId);
    const changed = { projectId: category.projectId };
    const neighbour = await tx.category.findFirst({
      where: {
        projectId: category.projectId,
        teamId: actor.teamId,
        position: direction === "up" ? { lt: category.position } : { gt: category.position },
      },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
    });
    if (!neighbour) return changed;
    await tx.category.update({ where: { id: category.id }, data: { position: neighbour.position } });
    await tx.category.update({ where: { id: neighbour.id }, data: { position: category.position } });
    await recordProjectChange(tx, actor, {
      action: "category.moved",
      entityType: "category",
      entityId: category.id,
      projectId: category.projectId,
      before: { name: category.name, position: category.position },
      after: { name: category.name, position: neighbour.position },
    });
    return changed;
  });
}

// Deleting a category deletes its items (the confirmation says so).
export async function deleteCategory(actor: Actor, input: unknown): Promise<{ projectId: string }> {
  authorize(actor, "category.manage");
  const { categoryId } = parseInput(deleteCategoryInput, input);
  return db.$transaction(async (tx) => {
    const category = await categoryInTeam(tx, actor, categoryId);
    const items = await tx.item.findMany({ where: { categoryId: category.id, teamId: actor.teamId }, select: { key: true } });
    await tx.category.delete({ where: { id: category.id } });
    await recordProjectChange(tx, actor, {
      action: "category.deleted",
      entityType: "category",
      entityId: category.id,
      projectId: category.projectId,
      before: { name: category.name, items: items.map((item) => item.key) },
    });
    return { projectId: category.projectId };
  });
}
