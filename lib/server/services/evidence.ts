import "server-only";
import { actorUserId, authorize, nonPersonLabel, type Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { notFound, parseInput } from "@/lib/server/errors";
import { addEvidenceInput, removeEvidenceInput } from "@/lib/schemas/evidence";
import { recordActivity } from "./activity";
import { assertEditable, itemInTeam, toDay } from "./scope";

function defaultLabel(kind: string, target: string): string {
  if (kind === "FILE_PATH" || kind === "NOTE") return target;
  const url = new URL(target);
  const path = url.pathname === "/" ? "" : url.pathname;
  return `${url.hostname}${path}`.slice(0, 200);
}

// Adding the same link or path to an item again returns the evidence already
// there (created: false) and records nothing, so a CI job that retries or
// runs twice does not pile up copies.
export async function addEvidence(actor: Actor, input: unknown): Promise<{ evidenceId: string; created: boolean }> {
  authorize(actor, "evidence.add");
  const { itemId, kind, target, label, expiresAt } = parseInput(addEvidenceInput, input);
  return db.$transaction(async (tx) => {
    const item = await itemInTeam(tx, actor, itemId);
    const isLink = kind !== "FILE_PATH" && kind !== "NOTE";
    if (kind !== "NOTE") {
      // Serialises concurrent adds to the same item, so two retries racing
      // each other still leave one copy.
      await tx.$queryRaw`SELECT id FROM item WHERE id = ${item.id} FOR UPDATE`;
      const existing = await tx.evidence.findFirst({
        where: { itemId: item.id, teamId: actor.teamId, ...(isLink ? { url: target } : { path: target }) },
        select: { id: true },
      });
      if (existing) return { evidenceId: existing.id, created: false };
    }
    const evidence = await tx.evidence.create({
      data: {
        teamId: actor.teamId,
        itemId: item.id,
        kind,
        url: isLink ? target : null,
        path: kind === "FILE_PATH" ? target : null,
        label: label || defaultLabel(kind, target),
        expiresAt: toDay(expiresAt),
        addedById: actorUserId(actor), addedByLabel: nonPersonLabel(actor),
      },
    });
    await recordActivity(tx, actor, {
      action: "evidence.added",
      entityType: "evidence",
      entityId: evidence.id,
      projectId: item.projectId,
      itemId: item.id,
      after: { kind, label: evidence.label, url: evidence.url, path: evidence.path, expiresAt: expiresAt ?? null },
    });
    return { evidenceId: evidence.id, created: true };
  });
}

export async function removeEvidence(actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "evidence.remove");
  const { evidenceId, itemId } = parseInput(removeEvidenceInput, input);
  await db.$transaction(async (tx) => {
    const evidence = await tx.evidence.findFirst({
      where: { id: evidenceId, teamId: actor.teamId, ...(itemId ? { itemId } : {}) },
      include: { item: { select: { projectId: true, project: { select: { archivedAt: true } } } } },
    });
    if (!evidence) throw notFound("Evidence");
    assertEditable(evidence.item.project);
    await tx.evidence.delete({ where: { id: evidence.id } });
    await recordActivity(tx, actor, {
      action: "evidence.removed",
      entityType: "evidence",
      entityId: evidence.id,
      projectId: evidence.item.projectId,
      itemId: evidence.itemId,
      before: { kind: evidence.kind, label: evidence.label, url: evidence.url, path: evidence.path },
    });
  });
}
