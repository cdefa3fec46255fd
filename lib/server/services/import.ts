import "server-only";
import { notifyAssigned } from "@/lib/server/notifications/emitters";
import { createHash } from "node:crypto";
import type { EvidenceKind, ItemPriority, ItemStatus } from "@/lib/domain/readiness/vocabulary";
import { MARKED_NOT_APPLICABLE, NoChecklistError, type ImportedChecklist } from "@/lib/import/checklist";
import { readDocument } from "@/lib/import/read-document";
import { ChecklistYamlError, type ChecklistEvidence } from "@/lib/import/yaml-checklist";
import { nameKey, planImport, type ExistingProject, type ImportPlan, type MatchChoices } from "@/lib/import/plan";
import { actorUserId, nonPersonLabel, type Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db, type Db } from "@/lib/server/kernel/db";
import { AppError, invalidField, parseInput } from "@/lib/server/kernel/errors";
import { Prisma } from "@/generated/prisma/client";
import { importChecklistInput } from "@/lib/schemas/import";
import { recordProjectChange, type ProjectActivityEntry } from "./activity";
import { itemUpdatedEntry } from "./item-changes";
import { assertMayImportWaivers, requestImportedWaivers, type WaiverToImport } from "./import-waivers";
import { projectInTeam, toDay, toStartOfDay } from "@/lib/server/kernel/tenancy";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// The document read into a checklist: a YAML checklist (schema
// shipshape.checklist/v1) or Markdown. A document without one, or an invalid
// YAML checklist, is a field error.
export function readChecklist(text: string): ImportedChecklist {
  try {
    return readDocument(text);
  } catch (error) {
    if (error instanceof NoChecklistError || error instanceof ChecklistYamlError) throw invalidField("text", error.message);
    throw error;
  }
}

// What a preview was made from, as one value: every item's id and version
// and every category's id and name. An import that names the basis of its
// preview is refused when the project has changed since (an edit, a rename,
// another import): its rows were matched, and shown, against what was then.
function basisOf(categories: { id: string; name: string }[], items: { id: string; version: number }[]): string {
  const state = [...categories.map((c) => `c ${c.id} ${c.name}`), ...items.map((i) => `i ${i.id} ${i.version}`)].sort().join("\n");
  return createHash("sha256").update(state).digest("base64url");
}

async function existingProject(tx: Tx | Db, actor: Actor, projectId: string | undefined, { lockItems = false } = {}): Promise<ExistingProject & { basis: string }> {
  if (!projectId) return { evidencePolicy: "CRITICAL", categories: [], items: [], basis: basisOf([], []) };
  const project = await projectInTeam(tx as Tx, actor, projectId);
  // An import locks the project's items until it commits: the statuses it
  // plans from are the ones it replaces, and edits of these items wait for it
  // (in id order, so two imports cannot deadlock).
  if (lockItems) await tx.$queryRaw`SELECT id FROM item WHERE "projectId" = ${project.id} AND "teamId" = ${actor.teamId} ORDER BY id FOR UPDATE`;
  const [categories, items] = await Promise.all([
    tx.category.findMany({ where: { projectId: project.id, teamId: actor.teamId }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
    tx.item.findMany({
      where: { projectId: project.id, teamId: actor.teamId },
      select: { id: true, key: true, title: true, status: true, priority: true, version: true, why: true, howToVerify: true, categoryId: true, evidence: { select: { url: true, path: true } } },
    }),
  ]);
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));
  return {
    evidencePolicy: project.evidencePolicy,
    categories,
    basis: basisOf(categories, items),
    items: items.map((item) => ({
      id: item.id,
      key: item.key,
      title: item.title,
      status: item.status,
      priority: item.priority,
      category: categoryName.get(item.categoryId) ?? "",
      context: `${item.why}\n${item.howToVerify}`,
      evidence: item.evidence.map((e) => e.url ?? e.path ?? "").filter(Boolean),
    })),
  };
}

// Team members named as owners in a YAML checklist, by e-mail. (Who the
// document says requested or approved a waiver is not looked up: see
// import-waivers.ts.)
async function membersByEmail(tx: Tx, actor: Actor, checklist: ImportedChecklist): Promise<Map<string, string>> {
  const emails = new Set<string>();
  for (const category of checklist.categories) {
    for (const { detail } of category.items) {
      if (detail?.owner) emails.add(detail.owner);
    }
  }
  if (emails.size === 0) return new Map();
  const members = await tx.membership.findMany({ where: { teamId: actor.teamId, user: { email: { in: [...emails] } } }, select: { user: { select: { id: true, email: true } } } });
  return new Map(members.map((m) => [m.user.email.toLowerCase(), m.user.id]));
}

// The person's match decisions, checked against the document and the project:
// each row exists, each item is the project's, no item takes two rows.
function matchChoices(matches: { row: number; itemId: string | null }[] | undefined, checklist: ImportedChecklist, existing: ExistingProject, projectId: string | undefined): MatchChoices {
  if (!matches?.length) return new Map();
  if (!projectId) throw invalidField("matches", "Matches apply only when importing into an existing project.");
  const rows = checklist.categories.reduce((sum, c) => sum + c.items.length, 0);
  const items = new Map(existing.items.map((item) => [item.id, item]));
  const rowOf = new Map<string, number>();
  for (const { row, itemId } of matches) {
    if (row > rows) throw invalidField("matches", `The document has ${rows} row${rows === 1 ? "" : "s"}; row ${row} is not one of them. Preview the import again.`);
    if (itemId === null) continue;
    const item = items.get(itemId);
    if (!item) throw invalidField("matches", `Row ${row} names an item that is not in this project (it may have been deleted). Preview the import again.`);
    const other = rowOf.get(itemId);
    if (other !== undefined) throw invalidField("matches", `Rows ${other} and ${row} both name “${item.title}”; an item can take one row. Make one of them a new item.`);
    rowOf.set(itemId, row);
  }
  return new Map(matches.map(({ row, itemId }) => [row, itemId]));
}

/** A project item as the preview offers it to be matched: no database row, only what the picker shows. */
export type MatchableItem = { id: string; title: string; category: string; status: ItemStatus; priority: ItemPriority };

// `basis`: what the preview was made from (basisOf); the import form sends it back.
export type ImportPreview = { title: string | null; plan: ImportPlan; source: string; items: MatchableItem[]; basis: string };

// What the import would do, without doing it.
export async function previewImport(actor: Actor, input: unknown): Promise<ImportPreview> {
  authorize(actor, "item.create");
  const { text, projectId, matches } = parseInput(importChecklistInput, input);
  const checklist = readChecklist(text);
  const existing = await existingProject(db, actor, projectId);
  return {
    title: checklist.title?.normalize("NFC") ?? null,
    plan: planImport(checklist, existing, matchChoices(matches, checklist, existing, projectId)),
    source: checklist.source ?? text,
    items: existing.items.map(({ id, title, category, status, priority }) => ({ id, title, category, status, priority })),
    basis: existing.basis,
  };
}

const evidenceKind = (target: string): EvidenceKind => {
  if (!/^https?:\/\//i.test(target)) return "FILE_PATH";
  if (/\/pull\/\d|\/merge_requests\/\d/.test(target)) return "PULL_REQUEST";
  if (/\/actions\/runs\/|\/pipelines\/\d|\/builds?\/\d/.test(target)) return "CI_RUN";
  return "LINK";
};

// The waivers the document gives new items, with the items they now belong to.
const waivers = (created: ImportPlan["items"], idByKey: Map<string, string>): WaiverToImport[] =>
  created.flatMap(({ source, key, line, title }) => (source.detail?.waiver ? [{ itemId: idByKey.get(key) as string, line, title, waiver: source.detail.waiver }] : []));

export type ImportResult = { projectId: string; created: boolean; counts: ImportPlan["counts"] & { categories: number }; warnings: ImportPlan["warnings"] };

// Carries out the plan in one transaction (all or nothing), recorded as one
// import in the activity log.
export async function importChecklist(actor: Actor, input: unknown): Promise<ImportResult> {
  authorize(actor, "item.create");
  const { text, projectId, name, fileName, matches, basis } = parseInput(importChecklistInput, input);
  if (!projectId) authorize(actor, "project.create");
  const checklist = readChecklist(text);
  assertMayImportWaivers(actor, checklist.categories.flatMap((c) => c.items.filter((i) => i.detail?.waiver)));
  const title = checklist.title?.normalize("NFC").trim() || null;
  const projectName = name || title?.slice(0, 120);
  if (!projectId && !projectName) throw invalidField("name", "Enter a name for the new project: the document has no title to name it after.");
  try {
    return await db.$transaction(
      async (tx) => {
        const project = projectId
          ? await projectInTeam(tx, actor, projectId)
          : await tx.project.create({ data: { teamId: actor.teamId, name: projectName as string, description: title && title !== projectName ? title : "" } });
        // One import at a time per project: the next waits here until this one
        // commits, then plans from what it wrote (categories included, which no
        // row lock covers when the project has no items yet). The unique index
        // on category names backs this up for any other writer.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`shipshape.import:${project.id}`}, 0))`;
        const existing = await existingProject(tx, actor, projectId, { lockItems: true });
        if (basis && projectId && basis !== existing.basis) {
          throw new AppError("CONFLICT", "The project has changed since the preview (an item was edited, added or removed, or another import ran); nothing was imported. Preview again to see what the import would do now.");
        }
        const plan = planImport(checklist, existing, matchChoices(matches, checklist, existing, projectId));
        const people = await membersByEmail(tx, actor, checklist);
        const personId = (email: string | undefined, line: number, what: string) => {
          if (!email) return null;
          const found = people.get(email);
          if (!found) plan.warnings.push({ line, message: `${what} ${email} is not a member of this team; left empty.` });
          return found ?? null;
        };

        const categoryIds = new Map((await tx.category.findMany({ where: { projectId: project.id, teamId: actor.teamId }, select: { id: true, name: true } })).map((c) => [nameKey(c.name), c.id]));
        const firstPosition = ((await tx.category.aggregate({ where: { projectId: project.id }, _max: { position: true } }))._max.position ?? -1) + 1;
        const createdCategories = await tx.category.createManyAndReturn({
          data: plan.categoriesToCreate.map((categoryName, index) => ({ teamId: actor.teamId, projectId: project.id, name: categoryName, position: firstPosition + index })),
          select: { id: true, name: true },
        });
        for (const c of createdCategories) categoryIds.set(nameKey(c.name), c.id);

        const lastItem = (await tx.item.aggregate({ where: { projectId: project.id }, _max: { position: true } }))._max.position ?? -1;
        const toCreate = plan.items.filter((i) => i.action === "create");
        const createdItems = await tx.item.createManyAndReturn({
          data: toCreate.map((planned, index) => {
            const detail = planned.source.detail;
            return {
              teamId: actor.teamId,
              projectId: project.id,
              categoryId: categoryIds.get(nameKey(planned.category)) as string,
              key: planned.key,
              title: planned.title.slice(0, 200),
              why: planned.source.why ?? "",
              howToVerify: detail?.howToVerify ?? "",
              // A YAML checklist says everything about its items; a Markdown
              // item remembers where it came from.
              notes: detail ? (detail.notes ?? "") : [planned.source.notes, `Imported from ${fileName || "a document"}, line ${planned.line}.`].filter(Boolean).join("\n\n"),
              status: planned.status,
              // A document that marks an item N/A without a reason still gets one: that it did.
              notApplicableReason: detail?.notApplicableReason ?? planned.source.notApplicableReason ?? (planned.status === "NOT_APPLICABLE" ? MARKED_NOT_APPLICABLE : null),
              priority: planned.priority,
              effortHours: planned.source.effortHours,
              dueDate: toDay(detail?.dueDate) ?? null,
              ownerId: personId(detail?.owner, planned.line, "Owner"),
              position: lastItem + 1 + index,
              updatedById: actorUserId(actor),
              updatedByLabel: nonPersonLabel(actor),
            };
          }),
          select: { id: true, key: true, ownerId: true },
        });
        const idByKey = new Map(createdItems.map((item) => [item.key, item.id]));

        // One statement per new status (and reason), not one per item. An
        // item the document marks not applicable gets the document's reason
        // (or that the document marked it so); any other status clears it.
        const statusUpdates = plan.items.filter((i) => i.action === "update" && i.status !== i.statusBefore);
        const reasonOf = (planned: (typeof statusUpdates)[number]) =>
          planned.status === "NOT_APPLICABLE" ? (planned.source.detail?.notApplicableReason ?? planned.source.notApplicableReason ?? MARKED_NOT_APPLICABLE) : null;
        const statusChanges = new Map<string, { status: ItemStatus; reason: string | null; ids: string[] }>();
        for (const planned of statusUpdates) {
          const reason = reasonOf(planned);
          const group = `${planned.status}\u0000${reason ?? ""}`;
          const entry = statusChanges.get(group) ?? { status: planned.status, reason, ids: [] };
          entry.ids.push(planned.existingId as string);
          statusChanges.set(group, entry);
        }
        // The items are locked (existingProject), so these are the versions the updates bump.
        const versions = new Map(
          (await tx.item.findMany({ where: { id: { in: statusUpdates.map((i) => i.existingId as string) }, teamId: actor.teamId }, select: { id: true, version: true } })).map((i) => [i.id, i.version]),
        );
        for (const { status, reason, ids } of statusChanges.values()) {
          await tx.item.updateMany({
            where: { id: { in: ids }, teamId: actor.teamId },
            data: { status, notApplicableReason: reason, version: { increment: 1 }, updatedById: actorUserId(actor), updatedByLabel: nonPersonLabel(actor) },
          });
        }
        // Each item's changed field and the version it produced, like any edit:
        // an edit based on an older version is merged against this record.
        const itemChanges: ProjectActivityEntry[] = statusUpdates.map((planned) => {
          const itemId = planned.existingId as string;
          const version = versions.get(itemId) as number;
          return itemUpdatedEntry({ id: itemId, projectId: project.id }, version, { status: planned.statusBefore }, { status: planned.status });
        });
        const evidence = plan.items.flatMap((planned) =>
          planned.evidenceToAdd.map((target) => {
            const detail: ChecklistEvidence | undefined = planned.source.detail?.evidence.find((e) => (e.url ?? e.path ?? e.label) === target);
            const url = /^https?:\/\//i.test(target);
            return {
              teamId: actor.teamId,
              itemId: (planned.existingId ?? idByKey.get(planned.key)) as string,
              kind: detail?.kind ?? evidenceKind(target),
              url: detail ? (detail.url ?? null) : url ? target : null,
              path: detail ? (detail.path ?? null) : url ? null : target,
              label: detail?.label ?? (url ? target.replace(/^https?:\/\//i, "").slice(0, 200) : target),
              expiresAt: toStartOfDay(detail?.expiresAt, actor.timeZone) ?? null,
              addedById: actorUserId(actor),
              addedByLabel: nonPersonLabel(actor),
            };
          }),
        );
        const addedEvidence = evidence.length > 0 ? await tx.evidence.createManyAndReturn({ data: evidence, select: { id: true, itemId: true, kind: true, label: true, url: true, path: true, expiresAt: true } }) : [];
        // Each new item and piece of evidence in the activity log, as when added by hand.
        const additions: ProjectActivityEntry[] = [
          ...toCreate.map((planned) => {
            const itemId = idByKey.get(planned.key) as string;
            return { action: "item.created", entityType: "item", entityId: itemId, projectId: project.id, itemId, after: { key: planned.key, title: planned.title.slice(0, 200), category: planned.category, priority: planned.priority, status: planned.status } };
          }),
          ...addedEvidence.map(({ id, itemId, kind, label, url, path, expiresAt }) => ({ action: "evidence.added", entityType: "evidence", entityId: id, projectId: project.id, itemId, after: { kind, label, url, path, expiresAt: expiresAt?.toISOString() ?? null } })),
        ];

        // Waivers of new items arrive as requests by the importer, never as
        // decisions the document claims someone took (import-waivers.ts).
        const waiverRequests = await requestImportedWaivers(tx, actor, project.id, waivers(toCreate, idByKey), plan.warnings);

        const counts = { ...plan.counts, categories: createdCategories.length };
        await recordProjectChange(tx, actor, [
          ...additions,
          ...itemChanges,
          ...waiverRequests,
          {
            action: "project.imported",
            entityType: "project",
            entityId: project.id,
            projectId: project.id,
            after: {
              source: fileName || null,
              newProject: !projectId,
              ...counts,
              // Rows that found their item by meaning or by the person's choice, not by key or title.
              byMeaning: plan.items.filter((i) => i.match?.how === "meaning").length,
              chosen: plan.items.filter((i) => i.match?.how === "chosen").length,
              warnings: plan.warnings.length,
            },
          },
        ]);
        // Each person the document names as an owner hears once of the items now theirs.
        const owned = new Map<string, string[]>();
        for (const item of createdItems) if (item.ownerId) owned.set(item.ownerId, [...(owned.get(item.ownerId) ?? []), item.id]);
        for (const [ownerId, itemIds] of owned) await notifyAssigned(tx, actor, ownerId, itemIds);
        return { projectId: project.id, created: !projectId, counts, warnings: plan.warnings };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (error) {
    // Someone added a category or an item of the same name or key while the
    // import ran (the lock holds off other imports, not other edits): the
    // unique index refused, and nothing of the import was written.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Someone added a category or an item with the same name while the document was being imported; nothing was imported. Preview the import again and import.");
    }
    throw error;
  }
}
