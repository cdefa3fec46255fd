import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { invalidField, parseInput } from "@/lib/server/kernel/errors";
import {
  createProjectInput,
  deleteProjectInput,
  projectRefInput,
  projectSettingsInput,
  updateProjectInput,
} from "@/lib/schemas/project";
import { recordProjectChange } from "./activity";
import { BUILT_IN_TEMPLATE_KEY } from "./catalogue";
import { projectScoreIn, type ProjectScore } from "@/lib/server/read-models/project-score";
import { changedFields, projectInTeam, toDay } from "@/lib/server/kernel/tenancy";

/**
 * Creates a project, blank or from a template. Input (createProjectInput):
 * name, description, URLs, targetDate; `source`; `template`, a team
 * template's key (unset or "builtin": the built-in catalogue); `categories`,
 * the template's categories to copy by key or name (unset: its defaults).
 * Returns the new project's id and its score (what the API presents).
 * Errors: VALIDATION (field-level: an unknown template or category), FORBIDDEN.
 */
export async function createProject(actor: Actor, input: unknown): Promise<ProjectScore & { projectId: string }> {
  authorize(actor, "project.create");
  const { source, template: templateKey, categories: wanted, targetDate, ...details } = parseInput(createProjectInput, input);
  return db.$transaction(async (tx) => {
    const template =
      source === "catalogue"
        ? await tx.template.findFirst({
            where: templateKey ? { teamId: actor.teamId, key: templateKey } : { teamId: null, key: BUILT_IN_TEMPLATE_KEY },
            include: { categories: { orderBy: { position: "asc" }, include: { items: { orderBy: { position: "asc" } } } } },
          })
        : null;
    if (source === "catalogue" && !template) {
      throw templateKey
        ? invalidField("template", `This team has no template “${templateKey}”.`)
        : invalidField("categories", "The built-in catalogue is not loaded. Run `npm run db:seed`.");
    }
    const chosen = template ? chooseCategories(template.categories, wanted) : [];
    const project = await tx.project.create({
      data: {
        ...details,
        teamId: actor.teamId,
        targetDate: toDay(targetDate),
        templateKey: template?.key,
        templateVersion: template?.version,
      },
    });
    const categories = chosen.map((category, position) => ({ id: randomUUID(), category, position }));
    if (categories.length > 0) {
      await tx.category.createMany({
        data: categories.map(({ id, category, position }) => ({ id, teamId: actor.teamId, projectId: project.id, name: category.name, position })),
      });
      await tx.item.createMany({
        data: categories.flatMap(({ id, category }) =>
          category.items.map((item) => ({
            teamId: actor.teamId,
            projectId: project.id,
            categoryId: id,
            key: item.key,
            title: item.title,
            why: item.why,
            howToVerify: item.howToVerify,
            priority: item.priority,
            // A template stores "no estimate" as 0.
            effortHours: item.effortHours || null,
            position: item.position,
          })),
        ),
      });
    }
    const itemCount = categories.reduce((sum, { category }) => sum + category.items.length, 0);
    await recordProjectChange(tx, actor, {
      action: "project.created",
      entityType: "project",
      entityId: project.id,
      projectId: project.id,
      after: {
        name: project.name,
        source,
        template: template ? `${template.key}@${template.version}` : null,
        categories: categories.map(({ category }) => category.name),
        items: itemCount,
      },
    });
    return { projectId: project.id, ...((await projectScoreIn(tx, actor, project.id)) as ProjectScore) };
  });
}

// The template's categories named by key or (case-insensitively) by name, in
// the template's order; its default selection when none are named.
function chooseCategories<C extends { key: string; name: string; enabledByDefault: boolean }>(categories: C[], wanted: string[] | undefined): C[] {
  if (!wanted) return categories.filter((category) => category.enabledByDefault);
  const names = new Set(wanted.map((name) => name.toLowerCase()));
  const chosen = categories.filter((category) => names.has(category.key.toLowerCase()) || names.has(category.name.toLowerCase()));
  const known = new Set(chosen.flatMap((category) => [category.key.toLowerCase(), category.name.toLowerCase()]));
  const unknown = wanted.filter((name) => !known.has(name.toLowerCase()));
  if (unknown.length > 0) {
    throw invalidField("categories", `Not a category of this template: ${unknown.join(", ")}. Choose from: ${categories.map((c) => c.name).join(", ")}.`);
  }
  return chosen;
}

export async function updateProject(actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "project.update");
  const { projectId, targetDate, ...details } = parseInput(updateProjectInput, input);
  await db.$transaction(async (tx) => {
    const project = await projectInTeam(tx, actor, projectId);
    const next = { ...details, targetDate: toDay(targetDate) ?? null };
    const diff = changedFields(project, next);
    if (!diff.changed) return;
    await tx.project.update({ where: { id: project.id }, data: next });
    await recordProjectChange(tx, actor, { action: "project.updated", entityType: "project", entityId: project.id, projectId, ...diff });
  });
}

export async function updateProjectSettings(actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "project.update");
  const { projectId, ...settings } = parseInput(projectSettingsInput, input);
  await db.$transaction(async (tx) => {
    const project = await projectInTeam(tx, actor, projectId);
    const diff = changedFields(project, settings);
    if (!diff.changed) return;
    await tx.project.update({ where: { id: project.id }, data: settings });
    await recordProjectChange(tx, actor, { action: "project.settingsChanged", entityType: "project", entityId: project.id, projectId, ...diff });
  });
}

async function setArchived(actor: Actor, input: unknown, archive: boolean): Promise<void> {
  authorize(actor, "project.archive");
  const { projectId } = parseInput(projectRefInput, input);
  await db.$transaction(async (tx) => {
    const project = await projectInTeam(tx, actor, projectId, { editable: false });
    if (Boolean(project.archivedAt) === archive) return;
    await tx.project.update({ where: { id: project.id }, data: { archivedAt: archive ? new Date() : null } });
    await recordProjectChange(tx, actor, {
      action: archive ? "project.archived" : "project.restored",
      entityType: "project",
      entityId: project.id,
      projectId,
      before: { archived: !archive },
      after: { archived: archive },
    });
  });
}

export const archiveProject = (actor: Actor, input: unknown) => setArchived(actor, input, true);
export const restoreProject = (actor: Actor, input: unknown) => setArchived(actor, input, false);

// Deleting removes the project, its categories, items, evidence and waivers;
// the activity trail stays with the team.
export async function deleteProject(actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "project.delete");
  const { projectId, confirmName } = parseInput(deleteProjectInput, input);
  await db.$transaction(async (tx) => {
    const project = await projectInTeam(tx, actor, projectId, { editable: false });
    if (confirmName !== project.name.trim()) {
      throw invalidField("confirmName", "Type the project name exactly to confirm.");
    }
    const items = await tx.item.count({ where: { projectId: project.id, teamId: actor.teamId } });
    await tx.project.delete({ where: { id: project.id } });
    await recordProjectChange(tx, actor, {
      action: "project.deleted",
      entityType: "project",
      entityId: project.id,
      projectId,
      before: { name: project.name, items },
    });
  });
}
