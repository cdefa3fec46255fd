// The REST API's requests: bodies, queries and path parameters. Built from
// the same field schemas as the forms and services, and the source of the
// OpenAPI document (lib/server/api/openapi.ts), so the three cannot drift
// apart. Answers are in ./api-responses.ts, errors in ./errors.ts.
import { z } from "zod";
import { NOTIFICATION_KINDS } from "@/lib/domain/notifications/kinds";
import { EXPORT_FORMATS } from "@/lib/domain/report/formats";
import { EVIDENCE_KINDS, PRIORITIES, STANDINGS } from "@/lib/domain/readiness/vocabulary";
import { emailField } from "./auth";
import { apiProjectUrl, calendarDay, hours, id, linkUrl, longText, plainString, requiredText, text, version } from "./fields";
import { itemKey, priorityField, statusField } from "./item";
import { MAX_BULK_ITEMS } from "./bulk-items";
import { BUILT_IN_TEMPLATE } from "./project";
import { checkSettings, CHECK_KINDS } from "./check-settings";
import { checkFailureFields, checkIntervalMinutes, MAX_CHECK_INTERVAL_MINUTES, MIN_CHECK_INTERVAL_MINUTES, reportedResultFields, withKindInSettings } from "./check";
import { acceptedProposals } from "./check-suggestions";
import { storeRepositoryTokenInput } from "./repository-token";
import { commentBody } from "./comment";
import { createWebhookInput } from "./webhook";

// ── Requests ────────────────────────────────────────────────────────────────

export const apiCreateProjectBody = z
  .strictObject({
    name: requiredText("a project name", 120),
    description: longText(2000).optional(),
    productionUrl: apiProjectUrl.optional(),
    repositoryUrl: apiProjectUrl.optional(),
    targetDate: calendarDay.optional().meta({ description: "Launch date, YYYY-MM-DD." }),
    template: plainString()
      .trim()
      .min(1)
      .max(64)
      .default(BUILT_IN_TEMPLATE)
      .meta({ description: "`builtin` for Shipshape's catalogue, or the slug of one of the team's templates." }),
    categories: z
      .array(plainString().trim().min(1).max(120))
      .min(1, "Name at least one category, or leave the list out for the template's defaults.")
      .max(100)
      .optional()
      .meta({ description: "Categories to copy, by name or key. Left out: the template's default selection." }),
  })
  .meta({ id: "CreateProject" });

// Booleans in a query string: `true` or `1`.
const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1")
  .optional();

const pageQuery = {
  cursor: plainString()
    .max(512)
    .optional()
    .meta({ description: "`nextCursor` of the previous page, sent with the same path and filters; another list's cursor is refused." }),
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: "Page size, 1–200 (default 50)." }),
};

export const apiProjectListQuery = z.strictObject({
  ...pageQuery,
  archived: z.enum(["hide", "include", "only"]).default("hide").meta({ description: "Archived projects: hidden (default), included, or only those." }),
});

export const apiItemListQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(STANDINGS).optional().meta({ description: "Standing: the status as scored (DONE with expired evidence is STALE; DONE without the evidence the project's policy asks for is NEEDS_EVIDENCE; an item whose automated check has given no verdict yet is NOT_EVALUATED)." }),
  priority: z.enum([...PRIORITIES, "NONE"]).optional().meta({ description: "Priority, or `NONE` for items that need triage (no priority yet)." }),
  category: plainString().trim().min(1).max(120).optional().meta({ description: "Category name (case-insensitive)." }),
  owner: plainString().trim().min(1).max(254).optional().meta({ description: "A current member's e-mail address, or `none` for items without an owner (including items whose owner has left the team)." }),
  open: flag.meta({ description: "Only applicable items not yet done or waived." }),
  overdue: flag.meta({ description: "Only open items past their due date (judged in the team's time zone)." }),
  dueThisWeek: flag.meta({ description: "Only open items due today or in the six days after it, in the team's time zone." }),
  stale: flag.meta({ description: "Only done items whose evidence has expired." }),
  q: plainString().trim().min(1).max(200).optional().meta({ description: "Text in the key, title or notes." }),
});

export const apiItemPatchBody = z
  .strictObject({
    status: statusField.optional(),
    notApplicableReason: longText(1000).nullable().optional().meta({ description: "Required when status becomes NOT_APPLICABLE." }),
    priority: priorityField.optional(),
    ownerEmail: emailField.nullable().optional().meta({ description: "A member of the team, or null to unassign." }),
    dueDate: calendarDay.nullable().optional(),
    effortHours: hours.nullable().optional(),
    notes: longText(20_000).optional().meta({ description: "Markdown." }),
    version: version
      .optional()
      .meta({ description: "The item version the change is based on. Required unless sent as the If-Match header." }),
  })
  .meta({ id: "ItemChanges" });

// One change to many items of a project, named by key (or by id). The same
// fields and rules as bulkUpdateItemsInput, which the service reads it with.
export const apiBulkItemsBody = z
  .strictObject({
    keys: z.array(itemKey).min(1, "Select at least one item.").max(MAX_BULK_ITEMS, "Select at most 1,000 items at once.").optional().meta({ description: "The items by key, 1–1,000. Send `keys` or `itemIds`." }),
    itemIds: z.array(id).min(1, "Select at least one item.").max(MAX_BULK_ITEMS, "Select at most 1,000 items at once.").optional().meta({ description: "The items by id, 1–1,000, instead of `keys`." }),
    changes: z
      .strictObject({
        status: statusField.optional(),
        notApplicableReason: longText(1000).nullable().optional().meta({ description: "Required when status becomes NOT_APPLICABLE: one reason for all the items." }),
        priority: priorityField.optional(),
        ownerEmail: emailField.nullable().optional().meta({ description: "A member of the team, or null to unassign." }),
        dueDate: calendarDay.nullable().optional(),
      })
      .meta({ description: "What to set on every item; at least one field." }),
  })
  .meta({ id: "BulkItemChanges" });

// Kinds of evidence that are links; FILE_PATH and NOTE are added in the app.
const LINK_EVIDENCE_KINDS = EVIDENCE_KINDS.filter((kind) => kind !== "FILE_PATH" && kind !== "NOTE");

export const apiAddEvidenceBody = z
  .strictObject({
    url: linkUrl.meta({ description: "An http(s) address; one typed without a scheme (github.com/acme/app/pull/12) gets https://." }),
    label: text(200).optional().meta({ description: "Shown instead of the URL. Default: host and path." }),
    kind: z.enum(LINK_EVIDENCE_KINDS as [string, ...string[]], { error: "Choose a kind of link." }).default("LINK"),
    expiresAt: calendarDay.optional().meta({ description: "Re-verify by this day; afterwards the evidence no longer counts." }),
  })
  .meta({ id: "NewEvidence" });

// A comment's text, new or edited. A mention is `@[Name](user:<id>)` or a
// member's address after an "@" (`@ada@example.com`).
export const apiCommentBody = z
  .strictObject({
    body: commentBody.meta({ description: "Markdown, 1 to 10,000 characters. Mention a team member as `@[Name](user:<id>)` or `@their@email`." }),
  })
  .meta({ id: "CommentText" });

// Kinds a person may give evidence: a check's result is written by its check.
const PERSONAL_EVIDENCE_KINDS = EVIDENCE_KINDS.filter((kind) => kind !== "CHECK_RESULT");

export const apiEvidencePatchBody = z
  .strictObject({
    label: text(200).optional().meta({ description: "Shown instead of the URL or path; blank for the default (host and path)." }),
    kind: z.enum(PERSONAL_EVIDENCE_KINDS as [string, ...string[]], { error: "Choose a kind of evidence; check results are written by checks." }).optional(),
    url: linkUrl.optional().meta({ description: "The new link, for a link kind. One typed without a scheme gets https://." }),
    path: text(500).optional().meta({ description: "The new repository path, for FILE_PATH." }),
    expiresAt: calendarDay.nullable().optional().meta({ description: "Re-verify by this day (after today); null for none. Absent: unchanged." }),
  })
  .meta({ id: "EvidenceChanges" });

type JsonSchemaNode = { required?: string[]; oneOf?: JsonSchemaNode[]; anyOf?: JsonSchemaNode[]; [key: string]: unknown };

// The document must say what addCheckInput accepts: each kind's settings
// without their `kind` (it may stand beside them instead), so `kind` leaves
// their required fields and the variants become anyOf (without the kind to
// tell them apart, one body may fit two); the body then asks for `kind`
// in one place or the other.
const kindMayStandBeside = ({ jsonSchema }: { jsonSchema: JsonSchemaNode }) => {
  const variants = jsonSchema.oneOf ?? jsonSchema.anyOf ?? [];
  for (const variant of variants) variant.required = variant.required?.filter((field) => field !== "kind");
  if (jsonSchema.oneOf) {
    jsonSchema.anyOf = jsonSchema.oneOf;
    delete jsonSchema.oneOf;
  }
};
const kindInOnePlace = ({ jsonSchema }: { jsonSchema: JsonSchemaNode }) => {
  const kind = { type: "string", enum: [...CHECK_KINDS] };
  jsonSchema.anyOf = [
    { properties: { kind }, required: ["kind"] },
    { properties: { settings: { type: "object", properties: { kind }, required: ["kind"] } }, required: ["settings"] },
  ];
};

// A check for an item. `kind` may stand beside the settings, as
// `{ "kind": "http", "settings": { "url": … } }`, or inside them.
export const apiAddCheckBody = z
  .strictObject({
    kind: z.enum(CHECK_KINDS).optional().meta({ description: "The kind of check; give it here or as `settings.kind` (if both, they must match)." }),
    settings: checkSettings.meta({
      description: "What the check looks at and what passes; the fields depend on the kind, which may be given here as `kind` or beside the settings.",
      override: kindMayStandBeside,
    }),
    // The service's own fields, so the API answers with the same field messages as the form.
    intervalMinutes: checkIntervalMinutes,
    ...checkFailureFields,
  })
  .meta({ id: "NewCheck", override: kindInOnePlace });

/** The body as sent: `kind` beside the settings is moved into them before the schema reads it. */
export const apiAddCheckRequest = z.preprocess(withKindInSettings, apiAddCheckBody);

// Suggested checks to set up: by id (or one of a proposal's choices' ids) or
// by place in the list GET …/check-suggestions gave.
export const apiAcceptCheckSuggestionsBody = z
  .strictObject({
    proposals: acceptedProposals.meta({ description: "The proposals to set up: ids such as `infrastructure.health-checks:0` (or a choice's id, `…:0:1`), or places in the list." }),
    intervalMinutes: checkIntervalMinutes.meta({
      description: `How often the new checks run, in minutes (${MIN_CHECK_INTERVAL_MINUTES}–${MAX_CHECK_INTERVAL_MINUTES}, default 60).`,
    }),
  })
  .meta({ id: "AcceptCheckSuggestions" });

/** A pipeline's result for a `reported` check. */
export const apiReportResultBody = z.strictObject(reportedResultFields).meta({ id: "ReportedResult" });

// A read token for repository checks on one git host.
export const apiStoreRepositoryTokenBody = z.strictObject(storeRepositoryTokenInput.shape).meta({ id: "NewRepositoryToken" });

export const apiNotificationListQuery = z.strictObject({
  ...pageQuery,
  kind: z.enum(NOTIFICATION_KINDS).optional().meta({ description: "Only events of this kind." }),
});

// A chat or webhook destination.
export const apiCreateWebhookBody = z.strictObject(createWebhookInput.shape).meta({ id: "NewWebhook" });

export const apiReportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS).default("json").meta({ description: "`json` (schema shipshape.report/v1), `md`, `csv` or `pdf`." }),
});

// ── Path parameters ─────────────────────────────────────────────────────────

const projectId = id.meta({ description: "Project id." });
const key = itemKey.meta({ description: "Item key, e.g. `security.rate-limiting`." });

export const projectPath = z.object({ projectId });
export const itemPath = z.object({ projectId, key });
export const evidencePath = z.object({ projectId, key, evidenceId: id.meta({ description: "Evidence id." }) });
export const commentPath = z.object({ commentId: id.meta({ description: "Comment id." }) });
export const checkPath = z.object({ projectId, checkId: id.meta({ description: "Check id." }) });
export const repositoryTokenPath = z.object({ tokenId: id.meta({ description: "Repository token id." }) });
export const webhookPath = z.object({ webhookId: id.meta({ description: "Webhook id." }) });
