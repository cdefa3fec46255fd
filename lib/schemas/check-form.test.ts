import { describe, expect, it } from "vitest";
import { addCheckInput } from "./check";
import { checkInputFromForm } from "./check-form";

const parse = (fields: Record<string, string>) => addCheckInput.safeParse(checkInputFromForm(fields));
const fieldErrors = (fields: Record<string, string>) => {
  const result = parse(fields);
  // The first message of each field, as the form shows it first.
  return result.success ? {} : Object.fromEntries(result.error.issues.reverse().map((issue) => [issue.path.join("."), issue.message]));
};

describe("the add-check form's fields as addCheck's input", () => {
  it("nests settings by their paths, reads numbers, and leaves blank optional fields to their defaults", () => {
    const input = checkInputFromForm({
      itemId: "item1",
      kind: "http",
      "settings.url": "https://example.com/health",
      "settings.method": "GET",
      "settings.expectedStatus.min": "200",
      "settings.expectedStatus.max": "204",
      "settings.bodyContains": "",
      "settings.bodyJson.path": "",
      "settings.bodyJson.equals": "",
      "settings.maxLatencyMs": "",
      "settings.timeoutMs": "",
      intervalMinutes: "15",
      failuresBeforeFailing: "",
      failingStatus: "PARTIAL",
      $ACTION_ID_abc: "",
    });
    expect(input).toEqual({
      itemId: "item1",
      kind: "http",
      intervalMinutes: 15,
      failingStatus: "PARTIAL",
      settings: { url: "https://example.com/health", method: "GET", expectedStatus: { min: 200, max: 204 } },
    });
    expect(parse({ itemId: "item1", kind: "http", "settings.url": "https://example.com/health" }).data).toMatchObject({
      intervalMinutes: 60,
      failuresBeforeFailing: 2,
      settings: { kind: "http", timeoutMs: 10_000, expectedStatus: { min: 200, max: 399 } },
    });
  });

  it("reports errors under the form's field names", () => {
    expect(fieldErrors({ itemId: "i", kind: "http", "settings.url": "not a url", intervalMinutes: "2" })).toEqual({
      "settings.url": "Enter a full http:// or https:// address.",
      intervalMinutes: "Use at least 5 for the interval in minutes.",
    });
    expect(fieldErrors({ itemId: "i", kind: "http", "settings.url": "", "settings.timeoutMs": "soon" })).toEqual({
      "settings.url": "Enter a full http:// or https:// address.",
      "settings.timeoutMs": "Enter the timeout.",
    });
    // One field of an optional group filled: the other is asked for.
    expect(fieldErrors({ itemId: "i", kind: "http", "settings.url": "https://x.test", "settings.bodyJson.path": "", "settings.bodyJson.equals": "ok" })).toEqual({
      "settings.bodyJson.path": "Enter the JSON path, such as status or checks.database.status.",
    });
    expect(fieldErrors({ itemId: "i", kind: "reported", "settings.maxAgeDays": "" })).toEqual({ "settings.maxAgeDays": "Enter the number of days." });
  });

  it("reads an expected JSON value as a number, true, false or null when it is one", () => {
    const equals = (text: string) => (checkInputFromForm({ kind: "http", "settings.bodyJson.path": "status", "settings.bodyJson.equals": text }).settings as { bodyJson: { equals: unknown } }).bodyJson.equals;
    expect([equals("ok"), equals("200"), equals("true"), equals("null"), equals(" up ")]).toEqual(["ok", 200, true, null, " up "]);
  });

  it("builds a list from numbered rows, dropping empty rows", () => {
    const input = checkInputFromForm({
      itemId: "i",
      kind: "repository",
      "settings.url": "https://git.example.com/app.git",
      "settings.path": "",
      "settings.files.0.path": "SECURITY.md",
      "settings.files.0.pattern": "",
      "settings.files.1.path": "",
      "settings.files.1.pattern": "",
      "settings.files.2.path": ".github/workflows/*.yml",
      "settings.files.2.pattern": "npm test",
    });
    expect(input.settings).toEqual({
      url: "https://git.example.com/app.git",
      files: [{ path: "SECURITY.md" }, { path: ".github/workflows/*.yml", pattern: "npm test" }],
    });
    expect(parse({ itemId: "i", kind: "repository", "settings.url": "https://git.example.com/app.git", "settings.files.0.path": "" }).error?.issues[0]).toMatchObject({
      path: ["settings", "files"],
      message: "List the files that must exist.",
    });
    expect(fieldErrors({ itemId: "i", kind: "repository", "settings.url": "https://g.test/a.git", "settings.files.0.path": "", "settings.files.0.pattern": "x" })).toEqual({
      "settings.files.0.path": "Enter a file path or glob, such as SECURITY.md or .github/workflows/*.yml.",
    });
  });

  it("reads the settings of TLS and DNS checks", () => {
    expect(parse({ itemId: "i", kind: "tls", "settings.host": "Example.com", "settings.port": "8443", "settings.minDaysLeft": "" }).data?.settings).toMatchObject({ host: "example.com", port: 8443, minDaysLeft: 21 });
    expect(parse({ itemId: "i", kind: "dns", "settings.name": "example.com", "settings.type": "MX", "settings.expectedValue": "" }).data?.settings).toEqual({ kind: "dns", name: "example.com", type: "MX", timeoutMs: 10_000 });
  });

  it("reads the ticked tests of a security headers check as a list", () => {
    expect(parse({ itemId: "i", kind: "headers", "settings.url": "https://x.test/", "settings.minimumScore": "", "settings.requiredTests.1": "cookies", "settings.requiredTests.5": "strict-transport-security" }).data?.settings).toMatchObject({
      kind: "headers",
      minimumScore: 70,
      requiredTests: ["cookies", "strict-transport-security"],
    });
    expect(fieldErrors({ itemId: "i", kind: "headers", "settings.url": "https://x.test/", "settings.minimumScore": "200" })).toEqual({ "settings.minimumScore": "Use at most 135 for the minimum score." });
  });

  it("ignores field names that would reach an object's prototype or make a giant list", () => {
    const input = checkInputFromForm({
      itemId: "i",
      kind: "http",
      "settings.url": "https://x.test",
      "settings.__proto__.polluted": "yes",
      "settings.constructor.prototype.polluted": "yes",
      "settings.files.99999999.path": "a",
      "settings..url": "b",
    });
    expect(input.settings).toEqual({ url: "https://x.test" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
