// Bad input never makes the REST API fail: a NUL, an unpaired surrogate, a
// day outside the stated range, an effort that is no quarter hour, a path or
// method the API does not have — each gets a 4xx in the JSON error shape
// naming the field or the request, and nothing changes.
import { beforeAll, describe, expect, it } from "vitest";
import * as catchAll from "@/app/api/v1/[...path]/route";
import * as projectsRoute from "@/app/api/v1/projects/route";
import * as evidenceItemRoute from "@/app/api/v1/projects/[projectId]/items/[key]/evidence/[evidenceId]/route";
import { db } from "@/lib/server/kernel/db";
import { callApi, tokenFor } from "../support/api";
import { teamWith } from "../support/fixtures";
import { catalogueProject, itemByKey } from "../support/readiness";

let projectId: string;
let itemId: string;
let write: { secret: string };

beforeAll(async () => {
  const { actors } = await teamWith(["ADMIN", "LEAD"], "Bad input");
  const [admin, lead] = actors;
  projectId = await catalogueProject(lead, ["security"], "Bad input API");
  itemId = (await itemByKey(projectId, "security.headers")).id;
  write = await tokenFor(admin, "write");
});

const itemPath = () => `/api/v1/projects/${projectId}/items/security.headers`;
const item = () => db.item.findUniqueOrThrow({ where: { id: itemId }, select: { version: true, notes: true, dueDate: true, effortHours: true } });

describe("bad field values", () => {
  it.each([
    ["notes", { notes: "before\u0000after" }, /control character/],
    ["notes", { notes: "half a pair \ud800" }, /unpaired surrogate/],
    ["dueDate", { dueDate: "0000-01-01" }, /1900-01-01/],
    ["effortHours", { effortHours: 5e-324 }, /quarter hour/],
    ["version", { notes: "x", version: 1e300 }, /2147483647/],
  ])("%s: %j is refused with a field error and changes nothing", async (field, body, message) => {
    const before = await item();
    const answer = await callApi("PATCH", itemPath(), { token: write.secret, body: { version: before.version, ...body } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("VALIDATION");
    expect(answer.body.error.fields[field].join(" ")).toMatch(message);
    expect(await item()).toEqual(before);
  });

  it("refuses an unpaired surrogate written as a JSON escape", async () => {
    const before = await item();
    const answer = await callApi("PATCH", itemPath(), { token: write.secret, rawBody: `{"version":${before.version},"notes":"\\udc00"}`, headers: { "content-type": "application/json" } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.notes).toBeDefined();
    expect(await item()).toEqual(before);
  });

  it("refuses a body that is not UTF-8 instead of storing replacement characters", async () => {
    const before = await item();
    const bytes = Buffer.concat([Buffer.from(`{"version":${before.version},"notes":"caf`), Buffer.from([0xe9]), Buffer.from(`"}`)]);
    const answer = await callApi("PATCH", itemPath(), { token: write.secret, rawBody: new Uint8Array(bytes), headers: { "content-type": "application/json" } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields._body.join(" ")).toMatch(/UTF-8/);
    expect(await item()).toEqual(before);
  });

  it("answers a body the client stops sending midway with a 400, not a 500", async () => {
    const before = await item();
    const body = new ReadableStream<Uint8Array<ArrayBuffer>>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`{"version":${before.version},"notes":"half`));
        controller.error(new Error("aborted"));
      },
    });
    const answer = await callApi("PATCH", itemPath(), { token: write.secret, rawBody: body, headers: { "content-type": "application/json" } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields._body.join(" ")).toMatch(/ended before it was complete/);
    expect(await item()).toEqual(before);
  });

  it("answers a NUL in a path or query parameter with a 4xx, not a database error", async () => {
    expect((await callApi("GET", `/api/v1/projects/a%00b`, { token: write.secret })).status).toBe(404);
    expect((await callApi("GET", `${itemPath().replace("security.headers", "a%00b")}`, { token: write.secret })).status).toBe(404);
    const query = await callApi("GET", `/api/v1/projects/${projectId}/items?q=a%00b`, { token: write.secret });
    expect(query.status).toBe(400);
    expect(query.body.error.fields.q).toBeDefined();
  });
});

const call = (handler: (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>, method: string, path: string, params: Record<string, string | string[]> = {}) =>
  handler(new Request(new URL(path, "http://localhost:3000"), { method, headers: { authorization: `Bearer ${write.secret}` } }), { params: Promise.resolve(params) });

describe("paths and methods the API does not have", () => {
  it.each(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const)("%s on an unknown path: 404 in the error shape", async (method) => {
    const response = await call(catchAll[method], method, "/api/v1/nothing/here", { path: ["nothing", "here"] });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await response.json()).error).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("/api/v1/nothing/here") });
  });

  it("a method a path lacks: 405 in the error shape, with Allow", async () => {
    const put = await call(projectsRoute.PUT, "PUT", "/api/v1/projects");
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
    expect((await put.json()).error).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
    const get = await call(evidenceItemRoute.GET, "GET", `/api/v1/projects/${projectId}/items/security.headers/evidence/x`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("PATCH, DELETE, OPTIONS");
  });
});
