import "server-only";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { conflict, invalidField, notFound, parseInput } from "@/lib/server/kernel/errors";
import { itemIdIn, toStartOfDay } from "@/lib/server/kernel/tenancy";
import { dayIn } from "@/lib/domain/readiness/dates";
import { checkEvidenceTarget, isLinkKind, updateEvidenceInput } from "@/lib/schemas/evidence";
import { recordProjectChange } from "./activity";
import { defaultLabel, evidenceIn, lockedEvidenceItem, standingNow, standingOfRow, type AddedEvidence } from "./evidence-item";

type Fields = { kind: string; label: string; url: string | null; path: string | null; expiresAt: string | null };

/**
 * Edits a piece of evidence people added: its kind, link or path, label and
 * re-verify date (updateEvidenceInput; absent fields stay). The target is
 * judged by the kind it ends up with, so changing a link to a file path
 * needs a path. A new re-verify date must be after today; an unchanged one
 * may have passed. The item's standing follows (an expired date makes it
 * stale, a later one current again); the activity entry records the fields
 * before and after and the standing when it changed. Returns the evidence as
 * it stands (`created` false). Nothing changed: nothing recorded.
 * Errors: VALIDATION (field-level), FORBIDDEN, NOT_FOUND (other team, other
 * item), CONFLICT (a check's result, which only its check writes; archived).
 */
export async function updateEvidence(actor: Actor, input: unknown): Promise<AddedEvidence> {
  authorize(actor, "evidence.add");
  const { evidenceId, itemId: givenItemId, projectId, key, targetField, ...changes } = parseInput(updateEvidenceInput, input);
  return db.$transaction(async (tx) => {
    const ref = { itemId: givenItemId, projectId, key };
    const itemId = ref.itemId || ref.projectId || ref.key ? await itemIdIn(tx, actor, ref) : undefined;
    const evidence = await tx.evidence.findFirst({
      where: { id: evidenceId, teamId: actor.teamId, ...(itemId ? { itemId } : {}) },
      select: { id: true, itemId: true, kind: true, label: true, url: true, path: true, expiresAt: true },
    });
    if (!evidence) throw notFound("Evidence");
    if (evidence.kind === "CHECK_RESULT") {
      throw conflict("This is a check's result: its check writes it, and it cannot be edited. Run the check again, or remove the result.");
    }
    const item = await lockedEvidenceItem(tx, actor, evidence.itemId);
    const now = new Date();

    const kind = changes.kind ?? evidence.kind;
    const label = changes.label ?? evidence.label;
    const stored = isLinkKind(evidence.kind) ? evidence.url : evidence.path;
    const checked = checkEvidenceTarget(kind, changes.target ?? stored ?? "", label);
    if (!checked.ok) throw invalidField(kind === "NOTE" ? "label" : targetField, checked.message);
    const target = kind === "NOTE" ? "" : checked.target;
    const url = isLinkKind(kind) ? target : null;
    const path = kind === "FILE_PATH" ? target : null;

    const storedDay = evidence.expiresAt ? dayIn(evidence.expiresAt, actor.timeZone) : null;
    const day = changes.expiresAt === undefined ? storedDay : changes.expiresAt;
    // A new re-verify date of today or earlier would vouch for nothing; an
    // unchanged one that has passed since is kept while other fields change.
    if (day !== storedDay && day !== null && day <= dayIn(now, actor.timeZone)) throw invalidField("expiresAt", "Choose a re-verify date after today.");

    if (kind !== "NOTE" && (url !== evidence.url || path !== evidence.path)) {
      const copy = await tx.evidence.findFirst({ where: { itemId: item.id, teamId: actor.teamId, id: { not: evidence.id }, ...(url ? { url } : { path }) }, select: { id: true } });
      if (copy) throw invalidField(targetField, "The item has this evidence already.");
    }

    const before: Fields = { kind: evidence.kind, label: evidence.label, url: evidence.url, path: evidence.path, expiresAt: storedDay };
    const after: Fields = { kind, label: label || defaultLabel(kind, target), url, path, expiresAt: day };
    const changed = (Object.keys(after) as (keyof Fields)[]).filter((field) => after[field] !== before[field]);
    if (changed.length === 0) return evidenceIn(tx, actor, item, evidence.id, false);

    const standingBefore = standingOfRow(item, now);
    await tx.evidence.update({
      where: { id: evidence.id },
      data: { kind, label: after.label, url, path, ...(day !== storedDay ? { expiresAt: toStartOfDay(day, actor.timeZone) } : {}) },
    });
    const standingAfter = await standingNow(tx, actor, item.id, now);
    const pick = (fields: Fields) => Object.fromEntries(changed.map((field) => [field, fields[field]]));
    await recordProjectChange(tx, actor, {
      action: "evidence.updated",
      entityType: "evidence",
      entityId: evidence.id,
      projectId: item.projectId,
      itemId: item.id,
      // The label is always named, so the record reads well on its own.
      before: { label: before.label, ...pick(before), standing: standingBefore },
      after: { label: after.label, ...pick(after), standing: standingAfter },
    });
    return evidenceIn(tx, actor, item, evidence.id, false);
  });
}
