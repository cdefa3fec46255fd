// What can notify someone, what each is called where people choose how they
// hear of it, and how often they hear of it by e-mail unless they choose
// otherwise. Quiet by default: what waits on a person's decision or is newly
// theirs comes at once; what slowly goes wrong comes in the daily digest;
// how a project's level moves comes weekly.

/** Every kind of notification, in the order settings pages list them. */
export const NOTIFICATION_KINDS = [
  "ITEM_ASSIGNED",
  "WAIVER_REQUESTED",
  "WAIVER_APPROVED",
  "WAIVER_REJECTED",
  "MENTIONED",
  "COMMENT_ADDED",
  "ITEM_DUE_SOON",
  "ITEM_OVERDUE",
  "EVIDENCE_EXPIRING",
  "EVIDENCE_EXPIRED",
  "CHECK_FAILING",
  "CHECK_RECOVERED",
  "WAIVER_EXPIRING",
  "NEW_LAUNCH_BLOCKER",
  "LEVEL_RAISED",
  "LEVEL_LOWERED",
  "INVITATION_ACCEPTED",
  "WEBHOOK_DISABLED",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How often a person hears of a kind by e-mail: at once, in a daily or weekly digest, or not. */
export const CADENCES = ["IMMEDIATE", "DAILY", "WEEKLY", "OFF"] as const;
export type Cadence = (typeof CADENCES)[number];

export const NOTIFICATION_KIND_LABEL: Record<NotificationKind, string> = {
  ITEM_ASSIGNED: "An item is assigned to you",
  WAIVER_REQUESTED: "A waiver waits for your decision",
  WAIVER_APPROVED: "Your waiver request is approved",
  WAIVER_REJECTED: "Your waiver request is rejected",
  MENTIONED: "Someone mentions you",
  COMMENT_ADDED: "A comment on an item you own",
  ITEM_DUE_SOON: "An item you own is due soon",
  ITEM_OVERDUE: "An item you own is overdue",
  EVIDENCE_EXPIRING: "Your evidence is about to expire",
  EVIDENCE_EXPIRED: "Your evidence expired (the item is stale)",
  CHECK_FAILING: "A check on your item fails",
  CHECK_RECOVERED: "A check on your item passes again",
  WAIVER_EXPIRING: "A waiver on your item is about to lapse",
  NEW_LAUNCH_BLOCKER: "A project gains a launch blocker",
  LEVEL_RAISED: "A project's launch level rises",
  LEVEL_LOWERED: "A project's launch level falls",
  INVITATION_ACCEPTED: "Someone you invited joins",
  WEBHOOK_DISABLED: "A chat or webhook destination is turned off after failing",
};

export const DEFAULT_CADENCE: Record<NotificationKind, Cadence> = {
  ITEM_ASSIGNED: "IMMEDIATE",
  WAIVER_REQUESTED: "IMMEDIATE",
  WAIVER_APPROVED: "IMMEDIATE",
  WAIVER_REJECTED: "IMMEDIATE",
  MENTIONED: "IMMEDIATE",
  COMMENT_ADDED: "DAILY",
  ITEM_DUE_SOON: "DAILY",
  ITEM_OVERDUE: "DAILY",
  EVIDENCE_EXPIRING: "DAILY",
  EVIDENCE_EXPIRED: "DAILY",
  CHECK_FAILING: "DAILY",
  CHECK_RECOVERED: "DAILY",
  WAIVER_EXPIRING: "DAILY",
  NEW_LAUNCH_BLOCKER: "DAILY",
  LEVEL_RAISED: "WEEKLY",
  LEVEL_LOWERED: "WEEKLY",
  INVITATION_ACCEPTED: "DAILY",
  WEBHOOK_DISABLED: "IMMEDIATE",
};
