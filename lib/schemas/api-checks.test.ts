import { describe, expect, it } from "vitest";
import { apiAcceptCheckSuggestionsBody, apiAddCheckRequest } from "./api";

const errors = (schema: { safeParse: (input: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
};

// The API's bodies for checks answer with the same field messages as the
// add-check form, never zod's defaults ("expected number, received string").
describe("the API's check bodies", () => {
  const http = { kind: "http", settings: { url: "https://example.com/health" } };

  it("say what to type for the schedule of a new check", () => {
    expect(errors(apiAddCheckRequest, { ...http, intervalMinutes: "60" })).toEqual({ intervalMinutes: "Enter the interval in minutes." });
    expect(errors(apiAddCheckRequest, { ...http, intervalMinutes: 5.5 })).toEqual({ intervalMinutes: "Use a whole number for the interval in minutes." });
    expect(errors(apiAddCheckRequest, { ...http, intervalMinutes: 1 })).toEqual({ intervalMinutes: "Use at least 5 for the interval in minutes." });
    expect(errors(apiAddCheckRequest, { ...http, failuresBeforeFailing: 0 })).toEqual({ failuresBeforeFailing: "Use at least 1 for the failures before the item fails." });
    expect(errors(apiAddCheckRequest, { ...http, failingStatus: "DONE" })).toEqual({ failingStatus: "Choose PARTIAL or MISSING." });
    expect(apiAddCheckRequest.parse(http)).toMatchObject({ intervalMinutes: 60, failuresBeforeFailing: 2, failingStatus: "MISSING" });
  });

  it("say what to type for the interval of suggested checks", () => {
    expect(errors(apiAcceptCheckSuggestionsBody, { proposals: [0], intervalMinutes: 2000 })).toEqual({ intervalMinutes: "Use at most 1440 for the interval in minutes." });
  });

  it("say how to name the proposals to set up", () => {
    expect(errors(apiAcceptCheckSuggestionsBody, {})).toEqual({ proposals: "Choose the checks to set up." });
    expect(errors(apiAcceptCheckSuggestionsBody, { proposals: [] })).toEqual({ proposals: "Choose at least one check to set up." });
    expect(errors(apiAcceptCheckSuggestionsBody, { proposals: ["x"] })).toEqual({
      "proposals.0": "Use a proposal's id as the list of proposals gives it, such as infrastructure.health-checks:0.",
    });
    expect(errors(apiAcceptCheckSuggestionsBody, { proposals: [-1] })).toEqual({ "proposals.0": "Use a proposal's place in the list, from 0." });
    expect(apiAcceptCheckSuggestionsBody.parse({ proposals: ["security.https:0", 3] })).toEqual({ proposals: ["security.https:0", 3], intervalMinutes: 60 });
  });
});
