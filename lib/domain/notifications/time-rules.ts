// What the passing of time makes worth telling someone: an item coming due
// or overdue, evidence about to expire or expired, a waiver about to lapse.
// Each rule judges one row as the scheduler read it, on the team's calendar
// (lib/domain/readiness/dates.ts), and says who should hear of it and under
// which key the finding is recorded once (its `dedupeKey`: the same item and
// due date, or the same evidence and expiry, is told once however often the
// scheduler looks; a new due date or expiry is news again).
import { dayIn, daysBetween, daysUntil } from "@/lib/domain/readiness/dates";
import type { ItemStatus } from "@/lib/domain/readiness/vocabulary";
import type { NotificationKind } from "./kinds";

/** An item is "due soon" from this many days before its due date (inclusive) to the day itself. */
export const DUE_SOON_DAYS = 3;
/** Evidence and waivers are "expiring" from this many days before the day they lapse. */
export const EXPIRING_DAYS = 7;
/**
 * What happened longer ago than this many days is no longer news: a server
 * that was down, or notifications switched on for the first time, does not
 * tell people of every item overdue for a year.
 */
export const LOOKBACK_DAYS = 14;

export type TimeKind = Extract<NotificationKind, "ITEM_DUE_SOON" | "ITEM_OVERDUE" | "EVIDENCE_EXPIRING" | "EVIDENCE_EXPIRED" | "WAIVER_EXPIRING">;

/** The item a finding is about, as notifications name it. */
export type FindingItem = { id: string; key: string; title: string; projectId: string; projectName: string };

/** One thing time has brought about, for some people, recorded once under `dedupeKey`. */
export type Finding = {
  kind: TimeKind;
  dedupeKey: string;
  item: FindingItem;
  /** Who should hear of it (no duplicates, never empty). */
  recipientIds: string[];
  /** What it says after the item's key: "is due tomorrow", "has evidence “SOC 2” expiring in 5 days". */
  phrase: string;
  /** Flat facts for the event's payload (days are YYYY-MM-DD in the team's zone). */
  details: Record<string, string | number | boolean | null>;
};

/** An item with a due date, as read for the due rules. */
export type DueItemFacts = FindingItem & {
  status: ItemStatus;
  ownerId: string | null;
  /** YYYY-MM-DD. */
  dueDate: string;
  /** It has an approved waiver valid now. */
  waived: boolean;
};

/** A piece of evidence with a re-verify instant, and its item. */
export type EvidenceFacts = {
  id: string;
  label: string;
  expiresAt: Date;
  addedById: string | null;
  item: FindingItem & { status: ItemStatus; ownerId: string | null };
  /** No evidence of the item vouches for it any more (every piece has expired). */
  itemStale: boolean;
};

/** An approved waiver and its item. */
export type WaiverFacts = {
  id: string;
  expiresAt: Date;
  requestedById: string | null;
  item: FindingItem & { status: ItemStatus; ownerId: string | null };
  /** Another approved waiver of the item lasts longer: this one lapsing changes nothing. */
  superseded: boolean;
};

const people = (...ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => id !== null))];

/** "today", "tomorrow", "in 5 days". */
export function inDays(days: number): string {
  return days === 0 ? "today" : days === 1 ? "tomorrow" : `in ${days} days`;
}

/** "yesterday", "3 days ago". */
const daysAgo = (days: number) => (days === 1 ? "yesterday" : `${days} days ago`);

const isOpenStatus = (status: ItemStatus) => status === "MISSING" || status === "PARTIAL";

/**
 * ITEM_DUE_SOON (due today up to DUE_SOON_DAYS ahead) or ITEM_OVERDUE (the
 * due day has passed, within LOOKBACK_DAYS) for an open item (Missing or
 * Partial, not validly waived) with an owner, told to the owner; null
 * otherwise. "Today" is `now`'s day in `zone`.
 */
export function dueFinding(item: DueItemFacts, now: Date, zone: string): Finding | null {
  if (!item.ownerId || !isOpenStatus(item.status) || item.waived) return null;
  const days = daysUntil(item.dueDate, now, zone);
  const base = { item: pick(item), recipientIds: [item.ownerId] };
  if (days >= 0 && days <= DUE_SOON_DAYS) {
    return {
      ...base,
      kind: "ITEM_DUE_SOON",
      dedupeKey: `due-soon:${item.id}:${item.dueDate}`,
      phrase: `is due ${inDays(days)}`,
      details: { dueOn: item.dueDate, daysLeft: days },
    };
  }
  if (days < 0 && -days <= LOOKBACK_DAYS) {
    return {
      ...base,
      kind: "ITEM_OVERDUE",
      dedupeKey: `overdue:${item.id}:${item.dueDate}`,
      phrase: `is overdue (due ${daysAgo(-days)})`,
      details: { dueOn: item.dueDate, daysLate: -days },
    };
  }
  return null;
}

/**
 * EVIDENCE_EXPIRING (its re-verify instant is still ahead, on a day at most
 * EXPIRING_DAYS away in `zone`) or EVIDENCE_EXPIRED (it has expired, within
 * LOOKBACK_DAYS, and nothing else vouches for its Done item: the item is
 * stale), told to whoever added it and the item's owner; null otherwise, and
 * for an item marked not applicable.
 */
export function evidenceFinding(evidence: EvidenceFacts, now: Date, zone: string): Finding | null {
  const { item } = evidence;
  const recipientIds = people(evidence.addedById, item.ownerId);
  if (recipientIds.length === 0 || item.status === "NOT_APPLICABLE") return null;
  const expiresOn = dayIn(evidence.expiresAt, zone);
  const at = evidence.expiresAt.toISOString();
  const base = { item: pick(item), recipientIds };
  if (evidence.expiresAt.getTime() > now.getTime()) {
    const days = daysUntil(expiresOn, now, zone);
    if (days > EXPIRING_DAYS) return null;
    return {
      ...base,
      kind: "EVIDENCE_EXPIRING",
      dedupeKey: `evidence-expiring:${evidence.id}:${at}`,
      phrase: `has evidence “${evidence.label}” to re-verify ${days === 0 ? "by the end of today" : inDays(days)}`,
      details: { evidenceId: evidence.id, evidenceLabel: evidence.label, expiresAt: at, expiresOn, daysLeft: days },
    };
  }
  const ago = daysBetween(expiresOn, dayIn(now, zone));
  if (ago > LOOKBACK_DAYS || item.status !== "DONE" || !evidence.itemStale) return null;
  return {
    ...base,
    kind: "EVIDENCE_EXPIRED",
    dedupeKey: `evidence-expired:${evidence.id}:${at}`,
    phrase: `is stale: its evidence “${evidence.label}” expired`,
    details: { evidenceId: evidence.id, evidenceLabel: evidence.label, expiresAt: at, expiresOn },
  };
}

/**
 * WAIVER_EXPIRING: an approved waiver still valid that lapses on a day at
 * most EXPIRING_DAYS away in `zone`, on an item it still holds up (Missing
 * or Partial) and that no later approved waiver replaces,, told to its requester and the
 * item's owner; null otherwise.
 */
export function waiverFinding(waiver: WaiverFacts, now: Date, zone: string): Finding | null {
  const { item } = waiver;
  const recipientIds = people(waiver.requestedById, item.ownerId);
  if (recipientIds.length === 0 || waiver.superseded || !isOpenStatus(item.status)) return null;
  if (waiver.expiresAt.getTime() <= now.getTime()) return null;
  const expiresOn = dayIn(waiver.expiresAt, zone);
  const days = daysUntil(expiresOn, now, zone);
  if (days > EXPIRING_DAYS) return null;
  const at = waiver.expiresAt.toISOString();
  return {
    item: pick(item),
    recipientIds,
    kind: "WAIVER_EXPIRING",
    dedupeKey: `waiver-expiring:${waiver.id}:${at}`,
    phrase: `has a waiver that lapses ${days === 0 ? "at the end of today" : inDays(days)}`,
    details: { waiverId: waiver.id, expiresAt: at, expiresOn, daysLeft: days },
  };
}

const pick = (item: FindingItem): FindingItem => ({ id: item.id, key: item.key, title: item.title, projectId: item.projectId, projectName: item.projectName });

/** Which finding leads when several about one item reach one person: what is already late first. */
export const FOLD_PRECEDENCE: readonly TimeKind[] = ["ITEM_OVERDUE", "EVIDENCE_EXPIRED", "ITEM_DUE_SOON", "WAIVER_EXPIRING", "EVIDENCE_EXPIRING"];

/** One inbox entry: everything one run found about one item for one person. */
export type FoldedEntry = {
  userId: string;
  item: FindingItem;
  /** The findings it stands for, the leading one first (FOLD_PRECEDENCE, then dedupeKey). */
  findings: Finding[];
  /** The leading finding's kind: the entry's kind. */
  kind: TimeKind;
  /** "Checkout: checkout.tls is due tomorrow and has evidence “TLS report” to re-verify in 5 days". */
  title: string;
};

const rank = (finding: Finding) => FOLD_PRECEDENCE.indexOf(finding.kind);

/**
 * Folds what one run found into one entry per person and item: a person told
 * of an item due soon and of its evidence expiring gets one entry naming
 * both. Every finding reaches each of its recipients through exactly one
 * entry. Entries come ordered by person, then item key.
 */
export function foldFindings(findings: readonly Finding[]): FoldedEntry[] {
  const groups = new Map<string, { userId: string; findings: Finding[] }>();
  for (const finding of findings) {
    for (const userId of finding.recipientIds) {
      const key = `${userId}\u0000${finding.item.id}`;
      const group = groups.get(key) ?? { userId, findings: [] };
      if (!group.findings.some((f) => f.dedupeKey === finding.dedupeKey)) group.findings.push(finding);
      groups.set(key, group);
    }
  }
  const entries = [...groups.values()].map(({ userId, findings: list }) => {
    const sorted = [...list].sort((a, b) => rank(a) - rank(b) || (a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0));
    const item = sorted[0].item;
    return { userId, item, findings: sorted, kind: sorted[0].kind, title: `${item.projectName}: ${item.key} ${joinPhrases(sorted.map((f) => f.phrase))}` };
  });
  return entries.sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : a.item.key < b.item.key ? -1 : a.item.key > b.item.key ? 1 : 0));
}

/** "a", "a and b", "a, b and c". */
export function joinPhrases(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases[0] ?? "";
  return `${phrases.slice(0, -1).join(", ")} and ${phrases[phrases.length - 1]}`;
}
