import "server-only";
import type { Prisma } from "@/generated/prisma/client";

export type ActivityView = {
  id: string;
  at: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  itemId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export const activityViewSelect = {
  id: true,
  createdAt: true,
  actorLabel: true,
  action: true,
  entityType: true,
  entityId: true,
  itemId: true,
  before: true,
  after: true,
} satisfies Prisma.ActivitySelect;

type ActivityRow = Prisma.ActivityGetPayload<{ select: typeof activityViewSelect }>;

const asObject = (value: Prisma.JsonValue | null) =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

export function toActivityView(row: ActivityRow): ActivityView {
  return {
    id: row.id,
    at: row.createdAt.toISOString(),
    // Stored as "Name <email>"; feeds show the name.
    actorName: row.actorLabel.replace(/\s*<[^>]*>$/, ""),
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    itemId: row.itemId,
    before: asObject(row.before),
    after: asObject(row.after),
  };
}
