import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, actionBodyResponse, decodablePath, isActionRequest, malformedPathResponse } from "./malformed-request";

describe("malformed paths", () => {
  it("tells paths that decode from those that do not", () => {
    expect(decodablePath("/api/v1/projects/abc%20d%C3%A9")).toBe(true);
    for (const bad of ["/api/v1/projects/%ED%A0%80", "/p/%E0%A4%A", "/%FF", "/%"]) expect(decodablePath(bad), bad).toBe(false);
  });

  it("answers 400 in the API's error shape under /api/", async () => {
    const response = malformedPathResponse("/api/v1/projects/%ED%A0%80");
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "VALIDATION", fields: { path: [expect.any(String)] } });
    expect(malformedPathResponse("/projects/%ED%A0%80").headers.get("content-type")).toMatch(/^text\/plain/);
  });
});

describe("server-action bodies Next would fail on", () => {
  const headers = (length: number | null, extra: Record<string, string> = { "next-action": "abc" }) =>
    new Headers({ ...(length === null ? {} : { "content-length": String(length) }), ...extra });
  const status = (method: string, path: string, given: Headers) => actionBodyResponse(method, path, given)?.status ?? null;

  it("are refused with 413 when they declare a body over Next's limit", () => {
    expect(status("POST", "/sign-in", headers(ACTION_BODY_LIMIT_BYTES + 1))).toBe(413);
    expect(status("POST", "/sign-in", headers(ACTION_BODY_LIMIT_BYTES))).toBeNull();
    expect(status("POST", "/sign-in", headers(ACTION_BODY_LIMIT_BYTES + 1, {}))).toBeNull();
    expect(status("GET", "/sign-in", headers(ACTION_BODY_LIMIT_BYTES + 1))).toBeNull();
  });

  it("are refused with 411 when they do not state their length (chunked)", () => {
    expect(status("POST", "/sign-in", headers(null))).toBe(411);
    expect(status("POST", "/sign-in", headers(null, { "next-action": "abc", "content-length": "12, 12" }))).toBe(411);
  });

  it("include forms posted before the page's script ran (multipart to a page), not API uploads", () => {
    const multipart = { "content-type": "multipart/form-data; boundary=x" };
    expect(status("POST", "/projects/new", headers(null, multipart))).toBe(411);
    expect(status("POST", "/projects/new", headers(ACTION_BODY_LIMIT_BYTES + 1, multipart))).toBe(413);
    expect(status("POST", "/api/v1/projects", headers(null, multipart))).toBeNull();
    // A route handler reads its own body, Next-Action header or not.
    expect(status("POST", "/api/v1/projects", headers(null))).toBeNull();
    expect(status("POST", "/api/v1/projects", headers(ACTION_BODY_LIMIT_BYTES + 1))).toBeNull();
    expect(isActionRequest("POST", "/sign-in", headers(10, { "content-type": "application/x-www-form-urlencoded" }))).toBe(false);
  });
});
