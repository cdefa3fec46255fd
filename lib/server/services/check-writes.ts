import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { FailingStatus } from "@/lib/domain/checks/verdict";
import { checkTarget } from "@/lib/schemas/check";
import type { CheckKind, CheckSettings } from "@/lib/schemas/check-settings";
import { actorUserId, nonPersonLabel, type Actor } from "@/lib/server/kernel/actor";
import { invalidField } from "@/lib/server/kernel/errors";
import type { ProjectActivityEntry } from "./activity";

// Writing a check, shared by the services that add them (checks.ts one at a
// time, check-suggestions.ts several in one step), so that every check is
// stored and recorded the same way. Not a service: callers authorize, parse
// and hold the transaction.

const KIND_COLUMN: Record<CheckKind, "HTTP" | "TLS" | "DNS" | "REPOSITORY" | "REPORTED" | "HEADERS"> = {
  http: "HTTP",
  tls: "TLS",
  dns: "DNS",
  repository: "REPOSITORY",
  reported: "REPORTED",
  headers: "HEADERS",
};

/** A new check's parsed settings and schedule (lib/schemas/check.ts, addCheckInput). */
export type NewCheck = {
  settings: CheckSettings;
  intervalMinutes: number;
  failuresBeforeFailing: number;
  failingStatus: FailingStatus;
};

/**
 * Inserts a check on an item of the actor's team (the caller has found the
 * item in the team and made sure its project is editable). It is due at once
 * and PENDING. A repository check naming a stored read token (`tokenRef`)
 * must name one of the team's, for the repository's host (VALIDATION on
 * `settings.tokenRef` otherwise). Returns its id and its `check.added` activity entry, which
 * the caller records with recordProjectChange (with any others of the same
 * change, so the readiness history is kept once).
 */
export async function insertCheck(
  tx: Prisma.TransactionClient,
  actor: Actor,
  item: { id: string; projectId: string },
  { settings, intervalMinutes, failuresBeforeFailing, failingStatus }: NewCheck,
): Promise<{ checkId: string; entry: ProjectActivityEntry }> {
  if (settings.kind === "repository" && settings.tokenRef !== undefined) await assertTokenRefUsable(tx, actor, settings.tokenRef, settings.url);
  const check = await tx.check.create({
    data: {
      teamId: actor.teamId,
      projectId: item.projectId,
      itemId: item.id,
      kind: KIND_COLUMN[settings.kind],
      settings: settings as Prisma.InputJsonValue,
      intervalMinutes,
      failuresBeforeFailing,
      failingStatus,
      nextRunAt: new Date(),
      createdById: actorUserId(actor),
      createdByLabel: nonPersonLabel(actor),
    },
    select: { id: true },
  });
  return {
    checkId: check.id,
    entry: {
      action: "check.added",
      entityType: "check",
      entityId: check.id,
      projectId: item.projectId,
      itemId: item.id,
      after: { kind: settings.kind, target: checkTarget(settings), intervalMinutes, failuresBeforeFailing, failingStatus },
    },
  };
}

// A repository check naming a stored read token: the token must be the team's, and for the URL's host.
async function assertTokenRefUsable(tx: Prisma.TransactionClient, actor: Actor, tokenRef: string, url: string | undefined): Promise<void> {
  const token = await tx.repositoryToken.findFirst({ where: { id: tokenRef, teamId: actor.teamId }, select: { host: true } });
  if (!token) throw invalidField("settings.tokenRef", "No read token with this id is stored in the team.");
  const host = url ? new URL(url).host.toLowerCase() : null;
  if (host !== token.host) throw invalidField("settings.tokenRef", `This read token is for ${token.host}; use it with an https://${token.host}/ repository.`);
}
