// The REST API's OpenAPI 3.1 document, generated from the zod schemas the
// endpoints validate with (lib/schemas/api.ts). Served at
// /api/v1/openapi.json, rendered at /api-docs, linted in CI.
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import {
  apiAddEvidenceBody,
  apiCreateProjectBody,
  apiError,
  apiItemListQuery,
  apiItemPatchBody,
  apiProjectListQuery,
  evidence,
  evidenceList,
  evidencePath,
  itemConflict,
  itemDetail,
  itemPage,
  itemPath,
  projectDetail,
  projectPage,
  projectPath,
  apiReportQuery,
  portfolioDocument,
  reportDocument,
} from "@/lib/schemas/api";

const errorContent = { "application/json": { schema: apiError } };

const ERRORS = {
  400: "The request is not valid: see `error.fields` for each field's problem.",
  401: "The token is missing, malformed, unknown, revoked or expired.",
  403: "The token's scope does not allow this.",
  404: "Nothing with that id or key in the token's team.",
  409:
    "A field you are changing was changed by someone else since the version you sent (or the project is archived). " +
    "`error.message` says who changed what, in words; `error.details.changes` lists those changes and `error.details.current` holds the item now.",
  413: "The body is larger than 64 KiB.",
  415: "The body is not JSON.",
  429: "Too many requests with this token (or, without a valid token, from this address). Wait `Retry-After` seconds.",
} as const;

const rateLimitHeaders = z.object({
  "RateLimit-Limit": z.string().meta({ description: "Requests allowed per minute for this token." }),
  "RateLimit-Remaining": z.string().meta({ description: "Requests left in the current minute." }),
  "RateLimit-Reset": z.string().meta({ description: "Seconds until the allowance starts again." }),
});

function responses(success: ZodOpenApiResponsesObject, errors: (keyof typeof ERRORS)[]): ZodOpenApiResponsesObject {
  const all: ZodOpenApiResponsesObject = { ...success };
  for (const status of [401, 429, ...errors] as (keyof typeof ERRORS)[]) {
    all[String(status) as "400"] = {
      description: ERRORS[status],
      content: errorContent,
      ...(status === 429 ? { headers: z.object({ "Retry-After": z.string().meta({ description: "Seconds to wait." }) }) } : {}),
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
        "create projects, update items and add or remove evidence. Errors always have the shape " +
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
    ],
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "shp_ token", description: "A team API token." },
      },
    },
    paths: {
      "/api/v1/projects": {
        get: operation({
          operationId: "listProjects",
          tags: ["Projects"],
          summary: "List the team's projects with their readiness",
          requestParams: { query: apiProjectListQuery },
          responses: responses({ 200: ok("A page of projects, oldest first (by creation time, then id).", projectPage) }, [400]),
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
            [400, 403, 413, 415],
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
          responses: responses({ 200: ok("The project.", projectDetail) }, [404]),
        }),
      },
      "/api/v1/projects/{projectId}/report": {
        get: operation({
          operationId: "getReport",
          tags: ["Projects"],
          summary: "The project's status report as JSON, Markdown, CSV or PDF",
          description: "The same report as the app's Report tab and its downloads, computed with the same scoring.",
          requestParams: { path: projectPath, query: apiReportQuery },
          responses: responses(reportFormats(reportDocument), [400, 404]),
        }),
      },
      "/api/v1/report": {
        get: operation({
          operationId: "getPortfolioReport",
          tags: ["Projects"],
          summary: "The team's portfolio report as JSON, Markdown, CSV or PDF",
          description: "Every active project of the token's team with its readiness, level, blockers and forecast: the dashboard's portfolio report.",
          requestParams: { query: apiReportQuery },
          responses: responses(reportFormats(portfolioDocument), [400]),
        }),
      },
      "/api/v1/projects/{projectId}/items": {
        get: operation({
          operationId: "listItems",
          tags: ["Items"],
          summary: "List a project's items, optionally filtered",
          requestParams: { path: projectPath, query: apiItemListQuery },
          responses: responses({ 200: ok("A page of items, in key order (compared as text), which re-ordering the checklist does not change.", itemPage) }, [400, 404]),
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
            [404],
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
              409: { description: ERRORS[409], content: { "application/json": { schema: itemConflict } } },
            },
            [400, 403, 404, 413, 415],
          ),
        }),
      },
      "/api/v1/projects/{projectId}/items/{key}/evidence": {
        get: operation({
          operationId: "listEvidence",
          tags: ["Evidence"],
          summary: "An item's evidence, newest first",
          requestParams: { path: itemPath },
          responses: responses({ 200: ok("The evidence.", evidenceList) }, [404]),
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
            [400, 403, 404, 413, 415],
          ),
        }),
      },
      "/api/v1/projects/{projectId}/items/{key}/evidence/{evidenceId}": {
        delete: operation({
          operationId: "removeEvidence",
          tags: ["Evidence"],
          summary: "Remove a piece of evidence",
          requestParams: { path: evidencePath },
          responses: responses({ 204: { description: "Removed.", headers: rateLimitHeaders } }, [403, 404]),
        }),
      },
    },
  });
}
