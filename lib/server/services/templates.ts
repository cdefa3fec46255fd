import "server-only";
import { slugify } from "@/lib/domain/slug";
import { CHECKLIST_SCHEMA, ChecklistYamlError, parseChecklistYaml, type ChecklistDocument } from "@/lib/import/yaml-checklist";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { invalidField, notFound, parseInput } from "@/lib/server/kernel/errors";
import { deleteTemplateInput, saveTemplateInput } from "@/lib/schemas/template";
import { recordActivity } from "./activity";
import type { CatalogueCategoryView } from "./catalogue";

export type TeamTemplateView = { id: string; key: string; name: string; description: string; version: number; updatedAt: string; categories: CatalogueCategoryView[] };

// A team's own template from a YAML checklist: its categories and items with
// their guidance, priority and effort (statuses, owners, evidence and waivers
// belong to projects, not templates). Saving a template of the same name again
// replaces it with the next version; projects made from it keep their items.
export async function saveTeamTemplate(actor: Actor, input: unknown): Promise<{ templateId: string; key: string; version: number }> {
  authorize(actor, "template.manage");
  const { text } = parseInput(saveTemplateInput, input);
  let document;
  try {
    document = parseChecklistYaml(text);
  } catch (error) {
    if (error instanceof ChecklistYamlError) throw invalidField("text", error.message);
    throw error;
  }
  const key = slugify(document.name, "template");
  return db.$transaction(async (tx) => {
    const existing = await tx.template.findFirst({ where: { teamId: actor.teamId, key }, select: { id: true, version: true } });
    if (existing) await tx.templateCategory.deleteMany({ where: { templateId: existing.id } });
    const template = existing
      ? await tx.template.update({ where: { id: existing.id }, data: { name: document.name, description: document.description ?? "", version: existing.version + 1 } })
      : await tx.template.create({ data: { teamId: actor.teamId, key, name: document.name, description: document.description ?? "", version: 1 } });
    const usedKeys = new Set<string>();
    for (const [position, category] of document.categories.entries()) {
      let categoryKey = slugify(category.name, "category");
      for (let n = 2; usedKeys.has(categoryKey); n += 1) categoryKey = `${slugify(category.name, "category")}-${n}`;
      usedKeys.add(categoryKey);
      await tx.templateCategory.create({
        data: {
          templateId: template.id,
          key: categoryKey,
          name: category.name,
          position,
          items: {
            create: category.items.map((item, index) => ({
              key: item.key,
              title: item.title,
              why: item.why ?? "",
              howToVerify: item.howToVerify ?? "",
              priority: item.priority,
              effortHours: item.effortHours ?? null,
              position: index,
            })),
          },
        },
      });
    }
    const items = document.categories.reduce((sum, c) => sum + c.items.length, 0);
    await recordActivity(tx, actor, {
      action: "template.saved",
      entityType: "template",
      entityId: template.id,
      after: { name: template.name, key, version: template.version, categories: document.categories.length, items },
    });
    return { templateId: template.id, key, version: template.version };
  });
}

export async function deleteTeamTemplate(actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "template.manage");
  const { templateId } = parseInput(deleteTemplateInput, input);
  await db.$transaction(async (tx) => {
    const template = await tx.template.findFirst({ where: { id: templateId, teamId: actor.teamId }, select: { id: true, name: true, key: true } });
    if (!template) throw notFound("Template");
    await tx.template.delete({ where: { id: template.id } });
    await recordActivity(tx, actor, { action: "template.deleted", entityType: "template", entityId: template.id, before: { name: template.name, key: template.key } });
  });
}

// The team's templates, in the shape the new-project form shows the catalogue.
export async function listTeamTemplates(actor: Actor): Promise<TeamTemplateView[]> {
  authorize(actor, "project.read");
  const rows = await db.template.findMany({
    where: { teamId: actor.teamId },
    orderBy: { name: "asc" },
    relationLoadStrategy: "join",
    select: {
      id: true,
      key: true,
      name: true,
      description: true,
      version: true,
      updatedAt: true,
      categories: {
        orderBy: { position: "asc" },
        select: { key: true, name: true, description: true, enabledByDefault: true, items: { orderBy: { position: "asc" }, select: { key: true, title: true, priority: true, effortHours: true } } },
      },
    },
  });
  return rows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() }));
}

// A template as a YAML checklist document: the team's own, or the built-in
// catalogue. Statuses are left out (every item of a new project starts missing).
export async function loadTemplateDocument(actor: Actor, templateId: string): Promise<ChecklistDocument> {
  authorize(actor, "project.read");
  const template = await db.template.findFirst({
    where: { id: templateId, OR: [{ teamId: actor.teamId }, { teamId: null }] },
    relationLoadStrategy: "join",
    select: {
      name: true,
      description: true,
      categories: {
        orderBy: { position: "asc" },
        select: { name: true, items: { orderBy: { position: "asc" }, select: { key: true, title: true, priority: true, effortHours: true, why: true, howToVerify: true } } },
      },
    },
  });
  if (!template) throw notFound("Template");
  return {
    schema: CHECKLIST_SCHEMA,
    name: template.name,
    ...(template.description ? { description: template.description } : {}),
    categories: template.categories.map((category) => ({
      name: category.name,
      items: category.items.map((item) => ({
        key: item.key,
        title: item.title,
        status: "MISSING" as const,
        ...(item.priority ? { priority: item.priority } : {}),
        ...(item.effortHours !== null ? { effortHours: item.effortHours } : {}),
        ...(item.why ? { why: item.why } : {}),
        ...(item.howToVerify ? { howToVerify: item.howToVerify } : {}),
        evidence: [],
      })),
    })),
  };
}
