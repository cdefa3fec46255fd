import { describe, expect, it } from "vitest";
import { isHttps, plainHttpSignInProblem } from "./secure-transport";

describe("whether cookies are Secure", () => {
  it("follows APP_URL, not NODE_ENV", () => {
    expect(isHttps("https://ship.example", 0, null)).toBe(true);
    expect(isHttps("http://localhost:3000", 0, null)).toBe(false);
    expect(isHttps("http://192.168.1.20:3000", 0, null)).toBe(false);
  });

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(isHttps("http://ship.internal", 0, "https")).toBe(false);
    expect(isHttps("http://ship.internal", 1, "https")).toBe(true);
    expect(isHttps("http://ship.internal", 2, "HTTPS, http")).toBe(true);
    expect(isHttps("http://ship.internal", 1, "http")).toBe(false);
    expect(isHttps("http://ship.internal", 1, null)).toBe(false);
  });
});

describe("a sign-in over plain HTTP", () => {
  it("works when cookies are not Secure, or the page is on localhost", () => {
    expect(plainHttpSignInProblem(false, "http://192.168.1.20:3000", "http://localhost:3000")).toBeNull();
    expect(plainHttpSignInProblem(true, "http://localhost:3000", "https://ship.example")).toBeNull();
    expect(plainHttpSignInProblem(true, "http://127.0.0.1:3000", "https://ship.example")).toBeNull();
    expect(plainHttpSignInProblem(true, "https://ship.example", "https://ship.example")).toBeNull();
  });

  it("says clearly why not when the browser would drop the Secure cookie", () => {
    expect(plainHttpSignInProblem(true, "http://192.168.1.20:3000", "https://ship.example")).toMatch(/only over HTTPS.*https:\/\/ship\.example/);
  });
});
