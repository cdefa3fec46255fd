import "server-only";
import type { EvidenceKind } from "@/lib/domain/readiness/vocabulary";
import { NoChecklistError, type ImportedChecklist } from "@/lib/import/checklist";
import { parseMarkdownChecklist } from "@/lib/import/markdown";
import { planImport, type ExistingProject, type ImportPlan } from "@/lib/import/plan";
import { actorUserId, assertProjectVisible, authorize, nonPersonLabel, type Actor } from "@/lib/server/actor";
import { db, type Db } from "@/lib/server/db";
import { invalidField, parseInput } from "@/lib/server/errors";
import { importChecklistInput } from "@/lib/schemas/import";
import { recordActivity } from "./activity";
import { projectInTeam } from "./scope";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// The document read into a checklist; a document without one is a field error.
export function readChecklist(text: string): ImportedChecklist {
  try {
    return parseMarkdownChecklist(text);
  } catch (error) {
    if (error instanceof NoChecklistError) throw invalidField("text", error.message);
    throw error;
  }
}

async function existingProject(tx: Tx | Db, actor: Actor, projectId: string | undefined): Promise<ExistingProject> {
  if (!projectId) return { evidencePolicy: "CRITICAL", categories: [], items: [] };
  const project = await projectInTeam(tx as Tx, actor, projectId);
  const [categories, items] = await Promise.all([
    tx.category.findMany({ where: { projectId: project.id, teamId: actor.teamId }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
    tx.item.findMany({
      where: { projectId: project.id, teamId: actor.teamId },
      select: { id: true, key: true, title: true, status: true, priority: true, evidence: { select: { url: true, path: true } } },
    }),
  ]);
  return {
    evidencePolicy: project.evidencePolicy,
    categories,
    items: items.map(({ evidence, ...item }) => ({ ...item, evidence: evidence.map((e) => e.url ?? e.path ?? "").filter(Boolean) })),
  };
}

export type ImportPreview = { title: string | null; plan: ImportPlan };

// What the import would do, without doing it.
export async function previewImport(actor: Actor, input: unknown): Promise<ImportPreview> {
  authorize(actor, "item.create");
  const { text, projectId } = parseInput(importChecklistInput, input);
  if (projectId) assertProjectVisible(actor, projectId);
  const checklist = readChecklist(text);
  return { title: checklist.title, plan: planImport(checklist, await existingProject(db, actor, projectId)) };
}

const evidenceKind = (target: string): EvidenceKind => {
  if (!/^https?:\/\//i.test(target)) return "FILE_PATH";
  if (/\/pull\/\d|\/merge_requests\/\d/.test(target)) return "PULL_REQUEST";
  if (/\/actions\/runs\/|\/pipelines\/\d|\/builds?\/\d/.test(target)) return "CI_RUN";
  return "LINK";
};

export type ImportResult = { projectId: string; created: boolean; counts: ImportPlan["counts"] & { categories: number }; warnings: ImportPlan["warnings"] };

// Carries out the plan in one transaction (all or nothing), recorded as one
// import in the activity log.
export async function importChecklist(actor: Actor, input: unknown): Promise<ImportResult> {
  authorize(actor, "item.create");
  const { text, projectId, name, fileName } = parseInput(importChecklistInput, input);
  if (!projectId) authorize(actor, "project.create");
  const checklist = readChecklist(text);
  const projectName = name || checklist.title?.slice(0, 120);
  if (!projectId && !projectName) throw invalidField("name", "Enter a name for the new project: the document has no title to name it after.");
  return db.$transaction(
    async (tx) => {
      const project = projectId
        ? await projectInTeam(tx, actor, projectId)
        : await tx.project.create({ data: { teamId: actor.teamId, name: projectName as string, description: checklist.title && checklist.title !== projectName ? checklist.title : "" } });
      const plan = planImport(checklist, await existingProject(tx, actor, projectId));

      const categoryIds = new Map((await tx.category.findMany({ where: { projectId: project.id, teamId: actor.teamId }, select: { id: true, name: true } })).map((c) => [c.name.toLowerCase(), c.id]));
      const firstPosition = ((await tx.category.aggregate({ where: { projectId: project.id }, _max: { position: true } }))._max.position ?? -1) + 1;
      const createdCategories = await tx.category.createManyAndReturn({
        data: plan.categoriesToCreate.map((categoryName, index) => ({ teamId: actor.teamId, projectId: project.id, name: categoryName, position: firstPosition + index })),
        select: { id: true, name: true },
      });
      for (const c of createdCategories) categoryIds.set(c.name.toLowerCase(), c.id);

      const lastItem = (await tx.item.aggregate({ where: { projectId: project.id }, _max: { position: true } }))._max.position ?? -1;
      const toCreate = plan.items.filter((i) => i.action === "create");
      const createdItems = await tx.item.createManyAndReturn({
        data: toCreate.map((planned, index) => ({
          teamId: actor.teamId,
          projectId: project.id,
          categoryId: categoryIds.get(planned.category.toLowerCase()) as string,
          key: planned.key,
          title: planned.title.slice(0, 200),
          why: planned.source.why ?? "",
          notes: [planned.source.notes, `Imported from ${fileName || "a document"}, line ${planned.line}.`].filter(Boolean).join("\n\n"),
          status: planned.status,
          priority: planned.priority,
          effortHours: planned.source.effortHours,
          position: lastItem + 1 + index,
          updatedById: actorUserId(actor),
          updatedByLabel: nonPersonLabel(actor),
        })),
        select: { id: true, key: true },
      });
      const idByKey = new Map(createdItems.map((item) => [item.key, item.id]));

      for (const planned of plan.items.filter((i) => i.action === "update" && i.status !== i.statusBefore)) {
        await tx.item.update({
          where: { id: planned.existingId as string },
          data: { status: planned.status, version: { increment: 1 }, updatedById: actorUserId(actor), updatedByLabel: nonPersonLabel(actor) },
        });
      }
      const evidence = plan.items.flatMap((planned) =>
        planned.evidenceToAdd.map((target) => {
          const url = /^https?:\/\//i.test(target);
          return {
            teamId: actor.teamId,
            itemId: (planned.existingId ?? idByKey.get(planned.key)) as string,
            kind: evidenceKind(target),
            url: url ? target : null,
            path: url ? null : target,
            label: url ? target.replace(/^https?:\/\//i, "").slice(0, 200) : target,
            addedById: actorUserId(actor),
            addedByLabel: nonPersonLabel(actor),
          };
        }),
      );
      if (evidence.length > 0) await tx.evidence.createMany({ data: evidence });

      const counts = { ...plan.counts, categories: createdCategories.length };
      await recordActivity(tx, actor, {
        action: "project.imported",
        entityType: "project",
        entityId: project.id,
        projectId: project.id,
        after: { source: fileName || null, newProject: !projectId, ...counts, warnings: plan.warnings.length },
      });
      return { projectId: project.id, created: !projectId, counts, warnings: plan.warnings };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
