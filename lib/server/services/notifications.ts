import "server-only";
import { markAllReadInput, markReadInput } from "@/lib/schemas/notification";
import type { Actor, UserActor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { forbidden, parseInput } from "@/lib/server/kernel/errors";
import { authorize } from "@/lib/server/kernel/gate";

// Reading one's notifications. Like folding a checklist's category, this
// changes nothing of the team's, so it is not in the activity log
// (tests/integration/activity-coverage.test.ts lists these as personal).
// Each marks only the actor's own entries in the actor's team: an id of
// anyone else's entry, or of another team's, is ignored, never changed.

function person(actor: Actor): UserActor {
  authorize(actor, "team.read");
  if (actor.kind !== "user") throw forbidden("Only a person has an inbox.");
  return actor;
}

/**
 * Marks the given entries of the actor's inbox read (input: markReadInput).
 * Returns how many were unread and are now read. Errors: VALIDATION,
 * FORBIDDEN for anyone but a person.
 */
export async function markRead(actor: Actor, input: unknown): Promise<{ marked: number }> {
  const me = person(actor);
  const { notificationIds } = parseInput(markReadInput, input);
  const { count } = await db.notification.updateMany({
    where: { id: { in: notificationIds }, userId: me.userId, teamId: me.teamId, readAt: null },
    data: { readAt: new Date() },
  });
  return { marked: count };
}

/**
 * Marks every unread entry of the actor's inbox in the current team read, up
 * to `upTo` when given (input: markAllReadInput): what arrived after the
 * person's page was loaded, they have not seen, so it stays unread. Returns
 * how many. Errors: VALIDATION (`upTo`), FORBIDDEN for anyone but a person.
 */
export async function markAllRead(actor: Actor, input: unknown = {}): Promise<{ marked: number }> {
  const me = person(actor);
  const { upTo } = parseInput(markAllReadInput, input);
  const { count } = await db.notification.updateMany({
    where: { userId: me.userId, teamId: me.teamId, readAt: null, ...(upTo && { createdAt: { lte: new Date(upTo) } }) },
    data: { readAt: new Date() },
  });
  return { marked: count };
}
