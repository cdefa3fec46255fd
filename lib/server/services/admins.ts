import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/server/kernel/errors";

/**
 * Locks the team's admin memberships and returns their ids, so that two
 * admins demoting or removing each other (or deleting their accounts) at the
 * same moment cannot leave the team without one. Lock teams in a fixed order
 * (by id) when locking several, so two such transactions cannot deadlock.
 */
export async function lockAdmins(tx: Prisma.TransactionClient, teamId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM membership WHERE "teamId" = ${teamId} AND role = 'ADMIN' ORDER BY id FOR UPDATE`;
  return rows.map((row) => row.id);
}

export const lastAdmin = () => new AppError("CONFLICT", "A team needs at least one admin. Make someone else an admin first.");
