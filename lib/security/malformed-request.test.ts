import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, decodablePath, malformedPathResponse, oversizedActionResponse } from "./malformed-request";

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

describe("oversized server-action requests", () => {
  const headers = (length: number, action = true) => new Headers({ "content-length": String(length), ...(action ? { "next-action": "abc" } : {}) });
  it("are refused with 413 when they declare a body over Next's limit", () => {
    expect(oversizedActionResponse("POST", headers(ACTION_BODY_LIMIT_BYTES + 1))?.status).toBe(413);
    expect(oversizedActionResponse("POST", headers(ACTION_BODY_LIMIT_BYTES))).toBeNull();
    expect(oversizedActionResponse("POST", headers(ACTION_BODY_LIMIT_BYTES + 1, false))).toBeNull();
    expect(oversizedActionResponse("GET", headers(ACTION_BODY_LIMIT_BYTES + 1))).toBeNull();
  });
});
