// One line of plain English for each activity record, for feeds and history.
import { ITEM_FIELD_NAME } from "./item-edits";
import { formatMoment } from "./format";
import { WEBHOOK_FORMAT_LABEL, type WebhookFormat } from "./notifications/webhook-destinations";
import { EVIDENCE_KIND_LABEL, PRIORITY_LABEL, STANDING_LABEL, STATUS_LABEL, type EvidenceKind, type ItemStatus, type Priority, type Standing } from "./readiness/vocabulary";

export type ActivityRecord = {
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

// Item fields as every sentence about an item names them; project fields here.
const FIELD_LABEL: Record<string, string> = {
  ...ITEM_FIELD_NAME,
  name: "name",
  description: "description",
  productionUrl: "production URL",
  repositoryUrl: "repository URL",
  targetDate: "target date",
  evidencePolicy: "evidence policy",
  weightCritical: "critical weight",
  weightHigh: "high weight",
  weightMedium: "medium weight",
  weightLow: "low weight",
};

function show(field: string, value: unknown, names: Record<string, string>): string {
  if (field === "priority" && value === null) return "needs triage";
  if (value === null || value === undefined || value === "") return "none";
  if (field === "status") return STATUS_LABEL[value as ItemStatus] ?? String(value);
  if (field === "priority") return PRIORITY_LABEL[value as Priority] ?? String(value);
  if (field === "ownerId") return names[String(value)] ?? "a team member";
  if (field === "dueDate" || field === "targetDate") return String(value).slice(0, 10);
  if (field === "effortHours") return `${value} h`;
  const text = String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function changes(record: ActivityRecord, names: Record<string, string>): string {
  const after = record.after ?? {};
  const before = record.before ?? {};
  const parts = Object.keys(after)
    .filter((field) => field !== "version")
    .map((field) => {
      const label = FIELD_LABEL[field] ?? field;
      if (field === "notes" || field === "why" || field === "howToVerify" || field === "description") return `edited the ${label}`;
      if (field === "categoryId") return "moved it to another category";
      return `set ${label} to ${show(field, after[field], names)}${field in before ? ` (was ${show(field, before[field], names)})` : ""}`;
    });
  return parts.length ? parts.join(", ") : "made no visible change";
}

const text = (value: unknown) => (typeof value === "string" ? value : "");
const webhookFormatName = (value: unknown) => WEBHOOK_FORMAT_LABEL[value as WebhookFormat] ?? "webhook";

// " (the item went from Done to Stale)" when a record's standing changed.
function standingEffect(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string {
  const [from, to] = [before?.standing, after?.standing] as (Standing | undefined)[];
  return from && to && from !== to ? ` (the item went from ${STANDING_LABEL[from]} to ${STANDING_LABEL[to]})` : "";
}

// An edit of evidence, field by field: "the kind to CI run (was Link)".
function evidenceEdit(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string {
  const b = before ?? {};
  const a = after ?? {};
  const shown = (field: string, value: unknown) => {
    if (value === null || value === undefined || value === "") return field === "expiresAt" ? "none" : "nothing";
    if (field === "kind") return EVIDENCE_KIND_LABEL[value as EvidenceKind] ?? String(value);
    if (field === "expiresAt") return String(value).slice(0, 10);
    const words = String(value);
    return `“${words.length > 60 ? `${words.slice(0, 57)}…` : words}”`;
  };
  const names: [string, string][] = [["label", "the label"], ["kind", "the kind"], ["url", "the link"], ["path", "the path"], ["expiresAt", "the re-verify date"]];
  const parts = names
    .filter(([field]) => field in a && a[field] !== b[field])
    .map(([field, name]) => `${name} to ${shown(field, a[field])} (was ${shown(field, b[field])})`);
  return `edited evidence “${text(a.label) || text(b.label)}”${parts.length ? `: set ${parts.join(", ")}` : ""}${standingEffect(before, after)}`;
}

// Hand-over records carry both people's names, so they read the same after
// the person who left is gone from the team's member list.
function handOver(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string {
  const from = text(before?.ownerName) || "a former member";
  const why = after?.because === "account.deleted" ? `${from} deleted their account` : `${from} left the team`;
  return after?.ownerName ? `handed the item over from ${from} to ${text(after.ownerName)} (${why})` : `left the item unassigned (${why})`;
}

function memberLeft(what: string, after: Record<string, unknown> | null): string {
  const count = (value: unknown) => (typeof value === "number" ? value : 0);
  const handed = count(after?.handedOver);
  const unassigned = count(after?.unassigned);
  const items = (n: number) => `${n} ${n === 1 ? "item" : "items"}`;
  const parts = [handed ? `${items(handed)} handed over to ${text(after?.successorName)}` : "", unassigned ? `${items(unassigned)} left unassigned` : ""].filter(Boolean);
  return `${what}${parts.length ? `: ${parts.join(", ")}` : ""}`;
}

// A bulk edit in one line: "set 12 items to N/A: “not a public service”;
// 3 left as they were (a, b, c)". The owner is named as the record kept them
// when the team no longer has them.
function bulkUpdated(after: Record<string, unknown> | null, names: Record<string, string>): string {
  const count = typeof after?.count === "number" ? after.count : 0;
  const set = (after?.changes ?? {}) as Record<string, unknown>;
  const ownerNames = typeof set.ownerId === "string" && typeof after?.ownerName === "string" ? { [set.ownerId]: after.ownerName, ...names } : names;
  const items = `${count} ${count === 1 ? "item" : "items"}`;
  const others = Object.keys(set).filter((field) => field !== "status" && field !== "notApplicableReason");
  let head: string;
  if (set.status) {
    const reason = set.status === "NOT_APPLICABLE" && set.notApplicableReason ? `: “${show("notApplicableReason", set.notApplicableReason, ownerNames)}”` : "";
    const also = others.map((field) => `${FIELD_LABEL[field] ?? field} ${show(field, set[field], ownerNames)}`);
    head = `set ${items} to ${show("status", set.status, ownerNames)}${reason}${also.length ? `, with ${also.join(" and ")}` : ""}`;
  } else {
    const parts = Object.keys(set).map((field) => `${FIELD_LABEL[field] ?? field} to ${show(field, set[field], ownerNames)}`);
    head = `set ${parts.join(" and ")} on ${items}`;
  }
  const refused = Array.isArray(after?.refused) ? after.refused.map(String) : [];
  if (refused.length === 0) return head;
  const named = refused.slice(0, 3).join(", ") + (refused.length > 3 ? ` and ${refused.length - 3} more` : "");
  return `${head}; ${refused.length} left as ${refused.length === 1 ? "it was" : "they were"} (${named})`;
}

/**
 * The record in words. `names` maps user ids to names; `timeZone` is the
 * viewer's, for the moments a record mentions (a share link's expiry).
 */
// How many rows of an import found their item other than by key or title.
function matchedText(after: Record<string, unknown> | null | undefined): string {
  const parts = [after?.byMeaning ? `${String(after.byMeaning)} matched by meaning` : "", after?.chosen ? `${String(after.chosen)} matched by hand` : ""].filter(Boolean);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

// " twice in a row", " 3 times in a row"; once is just "".
function failures(count: unknown): string {
  const n = typeof count === "number" ? count : 1;
  return n <= 1 ? "" : n === 2 ? " twice in a row" : ` ${n} times in a row`;
}

export function describeActivity(record: ActivityRecord, names: Record<string, string> = {}, timeZone = "UTC"): string {
  const { before, after } = record;
  switch (record.action) {
    case "project.created":
      return `created the project${after?.items ? ` with ${after.items} items from the catalogue` : ""}`;
    case "project.updated":
    case "project.settingsChanged":
    case "item.updated":
      return changes(record, names);
    case "project.archived":
      return "archived the project";
    case "project.restored":
      return "restored the project";
    case "project.deleted":
      return `deleted the project “${text(before?.name)}”`;
    case "category.added":
      return `added the category “${text(after?.name)}”`;
    case "category.renamed":
      return `renamed the category “${text(before?.name)}” to “${text(after?.name)}”`;
    case "category.moved":
      return `moved the category “${text(after?.name)}”`;
    case "category.deleted":
      return `deleted the category “${text(before?.name)}” and its items`;
    case "item.created":
      return `added the item “${text(after?.title)}”`;
    case "item.bulkUpdated":
      return bulkUpdated(after, names);
    case "item.moved":
      return "moved the item within its category";
    case "item.deleted":
      return `deleted the item “${text(before?.title)}”`;
    case "item.handedOver":
      return handOver(before, after);
    case "member.removed":
      return memberLeft(`removed ${text(before?.name) || "a member"} from the team`, after);
    case "member.passwordResetLinkCreated":
      return `created a password reset link for ${text(after?.name) || "a member"}`;
    case "notifications.preferencesChanged":
      return "changed how often they hear of notifications by e-mail";
    case "notifications.unsubscribed":
      return "stopped some notification e-mails with an unsubscribe link";
    case "account.renamed":
      return `changed their name from “${text(before?.name)}” to “${text(after?.name)}”`;
    case "invitation.reissued":
      return `sent ${text(after?.email) || "an invitee"} a new invitation link`;
    case "account.deleted":
      return memberLeft("deleted their account and left the team", after);
    case "evidence.added":
      return `added evidence “${text(after?.label)}”`;
    case "evidence.removed":
      return `removed evidence “${text(before?.label)}”${standingEffect(before, after)}`;
    case "evidence.updated":
      return evidenceEdit(before, after);
    case "evidence.restored":
      return `undid the removal of evidence “${text(after?.label)}”${standingEffect(before, after)}`;
    case "comment.added":
      return `commented: “${text(after?.excerpt)}”`;
    case "comment.edited":
      return `edited a comment: “${text(after?.excerpt)}”`;
    case "comment.deleted":
      return after?.moderated ? `deleted a comment by ${text(before?.authorName) || "someone"}: “${text(before?.excerpt)}”` : `deleted their comment “${text(before?.excerpt)}”`;
    case "waiver.requested":
      return `requested a waiver until ${text(after?.expiresAt)}: “${text(after?.reason)}”`;
    case "waiver.approved":
      return `approved the waiver${after?.note ? `: “${text(after.note)}”` : ""}`;
    case "waiver.rejected":
      return `rejected the waiver${after?.note ? `: “${text(after.note)}”` : ""}`;
    case "waiver.withdrawn":
      return "withdrew the waiver";
    case "apiToken.created":
      return `created the ${text(after?.scope)} API token “${text(after?.name)}”`;
    case "apiToken.revoked":
      return `revoked the API token “${text(before?.name)}”`;
    case "repositoryToken.stored":
      return `${before ? "replaced" : "stored"} the read token for ${text(after?.host)}${after?.last4 ? ` (ending ${text(after.last4)})` : ""}`;
    case "repositoryToken.removed":
      return `removed the read token for ${text(before?.host)}`;
    case "webhook.created":
      return `added the ${webhookFormatName(after?.format)} destination ${text(after?.url)}${after?.project ? ` for ${text(after.project)}` : ""}`;
    case "webhook.deleted":
      return `removed the ${webhookFormatName(before?.format)} destination ${text(before?.url)}`;
    case "shareLink.created":
      return `created a share link${after?.expiresAt ? ` valid until ${formatMoment(text(after.expiresAt), timeZone)}` : ""}`;
    case "shareLink.revoked":
      return "revoked a share link";
    case "project.imported":
      return `imported ${after?.source ? `“${text(after.source)}”` : "a document"}: ${String(after?.create ?? 0)} items created, ${String(after?.update ?? 0)} updated${matchedText(after)}`;
    case "template.saved":
      return `saved the team template “${text(after?.name)}” (version ${String(after?.version ?? 1)})`;
    case "template.deleted":
      return `deleted the team template “${text(before?.name)}”`;
    case "milestone.created":
      return `saved the milestone “${text(after?.name)}” at ${String(after?.readinessPercent ?? "?")}%`;
    case "team.timeZoneChanged":
      return `set the team's time zone to ${text(after?.timeZone)}${before?.timeZone ? ` (was ${text(before.timeZone)})` : ""}`;
    case "milestone.deleted":
      return `deleted the milestone “${text(before?.name)}”`;
    case "check.added":
      return `added a${text(after?.kind) === "http" ? "n" : ""} ${text(after?.kind)} check of ${text(after?.target)}, every ${String(after?.intervalMinutes ?? 60)} minutes`;
    case "project.checksSetUp": {
      const added = Number(after?.added ?? 0);
      const skipped = Number(after?.skipped ?? 0);
      return `set up ${added} suggested check${added === 1 ? "" : "s"}${skipped ? ` (${skipped} already set up)` : ""}`;
    }
    case "check.removed":
      return `removed the ${text(before?.kind)} check of ${text(before?.target)}`;
    case "check.passed":
      return `${before?.state === "FAILING" ? "saw the check pass again" : "verified the item"}: “${text(after?.summary)}”`;
    case "check.failed":
      return `saw the check fail${failures(after?.consecutiveFailures)}: “${text(after?.summary)}”`;
    case "check.reported":
      return `reported that the check ${after?.passed ? "passed" : "failed"}${after?.summary ? `: “${text(after.summary)}”` : ""}`;
    default:
      return record.action.replace(".", " ");
  }
}
