import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { isOverdue } from "@/lib/domain/readiness/filters";
import { dayIn, isoDay } from "@/lib/domain/readiness/dates";
import { standingOf, type ScorableItem } from "@/lib/domain/readiness/standing";
import { evidenceRequired, type EvidencePolicy, type ItemPriority, type ItemStatus, type Standing } from "@/lib/domain/readiness/vocabulary";
import type { CheckState } from "@/lib/domain/checks/verdict";
import { currentOwner, ownerSelect } from "./owner-view";

// What the client sees of an item. Built from itemViewSelect; never a raw row.
export type ItemView = {
  id: string;
  key: string;
  categoryId: string;
  title: string;
  why: string;
  howToVerify: string;
  status: ItemStatus;
  standing: Standing;
  notApplicableReason: string | null;
  // null: needs triage.
  priority: ItemPriority;
  // The project's evidence policy asks this item for evidence before it counts as done.
  evidenceRequired: boolean;
  ownerId: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  dueDate: string | null;
  overdue: boolean;
  effortHours: number | null;
  notes: string;
  version: number;
  evidenceCount: number;
  waiver: WaiverSummary | null;
  updatedAt: string;
  updatedByName: string | null;
};

/**
 * An item as the checklist's rows need it: its long texts (why, how to
 * verify, notes) stay on the server, since a 96-item list would otherwise
 * ship every one of them to the browser twice (in the HTML and in the data
 * the rows hydrate from). Search runs on the server, over the full items.
 */
export type ChecklistItem = Omit<ItemView, "why" | "howToVerify" | "notes">;

/** The checklist's view of an item (ChecklistItem). */
export function toChecklistItem(item: ItemView): ChecklistItem {
  const { why, howToVerify, notes, ...rest } = item;
  void why;
  void howToVerify;
  void notes;
  return rest;
}

export type WaiverSummary = {
  id: string;
  status: "PENDING" | "APPROVED";
  valid: boolean;
  reason: string;
  expiresAt: string;
  // The day the waiver was granted until, in the team's zone (it ends as that day starts).
  expiresOn: string;
  requestedById: string | null;
  requestedByName: string | null;
};

/**
 * The item's automated checks that have given no verdict yet (at most one is
 * needed to know): selected with every row that is scored, joined into the
 * same statement, so no read issues a query per item. A read that wants all
 * of an item's checks may select them instead, with their `state`.
 */
export const pendingChecksSelect = { where: { state: "PENDING" }, select: { state: true }, take: 1 } satisfies Prisma.Item$checksArgs;

export const itemViewSelect = {
  id: true,
  teamId: true,
  key: true,
  categoryId: true,
  title: true,
  why: true,
  howToVerify: true,
  status: true,
  notApplicableReason: true,
  priority: true,
  ownerId: true,
  dueDate: true,
  effortHours: true,
  notes: true,
  position: true,
  version: true,
  updatedAt: true,
  // Owners who left the team read as no owner (owner-view.ts).
  owner: ownerSelect,
  updatedBy: { select: { name: true } },
  updatedByLabel: true,
  evidence: { select: { expiresAt: true } },
  // Open waivers only: pending, or approved (valid until its expiry).
  waivers: {
    where: { status: { in: ["PENDING", "APPROVED"] } },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, reason: true, expiresAt: true, requestedById: true, requestedBy: { select: { name: true } } },
  },
  checks: pendingChecksSelect,
} satisfies Prisma.ItemSelect;

export type ItemRow = Prisma.ItemGetPayload<{ select: typeof itemViewSelect }>;

function openWaiver(row: ItemRow, now: Date, timeZone: string): WaiverSummary | null {
  const waiver = row.waivers.find((w) => w.status === "PENDING" || w.expiresAt > now);
  if (!waiver) return null;
  return {
    id: waiver.id,
    status: waiver.status as WaiverSummary["status"],
    valid: waiver.status === "APPROVED" && waiver.expiresAt > now,
    reason: waiver.reason,
    expiresAt: waiver.expiresAt.toISOString(),
    expiresOn: dayIn(waiver.expiresAt, timeZone),
    requestedById: waiver.requestedById,
    requestedByName: waiver.requestedBy?.name ?? null,
  };
}

// Only what scoring needs, so that narrower reads (the portfolio's blockers) can use it too.
type ScorableRow = Pick<ItemRow, "status" | "priority" | "effortHours"> & {
  evidence: readonly { expiresAt: Date | null }[];
  waivers: readonly { status: string; expiresAt: Date }[];
  // The item's checks that have given no verdict yet (pendingChecksSelect), or all of them.
  checks: readonly { state: CheckState }[];
};

/** What scoring needs of an item row, under its project's evidence policy as it stands at `now`. */
export function scorableOf(row: ScorableRow, policy: EvidencePolicy, now: Date): ScorableItem {
  const approved = row.waivers.find((w) => w.status === "APPROVED" && w.expiresAt > now);
  return {
    status: row.status,
    priority: row.priority,
    effortHours: row.effortHours,
    evidenceExpiries: row.evidence.map((e) => e.expiresAt),
    waiverExpiresAt: approved?.expiresAt ?? null,
    evidenceRequired: evidenceRequired(policy, row.priority),
    pendingCheck: row.checks.some((check) => check.state === "PENDING"),
  };
}

/**
 * The item as clients see it; `policy` is its project's evidence policy and
 * `timeZone` its team's, in which "overdue" is judged.
 */
export function toItemView(row: ItemRow, policy: EvidencePolicy, now: Date, timeZone: string): ItemView {
  const scorable = scorableOf(row, policy, now);
  const standing = standingOf(scorable, now);
  const dueDate = row.dueDate ? isoDay(row.dueDate) : null;
  const owner = currentOwner(row);
  return {
    id: row.id,
    key: row.key,
    categoryId: row.categoryId,
    title: row.title,
    why: row.why,
    howToVerify: row.howToVerify,
    status: row.status,
    standing,
    notApplicableReason: row.notApplicableReason,
    priority: row.priority,
    evidenceRequired: scorable.evidenceRequired,
    ownerId: owner?.id ?? null,
    ownerName: owner?.name ?? null,
    ownerEmail: owner?.email ?? null,
    dueDate,
    overdue: isOverdue({ dueDate, standing }, dayIn(now, timeZone)),
    effortHours: row.effortHours,
    notes: row.notes,
    version: row.version,
    evidenceCount: row.evidence.length,
    waiver: openWaiver(row, now, timeZone),
    updatedAt: row.updatedAt.toISOString(),
    updatedByName: row.updatedBy?.name ?? row.updatedByLabel ?? null,
  };
}
