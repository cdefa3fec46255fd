import "server-only";
import { dayIn } from "@/lib/domain/readiness/dates";
import type { ImportWarning } from "@/lib/import/checklist";
import type { ChecklistItem } from "@/lib/import/yaml-checklist";
import { actorUserId, type Actor } from "@/lib/server/kernel/actor";
import type { Db } from "@/lib/server/kernel/db";
import { invalidField } from "@/lib/server/kernel/errors";
import { permits } from "@/lib/server/kernel/gate";
import { toStartOfDay } from "@/lib/server/kernel/tenancy";
import type { ProjectActivityEntry } from "./activity";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// A waiver in an imported document (docs/adr/0022-imports-record-only-the-importer.md)
// is what the document's author claims, not a decision anyone took here: it
// arrives as a request by the importing actor, with the document's reason and
// expiry, for a lead or admin to decide as any other request. Who the
// document says requested or approved it is not taken over.

export type WaiverToImport = { itemId: string; line: number; title: string; waiver: NonNullable<ChecklistItem["waiver"]> };

/** Refuses (field error on `text`) an import with waivers by an actor the gate does not let request waivers. */
export function assertMayImportWaivers(actor: Actor, waivers: readonly unknown[]): void {
  if (waivers.length > 0 && !permits(actor, "waiver.request")) {
    throw invalidField("text", "The document has waivers, and you may not request waivers: remove them from the document or ask someone who may.");
  }
}

/**
 * Creates each waiver as a pending request by `actor` and returns the
 * activity entries (`waiver.requested`, marked imported) to record with the
 * import. A waiver whose expiry has already begun is not requested; each
 * skipped waiver and each one the document called approved or requested by
 * someone else gets a warning on its item's line.
 */
export async function requestImportedWaivers(tx: Tx, actor: Actor, projectId: string, waivers: readonly WaiverToImport[], warnings: ImportWarning[]): Promise<ProjectActivityEntry[]> {
  const today = dayIn(new Date(), actor.timeZone);
  const open = waivers.filter(({ waiver, line, title }) => {
    if (waiver.expiresAt > today) return true;
    warnings.push({ line, message: `The waiver of “${title}” expires on ${waiver.expiresAt}, which is not in the future; it was not requested.` });
    return false;
  });
  const importer = actor.kind === "user" ? actor.email.toLowerCase() : null;
  for (const { waiver, line, title } of open) {
    if (waiver.status === "APPROVED" || waiver.approvedBy || (waiver.requestedBy && waiver.requestedBy !== importer)) {
      warnings.push({ line, message: `The waiver of “${title}” arrives as a request by you, awaiting a lead's or admin's decision; who the document says requested or approved it is not taken over.` });
    }
  }
  if (open.length === 0) return [];
  const created = await tx.waiver.createManyAndReturn({
    data: open.map(({ itemId, waiver }) => ({
      teamId: actor.teamId,
      itemId,
      reason: waiver.reason,
      expiresAt: toStartOfDay(waiver.expiresAt, actor.timeZone),
      status: "PENDING" as const,
      requestedById: actorUserId(actor),
    })),
    select: { id: true, itemId: true },
  });
  const byItem = new Map(open.map((w) => [w.itemId, w.waiver]));
  return created.map(({ id, itemId }) => {
    const waiver = byItem.get(itemId) as WaiverToImport["waiver"];
    return { action: "waiver.requested", entityType: "waiver", entityId: id, projectId, itemId, after: { reason: waiver.reason, expiresAt: waiver.expiresAt, imported: true } };
  });
}
