// The inputs of the check services (lib/server/services/checks.ts): adding a
// check to an item, listing a project's checks, removing and running one.
import { z } from "zod";
import { FAILING_STATUSES } from "@/lib/domain/checks/verdict";
import { checkSettings, CHECK_KINDS, type CheckSettings } from "./check-settings";
import { httpUrl, id, plainString } from "./fields";
import { itemKey, itemReference, NAMES_AN_ITEM } from "./item";

const whole = (label: string, min: number, max: number) =>
  z
    .number({ error: `Enter ${label}.` })
    .int(`Use a whole number for ${label}.`)
    .min(min, `Use at least ${min} for ${label}.`)
    .max(max, `Use at most ${max} for ${label}.`);

export const MIN_CHECK_INTERVAL_MINUTES = 5;
export const MAX_CHECK_INTERVAL_MINUTES = 1440;

// `kind` may be sent beside the settings (the API's shape) or inside them;
// beside them, it is copied in, so the settings' own errors name their fields
// as `settings.url` and a mismatch is the `kind` field's error.
export const withKindInSettings = (input: unknown) => {
  if (!input || typeof input !== "object") return input;
  const { kind, settings } = input as { kind?: unknown; settings?: unknown };
  if (kind === undefined || !settings || typeof settings !== "object" || "kind" in settings) return input;
  return { ...input, settings: { ...settings, kind } };
};

/** How often the check runs, in minutes, with messages that say what to type; shared with the API's bodies. */
export const checkIntervalMinutes = whole("the interval in minutes", MIN_CHECK_INTERVAL_MINUTES, MAX_CHECK_INTERVAL_MINUTES)
  .default(60)
  .meta({ description: `How often the check runs, in minutes (${MIN_CHECK_INTERVAL_MINUTES}–${MAX_CHECK_INTERVAL_MINUTES}, default 60).` });

/** A new check's schedule and failing rule besides its interval, as addCheckInput and the API's body take them. */
export const checkFailureFields = {
  failuresBeforeFailing: whole("the failures before the item fails", 1, 10)
    .default(2)
    .meta({ description: "Failures in a row before the item falls to `failingStatus` (1–10, default 2)." }),
  failingStatus: z.enum(FAILING_STATUSES, { error: "Choose PARTIAL or MISSING." }).default("MISSING").meta({ description: "What the item becomes while the check fails." }),
};

/** A check for an item, named by `itemId` or by `projectId` and `key`. */
export const addCheckInput = z.preprocess(
  withKindInSettings,
  z
    .object({
      ...itemReference,
      kind: z.enum(CHECK_KINDS, { error: `Choose a kind of check: ${CHECK_KINDS.join(", ")}.` }).optional(),
      settings: checkSettings,
      intervalMinutes: checkIntervalMinutes,
      ...checkFailureFields,
    })
    .refine(...NAMES_AN_ITEM)
    .refine((input) => input.kind === undefined || input.kind === input.settings.kind, {
      message: "The kind must match the settings' kind.",
      path: ["kind"],
    }),
);
export type AddCheckInput = z.infer<typeof addCheckInput>;

/** A project's checks, or one item's (by its key). */
export const listChecksInput = z.object({ projectId: id, itemKey: itemKey.optional() });

/** The latest results of a project's checks, or of one item's (by its key): at most `perCheck` (1–20, default 10) each. */
export const recentCheckResultsInput = z.object({
  projectId: id,
  itemKey: itemKey.optional(),
  perCheck: whole("the number of results per check", 1, 20).default(10),
});

/** Every check of a project, or of one item (by its key), run now. */
export const runProjectChecksInput = z.object({ projectId: id, itemKey: itemKey.optional() });

/** One check, by id; with `projectId` (the API's paths), it must be that project's. */
export const checkRefInput = z.object({ checkId: id, projectId: id.optional() });

/** The longest summary a pipeline may report, in characters. */
export const MAX_REPORT_SUMMARY = 500;
/** The most a reported result's `details` may weigh, as JSON, in bytes. */
export const MAX_REPORT_DETAILS_BYTES = 4096;

const jsonBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

// PostgreSQL's jsonb refuses NUL and unpaired surrogates in strings, keys or
// values alike; refused here as a field error rather than failing the insert.
const storableText = (value: unknown): boolean => {
  if (typeof value === "string") return value.isWellFormed() && !value.includes("\u0000");
  if (Array.isArray(value)) return value.every(storableText);
  if (value && typeof value === "object") return Object.entries(value).every(([key, entry]) => storableText(key) && storableText(entry));
  return true;
};

/** What a pipeline reports for a `reported` check: whether it passed, and optionally a summary, details and a link to the run. */
export const reportedResultFields = {
  passed: z.boolean({ error: "Say whether the check passed: true or false." }).meta({ description: "Whether what the pipeline checked passed." }),
  summary: plainString()
    .trim()
    .max(MAX_REPORT_SUMMARY, `Use at most ${MAX_REPORT_SUMMARY} characters.`)
    .optional()
    .transform((value) => value || undefined)
    .meta({ description: `One line on what the pipeline saw (at most ${MAX_REPORT_SUMMARY} characters).` }),
  details: z
    .record(plainString(), z.unknown(), { error: "Send the details as a JSON object." })
    .refine((value) => jsonBytes(value) <= MAX_REPORT_DETAILS_BYTES, `Keep the details under ${MAX_REPORT_DETAILS_BYTES} bytes of JSON.`)
    .refine(storableText, "Remove the NUL character or invalid Unicode (an unpaired surrogate) from the details.")
    .optional()
    .meta({ description: `Plain JSON the pipeline wants kept with the result (at most ${MAX_REPORT_DETAILS_BYTES} bytes).` }),
  url: httpUrl
    .refine((value) => URL.parse(value)?.protocol === "https:", "Link the pipeline run with an https:// address.")
    .optional()
    .meta({ description: "The pipeline run, an https:// link." }),
};

/** A result reported for a check (`checkId`, in `projectId` when given). */
export const reportCheckResultInput = z.object({ checkId: id, projectId: id.optional(), ...reportedResultFields });
export type ReportCheckResultInput = z.infer<typeof reportCheckResultInput>;

/** What a check looks at, in a few words, for activity records and lists. */
export function checkTarget(settings: CheckSettings): string {
  switch (settings.kind) {
    case "http":
      return settings.url;
    case "tls":
      return `${settings.host}:${settings.port}`;
    case "dns":
      return `${settings.type} ${settings.name}`;
    case "repository":
      return settings.url ?? settings.path ?? "";
    case "reported":
      return `a result reported every ${settings.maxAgeDays} days`;
    case "headers":
      return settings.url;
  }
}
