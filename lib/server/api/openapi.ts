// The REST API's OpenAPI 3.1 document, generated from the zod schemas the
// endpoints validate with (lib/schemas/api.ts) and answer with
// (lib/schemas/api-responses.ts). Served at
// /api/v1/openapi.json, rendered at /api-docs, linted in CI.
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { apiAcceptCheckSuggestionsBody, apiAddCheckBody, apiAddEvidenceBody, apiEvidencePatchBody, apiCommentBody, commentPath, apiReportResultBody, apiStoreRepositoryTokenBody, repositoryTokenPath, apiCreateWebhookBody, webhookPath, apiCreateProjectBody, apiItemListQuery, apiItemPatchBody, apiBulkItemsBody, apiProjectListQuery, apiNotificationListQuery, apiReportQuery, checkPath, evidencePath, itemPath, projectPath } from "@/lib/schemas/api";
import { acceptedCheckSuggestions, bulkItemsResult, check, checkList, checkReport, checkRun, checkSuggestions, comment, commentList, repositoryToken, repositoryTokenList, createdWebhook, webhookDelivery, webhookEventBody, webhookList, evidence, evidenceList, itemConflict, itemDetail, itemPage, portfolioDocument, projectDetail, projectPage, reportDocument, sentNotificationPage } from "@/lib/schemas/api-responses";
import { apiError, ERRORS, type ApiErrorCode } from "@/lib/schemas/errors";

const errorContent = { "application/json": { schema: apiError } };

const rateLimitHeaders = z.object({
  "RateLimit-Limit": z.string().meta({ description: "Requests allowed per minute for this token." }),
  "RateLimit-Remaining": z.string().meta({ description: "Requests left in the current minute." }),
  "RateLimit-Reset": z.string().meta({ description: "Seconds until the allowance starts again." }),
});

// An operation's answers: its successes, then every error it may give with
// the status and meaning from the one error list (lib/schemas/errors.ts).
// Any request may be unauthenticated or rate limited.
function responses(success: ZodOpenApiResponsesObject, errors: ApiErrorCode[]): ZodOpenApiResponsesObject {
  const all: ZodOpenApiResponsesObject = { ...success };
  for (const code of ["UNAUTHENTICATED", "RATE_LIMITED", ...errors] as const) {
    all[String(ERRORS[code].status) as "400"] = {
      description: ERRORS[code].api,
      content: errorContent,
      ...(code === "RATE_LIMITED" ? { headers: z.object({ "Retry-After": z.string().meta({ description: "Seconds to wait." }) }) } : {}),
    };
  }
  return all;
}

const ok = (description: string, schema: z.ZodType, extra: { headers?: z.ZodObject } = {}) => ({
  description,
  headers: extra.headers ?? rateLimitHeaders,
  content: { "application/json": { schema } },
});

const jsonBody = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema } } });

const operation = (op: ZodOpenApiOperationObject): ZodOpenApiOperationObject => op;

// A report's 200 answer: its JSON document, or the same report as Markdown, CSV or PDF.
const reportFormats = (document: z.ZodType) => ({
  200: {
    description: "The report in the requested format.",
    headers: rateLimitHeaders,
    content: {
      "application/json": { schema: document },
      "text/markdown": { schema: z.string() },
      "text/csv": { schema: z.string() },
      "application/pdf": { schema: z.string().meta({ format: "binary" }) },
    },
  },
});

export function openApiDocument(serverUrl = "/") {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Shipshape API",
      version: "1.0.0",
      description:
        "Read readiness and update checklists from scripts and CI. Authenticate with a team API token " +
        "(team settings → API tokens) sent as `Authorization: Bearer shp_…`. Read tokens can read; write tokens can also " +
        "create projects, update items (one at a time or many at once), add or remove evidence, comment on items, and add and run checks. Errors always have the shape " +
        "`{ \"error\": { \"code\", \"message\", \"fields\"? } }`. Lists are paged with `limit` and the opaque `nextCursor`, " +
        "in an order no edit changes: a row in the list for the whole paging is returned exactly once, one that joins or leaves it meanwhile at most once.",
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: serverUrl, description: "This Shipshape" }],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: "Projects", description: "Projects and their readiness." },
      { name: "Items", description: "Checklist items: status, owner, effort, due date." },
      { name: "Evidence", description: "Links that show an item is done." },
      { name: "Comments", description: "An item's discussion, in Markdown, with mentions of team members. A token edits and deletes only the comments it posted." },
      { name: "Checks", description: "Automated checks that keep an item true: a passing check makes it done, a failing one (after a number of failures in a row) missing or partial." },
      { name: "Notifications", description: "What the team's notifications told whom: each event with its one-sentence summary and its recipients, and whether each has read it." },
      { name: "Repository tokens", description: "Read tokens the team's repository checks send to a git host, stored encrypted and never returned." },
      {
        name: "Webhooks",
        description:
          "Chat (Slack, Microsoft Teams) and JSON destinations that hear of the team's events: the `notificationEvent` webhook below describes what a JSON destination receives and how it is signed (docs/webhooks.md).",
      },
    ],
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "shp_ token", description: "A team API token." },
      },
    },
    webhooks: {
      notificationEvent: {
        post: operation({
          operationId: "notificationEvent",
          tags: ["Webhooks"],
          summary: "What a JSON destination receives",
          description:
            "One POST per event and destination, retried with the same `Shipshape-Delivery` on failure. Verify `Shipshape-Signature` before trusting the body: " +
            "compute the hex HMAC-SHA256 of `<t>.<raw body>` with the secret, compare it with `v1` in constant time, and refuse a `t` more than 5 minutes from your clock. " +
            "Answer 2xx within 10 seconds; 5xx, 429 and no answer are retried for 24 hours, other 4xx are not.",
          requestParams: {
            header: z.object({
              "Shipshape-Event": z.string().meta({ description: "The event's kind (the body's `type`)." }),
              "Shipshape-Delivery": z.string().meta({ description: "The delivery's id: the same on every retry, to deduplicate." }),
              "Shipshape-Signature": z.string().meta({ description: "`t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\" with the secret>`." }),
            }),
          },
          requestBody: jsonBody(webhookEventBody),
          responses: { 200: { description: "Received; any 2xx will do." } },
          security: [],
        }),
      },
    },
    paths: {
      "/api/v1/projects": {
        get: operation({
          operationId: "listProjects",
          tags: ["Projects"],
          summary: "List the team's projects with their readiness",
          requestParams: { query: apiProjectListQuery },
          responses: responses({ 200: ok("A page of projects, oldest first (by creation time, then id).", projectPage) }, ["VALIDATION"]),
        }),
        post: operation({
          operationId: "createProject",
          tags: ["Projects"],
          summary: "Create a project from the built-in catalogue or a team template",
          description: "Needs a write token. The project starts with the template's items, all missing.",
          requestBody: jsonBody(apiCreateProjectBody),
          responses: responses(
            {
              201: ok("The new project.", projectDetail, {
                headers: rateLimitHeaders.extend({ Location: z.string().meta({ description: "The project's page in the app." }) }),
              }),
            },
            ["VALIDATION", "FORBIDDEN", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"],
          ),
        }),
      },
      "/api/v1/projects/{projectId}": {
        get: operation({
          operationId: "getProject",
          tags: ["Projects"],
          summary: "A project with its readiness summary and matrix",
          description: "Scored exactly as the dashboard scores it: the same percent, level, blockers and remaining effort.",
          requestParams: { path: projectPath },
          responses: responses({ 200: ok("The project.", projectDetail) }, ["NOT_FOUND"]),
        }),
      },
      "/api/v1/projects/{projectId}/report": {
        get: operation({
          operationId: "getReport",
          tags: ["Projects"],
          summary: "The project's status report as JSON, Markdown, CSV or PDF",
          description: "The same report as the app's Report tab and its downloads, computed with the same scoring.",
          requestParams: { path: projectPath, query: apiReportQuery },
          responses: responses(reportFormats(reportDocument), ["VALIDATION", "NOT_FOUND"]),
        }),
      },
      "/api/v1/report": {
        get: operation({
          operationId: "getPortfolioReport",
          tags: ["Projects"],
          summary: "The team's portfolio report as JSON, Markdown, CSV or PDF",
          description: "Every active project of the token's team with its readiness, level, blockers and forecast: the dashboard's portfolio report.",
          requestParams: { query: apiReportQuery },
          responses: responses(reportFormats(portfolioDocument), ["VALIDATION"]),
        }),
      },
      "/api/v1/projects/{projectId}/items": {
        get: operation({
          operationId: "listItems",
          tags: ["Items"],
          summary: "List a project's items, optionally filtered",
          requestParams: { path: projectPath, query: apiItemListQuery },
          responses: responses({ 200: ok("A page of items, in key order (compared as text), which re-ordering the checklist does not change.", itemPage) }, ["VALIDATION", "NOT_FOUND"]),
        }),
      },
      "/api/v1/projects/{projectId}/items/{key}": {
        get: operation({
          operationId: "getItem",
          tags: ["Items"],
          summary: "An item with its guidance, notes and evidence",
          requestParams: { path: itemPath },
          responses: responses(
            { 200: ok("The item. The ETag header carries its version.", itemDetail, { headers: rateLimitHeaders.extend({ ETag: z.string() }) }) },
            ["NOT_FOUND"],
          ),
        }),
        patch: operation({
          operationId: "updateItem",
          tags: ["Items"],
          summary: "Change an item's status, priority, owner, due date, effort or notes",
          description:
            "Needs a write token. Send the `version` you read (or `If-Match: \"<version>\"`) and only the fields you want to change. " +
            "If the item changed since, your change still lands on top of the current version unless a field you send was changed " +
            "meanwhile to another value: then nothing changes and the answer is 409 naming who changed what, in words. Marking an item DONE may need evidence first, depending on the project's evidence policy; " +
            "NOT_APPLICABLE needs a `notApplicableReason`.",
          requestParams: { path: itemPath, header: z.object({ "If-Match": z.string().optional().meta({ description: "The version you read, as an ETag." }) }) },
          requestBody: jsonBody(apiItemPatchBody),
          responses: responses(
            {
              200: ok("The item after the change.", itemDetail, { headers: rateLimitHeaders.extend({ ETag: z.string() }) }),
              409: { description: ERRORS.CONFLICT.api, content: { "application/json": { schema: itemConflict } } },
            },
            ["VALIDATION", "FORBIDDEN", "NOT_FOUND", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"],
          ),
        }),
      },
      "/api/v1/projects/{projectId}/items/bulk": {
        post: operation({
          operationId: "updateItems",
          tags: ["Items"],
          summary: "Set the status, priority, owner or due date of many items at once",
          description:
            "Needs a write token. Names 1–1,000 items of the project by `keys` (or `itemIds`) and one set of `changes` for all of them. " +
            "Each item is judged as a PATCH of it would be; an item the project's evidence policy does not let become DONE is left as it was " +
            "and listed in `refused` with the reason, while the others change. Items already as asked are counted in `unchanged`. " +
            "NOT_APPLICABLE needs one `notApplicableReason` for all. Everything lands in one transaction: a key the project does not have " +
            "is a 400 naming it, and nothing changes. (`GET` and `PATCH` on this path answer for an item whose key is `bulk`.)",
          requestParams: { path: projectPath },
          requestBody: jsonBody(apiBulkItemsBody),
          responses: responses({ 200: ok("The changed items and the refused ones.", bulkItemsResult) }, [
            "VALIDATION",
            "FORBIDDEN",
            "NOT_FOUND",
            "CONFLICT",
            "PAYLOAD_TOO_LARGE",
            "UNSUPPORTED_MEDIA_TYPE",
          ]),
        }),
      },
      "/api/v1/projects/{projectId}/items/{key}/evidence": {
        get: operation({
          operationId: "listEvidence",
          tags: ["Evidence"],
          summary: "An item's evidence, newest first",
          requestParams: { path: itemPath },
          responses: responses({ 200: ok("The evidence.", evidenceList) }, ["NOT_FOUND"]),
        }),
        post: operation({
          operationId: "addEvidence",
          tags: ["Evidence"],
          summary: "Attach a link as evidence",
          description: "Needs a write token. Idempotent: posting a URL the item already has returns that evidence with 200 instead of adding a copy.",
          requestParams: { path: itemPath },
          requestBody: jsonBody(apiAddEvidenceBody),
          responses: responses(
            { 201: ok("The evidence was added.", evidence), 200: ok("The item already had this URL; nothing changed.", evidence) },
            ["VALIDATION", "FORBIDDEN", "NOT_FOUND", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"],
          ),
        }),
      },
      "/api/v1/projects/{projectId}/items/{key}/comments": {
        get: operation({
          operationId: "listComments",
          tags: ["Comments"],
          summary: "An item's comments, oldest first",
          description: "Deleted comments are left out.",
          requestParams: { path: itemPath },
          responses: responses({ 200: ok("The comments.", commentList) }, ["NOT_FOUND"]),
        }),
        post: operation({
          operationId: "addComment",
          tags: ["Comments"],
          summary: "Comment on an item",
          description:
            "Needs a write token. The comment is posted under the token's name. Mentions (`@[Name](user:<id>)`, or `@` and a member's e-mail address) " +
            "resolve only to members of the token's team; any other is kept as plain text. An archived project's items take no comments (409).",
          requestParams: { path: itemPath },
          requestBody: jsonBody(apiCommentBody),
          responses: responses({ 201: ok("The comment, as stored.", comment) }, ["VALIDATION", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"]),
        }),
      },
      "/api/v1/comments/{commentId}": {
        patch: operation({
          operationId: "editComment",
          tags: ["Comments"],
          summary: "Change the text of a comment the token posted",
          description: "Needs a write token, and the comment must be one this token posted (403 otherwise): nobody edits another's words. Mentions are resolved again.",
          requestParams: { path: commentPath },
          requestBody: jsonBody(apiCommentBody),
          responses: responses({ 200: ok("The comment after the change.", comment) }, ["VALIDATION", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"]),
        }),
        delete: operation({
          operationId: "deleteComment",
          tags: ["Comments"],
          summary: "Delete a comment the token posted",
          description: "Needs a write token, and the comment must be one this token posted (403 otherwise); leads and admins moderate others' comments in the app.",
          requestParams: { path: commentPath },
          responses: responses({ 204: { description: "Deleted.", headers: rateLimitHeaders } }, ["FORBIDDEN", "NOT_FOUND", "CONFLICT"]),
        }),
      },
      "/api/v1/projects/{projectId}/checks": {
        get: operation({
          operationId: "listProjectChecks",
          tags: ["Checks"],
          summary: "Every check of a project, oldest first",
          requestParams: { path: projectPath },
          responses: responses({ 200: ok("The checks.", checkList) }, ["NOT_FOUND"]),
        }),
      },
      "/api/v1/projects/{projectId}/items/{key}/checks": {
        get: operation({
          operationId: "listItemChecks",
          tags: ["Checks"],
          summary: "An item's checks, oldest first",
          requestParams: { path: itemPath },
          responses: responses({ 200: ok("The checks.", checkList) }, ["NOT_FOUND"]),
        }),
        post: operation({
          operationId: "addCheck",
          tags: ["Checks"],
          summary: "Attach an automated check to an item",
          description:
            "Needs a write token. The check is due at once and PENDING, and the item unchanged, until its first result. " +
            "Checks reach only public addresses unless the operator allows private ranges (CHECKS_ALLOWED_NETWORKS). " +
            "An item has each check once: settings the same as one it has (defaults filled in) are 409 CONFLICT, with `details.checkId`.",
          requestParams: { path: itemPath },
          requestBody: jsonBody(apiAddCheckBody),
          responses: responses({ 201: ok("The check was added.", check) }, ["VALIDATION", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"]),
        }),
      },
      "/api/v1/projects/{projectId}/check-suggestions": {
        get: operation({
          operationId: "listCheckSuggestions",
          tags: ["Checks"],
          summary: "The checks the built-in catalogue suggests for a project",
          description:
            "Needs a write token. For each item whose key is a catalogue item with suggested checks, one proposal per suggestion the project's " +
            "production and repository URLs can fill, marked `alreadyExists` when the item has that check. `missingUrls` names the URLs to set for more.",
          requestParams: { path: projectPath },
          responses: responses({ 200: ok("The suggestions.", checkSuggestions) }, ["FORBIDDEN", "NOT_FOUND", "CONFLICT"]),
        }),
        post: operation({
          operationId: "acceptCheckSuggestions",
          tags: ["Checks"],
          summary: "Set up suggested checks in one step",
          description:
            "Needs a write token. Adds the chosen proposals as checks in one transaction, each as `addCheck` would; those the item already has are skipped, " +
            "so sending the same list twice adds nothing. A proposal no longer suggested is a 400 naming its place (`proposals.2`).",
          requestParams: { path: projectPath },
          requestBody: jsonBody(apiAcceptCheckSuggestionsBody),
          responses: responses(
            { 201: ok("Checks were added.", acceptedCheckSuggestions), 200: ok("Every chosen check was already set up; nothing changed.", acceptedCheckSuggestions) },
            ["VALIDATION", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"],
          ),
        }),
      },
      "/api/v1/projects/{projectId}/checks/{checkId}": {
        delete: operation({
          operationId: "removeCheck",
          tags: ["Checks"],
          summary: "Remove a check",
          description:
            "Needs a write token with the lead's rights (check.manage). The check and its results go; the item keeps its status, " +
            "and its last check result as evidence until that expires, so the item turns stale unless verified another way.",
          requestParams: { path: checkPath },
          responses: responses({ 204: { description: "Removed.", headers: rateLimitHeaders } }, ["FORBIDDEN", "NOT_FOUND", "CONFLICT"]),
        }),
      },
      "/api/v1/projects/{projectId}/checks/{checkId}/run": {
        post: operation({
          operationId: "runCheck",
          tags: ["Checks"],
          summary: "Run a check now",
          description:
            "Needs a write token. Waits for the result (at most the check's timeout) and applies it: a pass makes the item DONE; " +
            "a failure makes it the check's failingStatus once `failuresBeforeFailing` runs in a row failed. A failing target is a 200 with `result.passed` false.",
          requestParams: { path: checkPath },
          responses: responses({ 200: ok("The result and the check after it.", checkRun) }, ["FORBIDDEN", "NOT_FOUND", "CONFLICT"]),
        }),
      },
      "/api/v1/projects/{projectId}/checks/{checkId}/results": {
        post: operation({
          operationId: "reportCheckResult",
          tags: ["Checks"],
          summary: "Report a pipeline's result for a reported check",
          description:
            "Needs a write token. For checks of kind `reported` only (any other kind is a 409: Shipshape runs those itself). " +
            "The result is stored and applied at once, like a run: a pass makes the item DONE; a failure makes it the check's " +
            "failingStatus once `failuresBeforeFailing` results in a row failed. Later runs judge the latest report again, so the " +
            "item falls once no result has been reported for `maxAgeDays`. A failed result is a 201 with `result.passed` false.",
          requestParams: { path: checkPath },
          requestBody: jsonBody(apiReportResultBody),
          responses: responses({ 201: ok("The report was stored and applied.", checkReport) }, [
            "VALIDATION",
            "FORBIDDEN",
            "NOT_FOUND",
            "CONFLICT",
            "PAYLOAD_TOO_LARGE",
            "UNSUPPORTED_MEDIA_TYPE",
          ]),
        }),
      },
      "/api/v1/notifications": {
        get: operation({
          operationId: "listNotifications",
          tags: ["Notifications"],
          summary: "What the team's notifications told whom, newest first",
          description:
            "Every event that notified people (an assignment, a waiver to decide or decided, a mention, a comment, someone joining), as it was sent, " +
            "with the members it was sent to and whether each has read it in the app. The person who caused an event is never among its recipients.",
          requestParams: { query: apiNotificationListQuery },
          responses: responses({ 200: ok("A page of events, newest first (by time, then id).", sentNotificationPage) }, ["VALIDATION"]),
        }),
      },
      "/api/v1/repository-tokens": {
        get: operation({
          operationId: "listRepositoryTokens",
          tags: ["Repository tokens"],
          summary: "The team's read tokens for repository checks, by host",
          description: "Needs a write token. Shows each token's host, user name and last four characters, never the token.",
          responses: responses({ 200: ok("The stored tokens.", repositoryTokenList) }, ["FORBIDDEN"]),
        }),
        post: operation({
          operationId: "storeRepositoryToken",
          tags: ["Repository tokens"],
          summary: "Store a read token for a git host",
          description:
            "Needs a write token. Repository checks of https:// repositories on that host clone with it (HTTP basic authentication). " +
            "Replaces the team's token for the host if there is one. The token is stored encrypted and never returned; " +
            "the server refuses (503) when its operator has not set SHIPSHAPE_SECRET_KEY.",
          requestBody: jsonBody(apiStoreRepositoryTokenBody),
          responses: responses({ 200: ok("The token was stored.", repositoryToken) }, ["VALIDATION", "FORBIDDEN", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"]),
        }),
      },
      "/api/v1/repository-tokens/{tokenId}": {
        delete: operation({
          operationId: "removeRepositoryToken",
          tags: ["Repository tokens"],
          summary: "Remove a stored read token",
          description: "Needs a write token. Repository checks of its host clone without a token from then on.",
          requestParams: { path: repositoryTokenPath },
          responses: responses({ 204: { description: "Removed.", headers: rateLimitHeaders } }, ["FORBIDDEN", "NOT_FOUND"]),
        }),
      },
      "/api/v1/webhooks": {
        get: operation({
          operationId: "listWebhooks",
          tags: ["Webhooks"],
          summary: "The team's chat and webhook destinations, with their last deliveries",
          description: "Needs a write token. Never returns a signing secret; addresses are masked to their origin and last four characters.",
          responses: responses({ 200: ok("The destinations, oldest first.", webhookList) }, ["FORBIDDEN"]),
        }),
        post: operation({
          operationId: "createWebhook",
          tags: ["Webhooks"],
          summary: "Add a chat or webhook destination",
          description:
            "Needs a write token. `slack` and `teams` post a message with a link back to the app to an incoming webhook; `json` posts the event " +
            "(see the `notificationEvent` webhook) signed with a secret that this answer holds **once**. The address must be https:// and resolve to a " +
            "public address (the checks' network guard, CHECKS_ALLOWED_NETWORKS; plain http only to a network the operator allows); it is judged again at every delivery. " +
            "Failed deliveries are retried for 24 hours on network errors, timeouts (10 s), 5xx and 429; after 10 failed deliveries in a row the destination is turned off " +
            "and the person who added it and the admins are notified. A `json` destination needs SHIPSHAPE_SECRET_KEY on the server (503 otherwise).",
          requestBody: jsonBody(apiCreateWebhookBody),
          responses: responses({ 201: ok("The destination, with its signing secret (JSON only) shown this once.", createdWebhook) }, [
            "VALIDATION",
            "FORBIDDEN",
            "NOT_FOUND",
            "CONFLICT",
            "PAYLOAD_TOO_LARGE",
            "UNSUPPORTED_MEDIA_TYPE",
          ]),
        }),
      },
      "/api/v1/webhooks/{webhookId}": {
        delete: operation({
          operationId: "deleteWebhook",
          tags: ["Webhooks"],
          summary: "Remove a destination",
          description: "Needs a write token. Nothing more is sent to it; its delivery log goes with it.",
          requestParams: { path: webhookPath },
          responses: responses({ 204: { description: "Removed.", headers: rateLimitHeaders } }, ["FORBIDDEN", "NOT_FOUND"]),
        }),
      },
      "/api/v1/webhooks/{webhookId}/test": {
        post: operation({
          operationId: "testWebhook",
          tags: ["Webhooks"],
          summary: "Send a test message to a destination now",
          description: "Needs a write token. Sends one message of kind `TEST` and waits for the answer (at most 10 s); a failing receiver is a 200 with the failed delivery. Not retried.",
          requestParams: { path: webhookPath },
          responses: responses({ 200: ok("The test delivery.", webhookDelivery) }, ["FORBIDDEN", "NOT_FOUND"]),
        }),
      },
      "/api/v1/projects/{projectId}/items/{key}/evidence/{evidenceId}": {
        patch: operation({
          operationId: "updateEvidence",
          tags: ["Evidence"],
          summary: "Edit a piece of evidence",
          description:
            "Needs a write token. Changes the label, kind, link (`url`) or repository path (`path`) and re-verify date; absent fields stay. " +
            "The link or path is checked against the kind the evidence ends up with. A check's result cannot be edited (409). " +
            "A re-verify date that has passed makes the item stale once all its evidence has expired.",
          requestParams: { path: evidencePath },
          requestBody: jsonBody(apiEvidencePatchBody),
          responses: responses({ 200: ok("The evidence as edited.", evidence) }, ["VALIDATION", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"]),
        }),
        delete: operation({
          operationId: "removeEvidence",
          tags: ["Evidence"],
          summary: "Remove a piece of evidence",
          requestParams: { path: evidencePath },
          responses: responses({ 204: { description: "Removed.", headers: rateLimitHeaders } }, ["FORBIDDEN", "NOT_FOUND"]),
        }),
      },
    },
  });
}
