import "server-only";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { forbidden, notFound, parseInput } from "@/lib/server/kernel/errors";
import { setCategoryCollapsedInput } from "@/lib/schemas/checklist-preference";

// How each person lays out a project's checklist for themselves. A
// preference changes nobody's data, so it is not in the activity log, and
// folding a category is allowed on archived projects too: whoever may read
// the project may fold its categories.

/**
 * Folds the category away for the signed-in person (`collapsed: true`) or
 * opens it again. Input: `setCategoryCollapsedInput`. Throws NOT_FOUND for a
 * category outside the actor's team, FORBIDDEN for anyone but a person.
 */
export async function setCategoryCollapsed(actor: Actor, input: unknown): Promise<{ projectId: string }> {
  authorize(actor, "project.read");
  if (actor.kind !== "user") throw forbidden("Only a person has a checklist layout.");
  const { categoryId, collapsed } = parseInput(setCategoryCollapsedInput, input);
  const category = await db.category.findFirst({ where: { id: categoryId, teamId: actor.teamId }, select: { id: true, projectId: true } });
  if (!category) throw notFound("Category");
  const key = { userId: actor.userId, categoryId: category.id };
  if (collapsed) {
    await db.collapsedCategory.upsert({
      where: { userId_categoryId: key },
      create: { ...key, teamId: actor.teamId, projectId: category.projectId },
      update: {},
    });
  } else {
    await db.collapsedCategory.deleteMany({ where: { ...key, teamId: actor.teamId } });
  }
  return { projectId: category.projectId };
}

/** The ids of the project's categories the person has folded away; none for anyone but a person. */
export async function collapsedCategoryIds(actor: Actor, projectId: string): Promise<string[]> {
  if (actor.kind !== "user") return [];
  const rows = await db.collapsedCategory.findMany({ where: { userId: actor.userId, teamId: actor.teamId, projectId }, select: { categoryId: true } });
  return rows.map((row) => row.categoryId);
}
