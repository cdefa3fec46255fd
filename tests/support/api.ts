// Calls the REST API's route handlers in-process, as Next would, and checks
// every answer against the OpenAPI document. Records which documented
// operations were exercised, so the contract test can insist on all of them.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import * as checkSuggestionsRoute from "@/app/api/v1/projects/[projectId]/check-suggestions/route";
import * as checkResultsRoute from "@/app/api/v1/projects/[projectId]/checks/[checkId]/results/route";
import * as checkRunRoute from "@/app/api/v1/projects/[projectId]/checks/[checkId]/run/route";
import * as checkRoute from "@/app/api/v1/projects/[projectId]/checks/[checkId]/route";
import * as itemChecksRoute from "@/app/api/v1/projects/[projectId]/items/[key]/checks/route";
import * as projectChecksRoute from "@/app/api/v1/projects/[projectId]/checks/route";
import * as commentRoute from "@/app/api/v1/comments/[commentId]/route";
import * as itemCommentsRoute from "@/app/api/v1/projects/[projectId]/items/[key]/comments/route";
import * as evidenceItemRoute from "@/app/api/v1/projects/[projectId]/items/[key]/evidence/[evidenceId]/route";
import * as evidenceRoute from "@/app/api/v1/projects/[projectId]/items/[key]/evidence/route";
import * as itemRoute from "@/app/api/v1/projects/[projectId]/items/[key]/route";
import * as bulkItemsRoute from "@/app/api/v1/projects/[projectId]/items/bulk/route";
import * as itemsRoute from "@/app/api/v1/projects/[projectId]/items/route";
import * as reportRoute from "@/app/api/v1/projects/[projectId]/report/route";
import * as portfolioRoute from "@/app/api/v1/report/route";
import * as projectRoute from "@/app/api/v1/projects/[projectId]/route";
import * as projectsRoute from "@/app/api/v1/projects/route";
import * as notificationsRoute from "@/app/api/v1/notifications/route";
import * as repositoryTokenRoute from "@/app/api/v1/repository-tokens/[tokenId]/route";
import * as repositoryTokensRoute from "@/app/api/v1/repository-tokens/route";
import * as webhookTestRoute from "@/app/api/v1/webhooks/[webhookId]/test/route";
import * as webhookRoute from "@/app/api/v1/webhooks/[webhookId]/route";
import * as webhooksRoute from "@/app/api/v1/webhooks/route";
import { openApiDocument } from "@/lib/server/api/openapi";
import { createApiToken } from "@/lib/server/services/api-tokens";
import type { Actor } from "@/lib/server/kernel/actor";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Method = "GET" | "POST" | "PATCH" | "DELETE";

const ROUTES: { template: string; module: Partial<Record<Method, Handler>> }[] = [
  { template: "/api/v1/projects", module: projectsRoute },
  { template: "/api/v1/projects/{projectId}", module: projectRoute },
  { template: "/api/v1/projects/{projectId}/report", module: reportRoute },
  { template: "/api/v1/report", module: portfolioRoute },
  { template: "/api/v1/projects/{projectId}/items", module: itemsRoute },
  // Before {key}, as Next matches it: a fixed segment wins over a parameter.
  { template: "/api/v1/projects/{projectId}/items/bulk", module: bulkItemsRoute },
  { template: "/api/v1/projects/{projectId}/items/{key}", module: itemRoute },
  { template: "/api/v1/projects/{projectId}/items/{key}/evidence", module: evidenceRoute },
  { template: "/api/v1/projects/{projectId}/items/{key}/evidence/{evidenceId}", module: evidenceItemRoute },
  { template: "/api/v1/projects/{projectId}/items/{key}/comments", module: itemCommentsRoute },
  { template: "/api/v1/comments/{commentId}", module: commentRoute },
  { template: "/api/v1/projects/{projectId}/checks", module: projectChecksRoute },
  { template: "/api/v1/projects/{projectId}/items/{key}/checks", module: itemChecksRoute },
  { template: "/api/v1/projects/{projectId}/checks/{checkId}", module: checkRoute },
  { template: "/api/v1/projects/{projectId}/checks/{checkId}/run", module: checkRunRoute },
  { template: "/api/v1/projects/{projectId}/check-suggestions", module: checkSuggestionsRoute },
  { template: "/api/v1/projects/{projectId}/checks/{checkId}/results", module: checkResultsRoute },
  { template: "/api/v1/notifications", module: notificationsRoute },
  { template: "/api/v1/repository-tokens", module: repositoryTokensRoute },
  { template: "/api/v1/repository-tokens/{tokenId}", module: repositoryTokenRoute },
  { template: "/api/v1/webhooks", module: webhooksRoute },
  { template: "/api/v1/webhooks/{webhookId}", module: webhookRoute },
  { template: "/api/v1/webhooks/{webhookId}/test", module: webhookTestRoute },
];

const document = openApiDocument();
const exercised = new Set<string>();

/** The documented operations ("GET /api/v1/projects") with one of these tags (all without tags). */
export function documentedOperations(tags?: string[]): string[] {
  type Operation = { tags?: string[] };
  return Object.entries((document.paths ?? {}) as Record<string, Record<string, Operation>>).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method, operation]) => ["get", "post", "patch", "delete", "put"].includes(method) && (!tags || operation.tags?.some((tag) => tags.includes(tag))))
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
}

/** Of those operations, the ones no call in this test file has made. */
export const notExercised = (operations: string[]) => operations.filter((operation) => !exercised.has(operation));

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validators = new Map<string, ReturnType<typeof ajv.compile>>();

function match(pathname: string) {
  for (const route of ROUTES) {
    const names: string[] = [];
    const pattern = new RegExp(`^${route.template.replace(/\{(\w+)\}/g, (_, name) => (names.push(name), "([^/]+)"))}$`);
    const found = pattern.exec(pathname);
    if (found) return { route, params: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])])) };
  }
  throw new Error(`No route for ${pathname}`);
}

// Bodies are checked against the OpenAPI document before a test reads them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ApiAnswer = { status: number; body: any; headers: Headers };

type CallOptions = { token?: string | null; body?: unknown; rawBody?: string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array<ArrayBuffer>>; headers?: Record<string, string>; address?: string };

// Each test file calls from its own address unless told otherwise, so the
// per-address allowance of one test never throttles another.
const defaultAddress = `203.0.113.${(process.pid % 200) + 1}`;

export async function callApi(method: Method, path: string, options: CallOptions = {}): Promise<ApiAnswer> {
  const url = new URL(path, "http://localhost:3000");
  const { route, params } = match(url.pathname);
  const handler = route.module[method];
  if (!handler) throw new Error(`${method} ${route.template} is not implemented`);
  const headers: Record<string, string> = { "x-forwarded-for": options.address ?? defaultAddress, ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const response = await handler(new Request(url, { method, headers, body, duplex: "half" } as RequestInit), { params: Promise.resolve(params) });
  const text = await response.text();
  const json = (response.headers.get("content-type") ?? "").startsWith("application/json");
  const answer: ApiAnswer = { status: response.status, body: json ? JSON.parse(text) : text || null, headers: response.headers };
  conformsToDocument(method, route.template, answer);
  exercised.add(`${method} ${route.template}`);
  return answer;
}

// The answer's status is documented for the operation, and its body matches
// the documented schema.
function conformsToDocument(method: Method, template: string, answer: ApiAnswer) {
  type Operation = { responses: Record<string, { content?: Record<string, { schema?: object }> }> };
  const operation = (document.paths as Record<string, Record<string, Operation>> | undefined)?.[template]?.[method.toLowerCase()];
  expect(operation, `${method} ${template} is not in the OpenAPI document`).toBeDefined();
  const response = operation?.responses[String(answer.status)];
  expect(response, `${method} ${template} answered ${answer.status}, which is not documented`).toBeDefined();
  const type = (answer.headers.get("content-type") ?? "").split(";")[0];
  if (!response?.content) {
    expect(answer.body).toBeNull();
    return;
  }
  expect(Object.keys(response.content), `${method} ${template} answered ${type}, which is not documented`).toContain(type);
  const schema = response.content[type]?.schema;
  if (type !== "application/json" || !schema) return;
  const key = `${method} ${template} ${answer.status}`;
  const validate = validators.get(key) ?? ajv.compile({ ...schema, components: document.components });
  validators.set(key, validate);
  const valid = validate(answer.body);
  expect(valid, `${method} ${template} ${answer.status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(answer.body).slice(0, 500)}`).toBe(true);
}

export async function tokenFor(admin: Actor, scope: "read" | "write", name = `${scope} token`, expiresInDays: number | null = null) {
  const { token, secret } = await createApiToken(admin, { name, scope, expiresInDays });
  return { id: token.id, secret };
}
