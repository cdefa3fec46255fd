// The REST API's answers: what the presenters (lib/server/api/presenters.ts)
// build and the OpenAPI document (lib/server/api/openapi.ts) describes, and
// the types the CLI reads them as. Requests are in ./api.ts, errors in
// ./errors.ts.
import { z } from "zod";
import { NOTIFICATION_KINDS } from "@/lib/domain/notifications/kinds";
import { LEVELS } from "@/lib/domain/readiness/score";
import { CHECK_STATES, FAILING_STATUSES } from "@/lib/domain/checks/verdict";
import { CHECK_KINDS } from "./check-settings";
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_FORMATS } from "@/lib/domain/notifications/webhook-destinations";
import { EVIDENCE_KINDS, EVIDENCE_POLICIES, ITEM_STATUSES, PRIORITIES, STANDINGS } from "@/lib/domain/readiness/vocabulary";

const timestamp = z.iso.datetime();
const day = z.iso.date();
const level = z.number().int().min(0).max(LEVELS.length);

const standingCounts = z
  .object(Object.fromEntries(STANDINGS.map((standing) => [standing, z.number().int().min(0)])) as Record<(typeof STANDINGS)[number], z.ZodNumber>)
  .meta({
    id: "StandingCounts",
    description:
      "Items per standing. DONE counts only items whose evidence is current (or that need none); STALE items are done with all evidence expired; NEEDS_EVIDENCE items are done but have none of the evidence the project's policy asks for at their priority; both count as partial. NOT_EVALUATED items have an automated check that has not given its first verdict yet, whatever their status; they count as missing. WAIVED items have an approved waiver (which wins over a pending check).",
  });

const readinessSummary = z
  .object({
    readinessPercent: z.number().int().min(0).max(100),
    level: level.meta({ description: `Launch gate reached: 0 not launch ready; ${LEVELS.map((l) => `${l.level} ${l.name.toLowerCase()} (${l.priorities.join(", ")} done)`).join("; ")}.` }),
    levelName: z.string(),
    launchBlockers: z.number().int().min(0).meta({ description: "Applicable critical items neither done nor validly waived." }),
    needsTriage: z.number().int().min(0).meta({ description: "Applicable items without a priority. While any, the level is what the prioritised items reach and at most 1." }),
    remainingEffortHours: z.number().min(0).meta({ description: "Hours of effort left (missing in full, partial at half); a lower bound while `unestimatedItems` > 0." }),
    openItems: z.number().int().min(0).meta({ description: "Applicable items not done or validly waived." }),
    unestimatedItems: z.number().int().min(0).meta({ description: "Open items without an effort estimate." }),
    total: z.number().int().min(0),
    applicable: z.number().int().min(0),
    counts: standingCounts,
    nextLevel: z
      .object({
        level,
        name: z.string(),
        outstanding: z.number().int().min(0).meta({ description: "Open items of the gate's priorities." }),
        needsTriage: z.number().int().min(0).meta({ description: "Items to prioritise before this gate can be reached." }),
      })
      .nullable()
      .meta({ description: "The next gate and what stands before it; null at level 3." }),
  })
  .meta({ id: "ReadinessSummary" });

const matrixRow = z
  .object({
    category: z.string(),
    counts: standingCounts,
    applicable: z.number().int().min(0),
    percent: z.number().int().min(0).max(100),
    glyph: z.enum(["○", "◐", "●", "–"]).meta({ description: "○ nothing done, ◐ in progress, ● all done, – nothing applicable." }),
  })
  .meta({ id: "MatrixRow" });

const projectSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    targetDate: day.nullable(),
    archived: z.boolean(),
    readinessPercent: z.number().int().min(0).max(100),
    level,
    launchBlockers: z.number().int().min(0),
    needsTriage: z.number().int().min(0),
    remainingEffortHours: z.number().min(0),
    unestimatedItems: z.number().int().min(0),
    lastActivityAt: timestamp.nullable(),
  })
  .meta({ id: "ProjectSummary" });

export const projectDetail = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    productionUrl: z.string().nullable(),
    repositoryUrl: z.string().nullable(),
    targetDate: day.nullable(),
    timeZone: z.string().meta({
      description:
        "The team's IANA time zone, e.g. `America/New_York`. Calendar days (due and target dates, `overdue`, `dueThisWeek`, forecast dates) are judged in it; a `re-verify by` day ends as it starts there. Timestamps are UTC.",
    }),
    archived: z.boolean(),
    evidencePolicy: z.enum(EVIDENCE_POLICIES),
    weights: z.object(Object.fromEntries(PRIORITIES.map((p) => [p, z.number().int()])) as Record<(typeof PRIORITIES)[number], z.ZodNumber>),
    template: z.string().nullable().meta({ description: "The template it started from and its version, e.g. `shipshape-standard v1`." }),
    createdAt: timestamp,
    webUrl: z.string(),
    summary: readinessSummary,
    matrix: z.array(matrixRow),
  })
  .meta({ id: "Project" });

const itemSummary = z
  .object({
    key: z.string(),
    title: z.string(),
    category: z.string(),
    status: z.enum(ITEM_STATUSES),
    standing: z.enum(STANDINGS),
    priority: z.enum(PRIORITIES).nullable().meta({ description: "null while the item needs triage (nobody has given it a priority)." }),
    effortHours: z.number().nullable(),
    ownerEmail: z.string().nullable().meta({ description: "The owner, a current member of the team; null when nobody owns the item or its owner has left." }),
    ownerName: z.string().nullable(),
    dueDate: day.nullable(),
    overdue: z.boolean().meta({ description: "Open, and its due date has passed in the team's time zone (the project's `timeZone`)." }),
    notApplicableReason: z.string().nullable(),
    evidenceCount: z.number().int().min(0),
    version: z.number().int().min(1),
    updatedAt: timestamp,
    updatedBy: z.string().nullable(),
  })
  .meta({ id: "ItemSummary" });

export const evidence = z
  .object({
    id: z.string(),
    kind: z.enum(EVIDENCE_KINDS),
    url: z.string().nullable(),
    path: z.string().nullable(),
    label: z.string(),
    expiresAt: timestamp.nullable(),
    expired: z.boolean(),
    addedBy: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "Evidence" });

export const comment = z
  .object({
    id: z.string(),
    body: z.string().meta({ description: "Markdown; a mention of a team member is `@[Name](user:<id>)`." }),
    author: z.string().meta({ description: "The person's current name, or the name it was posted under: a token's name, the CLI, a person who has since left." }),
    mentions: z
      .array(z.object({ id: z.string(), name: z.string(), email: z.string() }))
      .meta({ description: "The current team members the comment mentions." }),
    createdAt: timestamp,
    editedAt: timestamp.nullable(),
    canEdit: z.boolean().meta({ description: "Whether this token may edit it: only a comment the token itself posted." }),
    canDelete: z.boolean().meta({ description: "Whether this token may delete it: only a comment the token itself posted." }),
  })
  .meta({ id: "Comment" });

// Where an answer judges calendar days (`overdue`, `dueThisWeek`), it names the zone it used.
const judgedIn = { timeZone: z.string().meta({ description: "The team's IANA time zone, in which `overdue` and `dueThisWeek` were judged." }) };

const itemCheck = z
  .object({
    id: z.string(),
    kind: z.enum(CHECK_KINDS),
    target: z.string().meta({ description: "What the check looks at, in a few words (a URL, host:port, record, repository)." }),
    state: z.enum(CHECK_STATES).meta({ description: "PENDING until the first pass or the first fall to failing (the item's standing is then NOT_EVALUATED); then PASSING or FAILING." }),
    lastRunAt: timestamp.nullable(),
    nextRunAt: timestamp.nullable(),
    failingSince: timestamp.nullable().meta({ description: "The first failure of the current run of failures; null after a pass." }),
    lastSummary: z.string().nullable(),
  })
  .meta({ id: "ItemCheck", description: "An automated check on the item, as it stands; GET …/items/{key}/checks has their settings." });

export const itemDetail = itemSummary
  .extend({
    why: z.string(),
    howToVerify: z.string(),
    notes: z.string(),
    webUrl: z.string(),
    evidence: z.array(evidence),
    checks: z.array(itemCheck).meta({ description: "The item's automated checks, oldest first." }),
    ...judgedIn,
  })
  .meta({ id: "Item" });

export const bulkItemsResult = z
  .object({
    updated: z.array(itemDetail).meta({ description: "The items the change landed on, as they now stand, in checklist order." }),
    refused: z
      .array(
        z.object({
          key: z.string(),
          title: z.string(),
          reason: z.string().meta({ description: "Why the item was left as it was, in words (e.g. the evidence policy, or a due date on an item the caller does not own)." }),
        }),
      )
      .meta({ description: "The items left as they were, in checklist order." }),
    unchanged: z.number().int().min(0).meta({ description: "How many of the items already were as asked (neither changed nor refused)." }),
  })
  .meta({ id: "BulkItemsResult" });

const conflictingChange = z
  .object({
    field: z.string().meta({ description: "The field you sent that was changed meanwhile, by its name in the request, e.g. `status` or `ownerEmail`." }),
    by: z.string().meta({ description: "Who changed it, by name (or the API token's name)." }),
    at: timestamp.nullable().meta({ description: "When; null when not known." }),
    from: z.string().nullable().meta({ description: "The value before, in words (a label, a person's name, a day); null for none and for long texts such as notes." }),
    to: z.string().nullable().meta({ description: "The value after, in words; null for none and for long texts." }),
    recorded: z.boolean().meta({ description: "False for a change that left no record of which fields it touched (made before Shipshape kept one): any field may have changed." }),
  })
  .meta({ id: "ConflictingChange" });

export const itemConflict = z
  .object({
    error: z.object({
      code: z.literal("CONFLICT"),
      message: z.string().meta({ description: "One sentence per conflicting change, e.g. “Dana Lee set the owner to Sam Ortiz at 3 Dec, 14:02 UTC”." }),
      details: z
        .object({
          current: itemDetail,
          changes: z.array(conflictingChange).meta({ description: "Every change, oldest first, to a field you sent since the version you sent." }),
          changedBy: z.string().meta({ description: "Who made the latest of `changes`." }),
          changedAt: timestamp.nullable().meta({ description: "When the latest of `changes` was made." }),
        })
        .optional()
        .meta({ description: "Absent when the refusal is not about the item's version (an archived project)." }),
    }),
  })
  .meta({ id: "ItemConflict" });

const page = <T extends z.ZodType, X extends z.ZodRawShape>(entry: T, id: string, extra: X) =>
  z.object({ data: z.array(entry), nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }), ...extra }).meta({ id });

export const projectPage = page(projectSummary, "ProjectPage", {});
export const itemPage = page(itemSummary, "ItemPage", judgedIn);
export const evidenceList = z.object({ data: z.array(evidence) }).meta({ id: "EvidenceList" });
export const commentList = z.object({ data: z.array(comment) }).meta({ id: "CommentList" });
export const portfolioDocument = z
  .looseObject({ schema: z.literal("shipshape.portfolio/v1"), generatedAt: timestamp })
  .meta({ id: "PortfolioReport", description: "Every active project of the team with its readiness, blockers and forecast; fields in docs/report-format.md." });
export const reportDocument = z
  .looseObject({ schema: z.literal("shipshape.report/v1"), generatedAt: timestamp })
  .meta({ id: "Report", description: "The project's status report; its fields are described in docs/report-format.md." });

export const check = z
  .object({
    id: z.string(),
    projectId: z.string(),
    itemKey: z.string(),
    kind: z.enum(CHECK_KINDS),
    settings: z.looseObject({ kind: z.enum(CHECK_KINDS) }).meta({ description: "The settings as stored, defaults filled in." }),
    intervalMinutes: z.number().int(),
    failuresBeforeFailing: z.number().int(),
    failingStatus: z.enum(FAILING_STATUSES),
    state: z.enum(CHECK_STATES).meta({ description: "PENDING until the first pass or the first fall to failing (the item is not evaluated yet); then PASSING or FAILING." }),
    consecutiveFailures: z.number().int().min(0),
    lastRunAt: timestamp.nullable(),
    nextRunAt: timestamp.nullable(),
    failingSince: timestamp.nullable().meta({ description: "The first failure of the current run of failures; null after a pass." }),
    lastSummary: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "Check" });

export const checkResult = z
  .object({
    id: z.string(),
    passed: z.boolean(),
    summary: z.string().meta({ description: "One readable line, such as “503 from https://app.example.com/health in 120 ms”." }),
    details: z.record(z.string(), z.unknown()).meta({ description: "What the run saw: status, latency, issuer, expiry, records, files …" }),
    durationMs: z.number().int().min(0),
    ranAt: timestamp,
  })
  .meta({ id: "CheckResult" });

export const checkList = z.object({ data: z.array(check) }).meta({ id: "CheckList" });
export const checkRun = z
  .object({
    check,
    result: checkResult,
    itemStatus: z.enum(ITEM_STATUSES).meta({ description: "The item's status after the run." }),
  })
  .meta({ id: "CheckRun" });

const checkSettingsAsStored = z.looseObject({ kind: z.enum(CHECK_KINDS) }).meta({ description: "The check's settings, defaults filled in, as POST …/items/{key}/checks takes them." });

const checkChoice = z
  .object({
    id: z.string().meta({ description: "Accept this choice by this id." }),
    settings: checkSettingsAsStored,
    target: z.string().meta({ description: "What the check looks at, in a few words." }),
    alreadyExists: z.boolean().meta({ description: "The item already has a check of this kind on this target." }),
  })
  .meta({ id: "CheckSuggestionChoice" });

export const checkSuggestions = z
  .object({
    projectId: z.string(),
    urls: z.object({ productionUrl: z.string().nullable(), repositoryUrl: z.string().nullable() }).meta({ description: "The project's URLs the proposals were built from." }),
    proposals: z.array(
      z
        .object({
          id: z.string().meta({ description: "The proposal's id (`item.key:n`); accept it by this id or by its place in this list." }),
          itemKey: z.string(),
          itemTitle: z.string(),
          category: z.string(),
          label: z.string().meta({ description: "What the check proves, in a few words." }),
          kind: z.enum(CHECK_KINDS),
          settings: checkSettingsAsStored,
          target: z.string(),
          alreadyExists: z.boolean().meta({ description: "The item already has this check (or one of its choices); accepting it adds nothing." }),
          choices: z.array(checkChoice).min(1).meta({ description: "The template's own settings first, then its alternatives (another path of a health endpoint …)." }),
        })
        .meta({ id: "CheckSuggestion" }),
    ),
    missingUrls: z
      .array(
        z.object({
          field: z.enum(["productionUrl", "repositoryUrl"]),
          label: z.string(),
          message: z.string(),
          suggestions: z.number().int().min(1).meta({ description: "How many more checks would be suggested once it is set." }),
        }),
      )
      .meta({ description: "Project URLs to set (in the project's settings, or when creating it) for more suggestions." }),
    settingsPath: z.string().meta({ description: "The project settings page, where the URLs are set." }),
  })
  .meta({ id: "CheckSuggestions" });

export const acceptedCheckSuggestions = z
  .object({
    projectId: z.string(),
    added: z.array(check),
    skipped: z.array(z.object({ id: z.string(), itemKey: z.string(), target: z.string(), reason: z.string() })).meta({ description: "Chosen checks the item already had." }),
  })
  .meta({ id: "AcceptedCheckSuggestions" });
export const checkReport = z
  .object({
    report: z
      .object({
        id: z.string(),
        passed: z.boolean(),
        summary: z.string().nullable(),
        url: z.string().nullable().meta({ description: "The pipeline run." }),
        reportedAt: timestamp,
      })
      .meta({ description: "The report as stored." }),
    check,
    result: checkResult.meta({ description: "The run that judged the report against the check's window, applied at once." }),
    itemStatus: z.enum(ITEM_STATUSES).meta({ description: "The item's status after the report." }),
  })
  .meta({ id: "CheckReport" });
export const repositoryToken = z
  .object({
    id: z.string(),
    host: z.string().meta({ description: "The git host its repository checks send it to, such as github.com." }),
    username: z.string().meta({ description: "The user name sent with it (HTTP basic authentication)." }),
    last4: z.string().nullable().meta({ description: "The token's last four characters; null for tokens under 16 characters. The token itself is never returned." }),
    createdBy: z.string(),
    storedAt: timestamp,
  })
  .meta({ id: "RepositoryToken" });
export const repositoryTokenList = z.object({ data: z.array(repositoryToken) }).meta({ id: "RepositoryTokenList" });

export const sentNotification = z
  .object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    summary: z.string().meta({ description: "The one sentence people were told, e.g. “Lena Lead assigned you 5 items in Checkout API”." }),
    project: z.object({ id: z.string(), name: z.string() }).nullable().meta({ description: "The project it concerns, named as it was then; null for news of the team." }),
    item: z.object({ id: z.string(), key: z.string(), title: z.string() }).nullable().meta({ description: "The item it concerns; null for several items or none." }),
    actor: z.string().meta({ description: "Who caused it, as shown: a person's name, a token's label, or Shipshape." }),
    createdAt: timestamp,
    recipients: z
      .array(
        z.object({
          name: z.string(),
          email: z.string(),
          read: z.boolean(),
          readAt: timestamp.nullable(),
        }),
      )
      .meta({ description: "The members it was sent to, in the app's inbox, and whether each has read it. Never the person who caused it." }),
  })
  .meta({ id: "SentNotification" });
export const sentNotificationPage = page(sentNotification, "SentNotificationPage", {});

const notificationKind = z.enum(NOTIFICATION_KINDS);

export const webhookDelivery = z
  .object({
    id: z.string().meta({ description: "Sent as the Shipshape-Delivery header of JSON deliveries; the same on every retry." }),
    kind: z.enum([...NOTIFICATION_KINDS, "TEST"]).meta({ description: "The event's kind, or TEST for a test message." }),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES).meta({ description: "PENDING (waiting for a retry), SUCCEEDED, FAILED (a 4xx other than 429, or an address refused), GAVE_UP (24 hours of retries, or the destination turned off)." }),
    attempts: z.number().int().min(0),
    statusCode: z.number().int().nullable().meta({ description: "The receiver's last HTTP status; null when it did not answer." }),
    response: z.string().nullable().meta({ description: "The start of the receiver's last answer, at most 500 characters." }),
    error: z.string().nullable(),
    lastAttemptAt: timestamp.nullable(),
    nextAttemptAt: timestamp.nullable().meta({ description: "When a PENDING delivery is tried again." }),
  })
  .meta({ id: "WebhookDelivery" });

export const webhook = z
  .object({
    id: z.string(),
    format: z.enum(WEBHOOK_FORMATS),
    url: z.string().meta({ description: "The address, masked to its origin and last four characters: a chat webhook's address is a secret." }),
    project: z.object({ id: z.string(), name: z.string() }).nullable().meta({ description: "Only this project's events; null for every project of the team." }),
    events: z.array(notificationKind).meta({ description: "The kinds delivered; empty for every kind." }),
    enabled: z.boolean().meta({ description: "False once 10 deliveries in a row failed; add it again to resume." }),
    disabledAt: timestamp.nullable(),
    disabledReason: z.string().nullable(),
    consecutiveFailures: z.number().int().min(0),
    createdBy: z.string(),
    createdAt: timestamp,
    recentDeliveries: z.array(webhookDelivery).meta({ description: "The last five deliveries, newest first." }),
  })
  .meta({ id: "Webhook" });
export const webhookList = z.object({ data: z.array(webhook) }).meta({ id: "WebhookList" });
export const createdWebhook = webhook
  .extend({ secret: z.string().nullable().meta({ description: "JSON destinations: the signing secret (`whsec_…`), shown this once and never again. Null for Slack and Teams." }) })
  .meta({ id: "CreatedWebhook" });

/** What a JSON destination receives (version 1 of the payload). */
export const webhookPayloadV1 = z
  .object({
    v: z.literal(1),
    kind: z.enum([...NOTIFICATION_KINDS, "TEST"]),
    summary: z.string().meta({ description: "One sentence saying what happened." }),
    project: z.object({ id: z.string(), name: z.string() }).nullable(),
    item: z.object({ id: z.string(), key: z.string(), title: z.string() }).nullable(),
    actor: z.string().meta({ description: "Who did it, as shown; \"Shipshape\" for what the scheduler found." }),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).meta({ description: "Kind-specific facts, flat." }),
  })
  .meta({ id: "WebhookPayloadV1", description: "An event's facts. Fields are only added within a version; anything else takes a new `v`." });
export const webhookEventBody = z
  .object({
    id: z.string().meta({ description: "The event's id: the same event is delivered to a destination at most once." }),
    type: z.enum([...NOTIFICATION_KINDS, "TEST"]),
    createdAt: timestamp,
    data: webhookPayloadV1,
  })
  .meta({ id: "WebhookEvent", description: "The body POSTed to a JSON destination." });

export type ApiProjectSummary = z.infer<typeof projectSummary>;
export type ApiProject = z.infer<typeof projectDetail>;
export type ApiItemSummary = z.infer<typeof itemSummary>;
export type ApiItem = z.infer<typeof itemDetail>;
export type ApiBulkItemsResult = z.infer<typeof bulkItemsResult>;
export type ApiEvidence = z.infer<typeof evidence>;
export type ApiComment = z.infer<typeof comment>;
export type ApiSentNotification = z.infer<typeof sentNotification>;
export type ApiCheck = z.infer<typeof check>;
export type ApiCheckResult = z.infer<typeof checkResult>;
export type ApiCheckRun = z.infer<typeof checkRun>;
export type ApiCheckSuggestions = z.infer<typeof checkSuggestions>;
export type ApiAcceptedCheckSuggestions = z.infer<typeof acceptedCheckSuggestions>;
export type ApiCheckReport = z.infer<typeof checkReport>;
export type ApiConflictingChange = z.infer<typeof conflictingChange>;
