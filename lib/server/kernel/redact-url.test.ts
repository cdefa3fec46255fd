import { describe, expect, it } from "vitest";
import { redactUrlSecrets } from "./redact-url";

const SECRET = "s3cr3t-T0ken_value";

describe("URLs in request logs", () => {
  it("keep their shape and lose share-link, invitation and password reset tokens in the path", () => {
    expect(redactUrlSecrets(`/share/${SECRET}`)).toBe("/share/[redacted]");
    expect(redactUrlSecrets(`/share/${SECRET}/badge.svg`)).toBe("/share/[redacted]/badge.svg");
    expect(redactUrlSecrets(`/invite/${SECRET}?x=1`)).toBe("/invite/[redacted]?x=1");
    expect(redactUrlSecrets(`/reset-password/${SECRET}`)).toBe("/reset-password/[redacted]");
    expect(redactUrlSecrets("/projects/p1/items")).toBe("/projects/p1/items");
  });

  it("lose tokens in query parameters, named or nested in another parameter", () => {
    for (const url of [
      `/sign-in?next=${encodeURIComponent(`/invite/${SECRET}`)}&email=a%40example.com`,
      `/sign-in?next=/share/${SECRET}`,
      `/anything?token=${SECRET}`,
      `/%73hare/${SECRET}`,
      `/anything?api_key=${SECRET}&Token=${SECRET}`,
      new URL(`https://app.example/invite/${SECRET}?token=${SECRET}#${SECRET}`),
    ]) {
      expect(redactUrlSecrets(url), String(url)).not.toContain(SECRET);
    }
    expect(redactUrlSecrets(`/sign-in?next=${encodeURIComponent(`/invite/${SECRET}`)}`)).toBe("/sign-in?next=/invite/[redacted]");
  });

  it("never throws on odd input", () => {
    expect(redactUrlSecrets("/%E0%A4%A")).toEqual(expect.any(String));
  });
});
