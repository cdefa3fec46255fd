import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { checkTransition } from "@/lib/domain/notifications/change-rules";
import type { CheckState } from "@/lib/domain/checks/verdict";
import type { Actor } from "@/lib/server/kernel/actor";
import { emitNotification } from "./outbox";

/** A check's run as its writer knows it: the state before and after, and the item it keeps true. */
export type CheckRunFacts = {
  checkId: string;
  /** The check's kind as stored (HTTP, TLS …). */
  kind: string;
  before: CheckState;
  after: CheckState;
  /** The run's one-line summary. */
  summary: string;
  item: { id: string; key: string; title: string; projectId: string; ownerId: string | null };
};

/**
 * Tells the item's owner, inside the run's transaction `tx`, when the run
 * made the check fail (CHECK_FAILING) or made a failing check pass again
 * (CHECK_RECOVERED); a run that leaves the state as it was tells no one, so
 * a check failing run after run is told once. One statement (the project's
 * name) plus the outbox's, and only when the state turns.
 */
export async function notifyCheckRun(tx: Prisma.TransactionClient, actor: Actor, facts: CheckRunFacts): Promise<void> {
  const kind = checkTransition(facts.before, facts.after);
  if (!kind || !facts.item.ownerId) return;
  const project = await tx.project.findUniqueOrThrow({ where: { id: facts.item.projectId }, select: { id: true, name: true } });
  const check = `${facts.kind.toLowerCase()} check`;
  const summary =
    kind === "CHECK_FAILING"
      ? `${project.name}: the ${check} on ${facts.item.key} fails (${facts.summary})`
      : `${project.name}: the ${check} on ${facts.item.key} passes again`;
  await emitNotification(tx, actor, {
    kind,
    project,
    item: { id: facts.item.id, key: facts.item.key, title: facts.item.title },
    summary,
    details: { checkId: facts.checkId, checkKind: facts.kind, state: facts.after, previousState: facts.before, result: facts.summary },
    link: `/projects/${project.id}/items/${facts.item.id}`,
    recipientIds: [facts.item.ownerId],
  });
}
