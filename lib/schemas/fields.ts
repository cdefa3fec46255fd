// Field schemas shared by the readiness inputs. Forms send strings; an empty
// optional field means "no value" (null), never an error.
//
// One rule for every text field (ADR 0023): it is valid Unicode (no unpaired
// UTF-16 surrogate) and holds no control character, except that multi-line
// fields keep newlines and tabs (a CR LF or a lone CR becomes a newline).
// Such input would otherwise reach the database, which refuses NUL, or be
// stored in a form no reader can show. Text is stored NFC-normalised (ADR
// 0023): "é" typed as e + combining accent and "é" as one character are the
// same name, and must not become two categories or two items that look alike.
// Every string of lib/schemas is built
// from `plainString` or `multilineString` (tests/unit/schemas/field-rule.test.ts).
import { z } from "zod";
import { withAssumedScheme } from "@/lib/domain/link-url";
import { isTimeZone, normaliseTimeZone } from "@/lib/domain/time-zone";

const blankToNull = (value: unknown) => (value === undefined || (typeof value === "string" && value.trim() === "") ? null : value);

// Unicode's control characters (Cc): C0, DEL and C1.
const ANY_CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINES = /(?![\n\t])\p{Cc}/u;

export const INVALID_UNICODE = "This text contains an invalid character (an unpaired surrogate); retype it.";
export const CONTROL_CHARACTER = "Remove the control character (such as NUL) from this text.";
export const CONTROL_CHARACTER_MULTILINE = "Remove the control character (such as NUL) from this text; only line breaks and tabs are allowed.";

// An unpaired surrogate is refused above; normalising leaves it as it is.
const toNfc = (value: string) => value.normalize("NFC");

/** A single-line string: valid Unicode without control characters. Refused with a field error, never thrown. */
export const plainString = (params?: { error?: string }) =>
  z
    .string(params)
    .refine((value) => value.isWellFormed(), INVALID_UNICODE)
    .refine((value) => !ANY_CONTROL.test(value), CONTROL_CHARACTER)
    .overwrite(toNfc);

/** A multi-line string: valid Unicode; newlines and tabs are its only control characters. */
export const multilineString = (params?: { error?: string }) =>
  z
    .string(params)
    .overwrite((value) => value.replace(/\r\n?/g, "\n"))
    .refine((value) => value.isWellFormed(), INVALID_UNICODE)
    .refine((value) => !CONTROL_BUT_LINES.test(value), CONTROL_CHARACTER_MULTILINE)
    .overwrite(toNfc);

export const id = plainString().min(1).max(64);

export const requiredText = (label: string, max: number) =>
  plainString({ error: `Enter ${label}.` }).trim().min(1, `Enter ${label}.`).max(max, `Use at most ${max} characters.`);

export const text = (max: number) => plainString().trim().max(max, `Use at most ${max} characters.`);

export const optionalText = (max: number) => z.preprocess((value) => value ?? "", text(max));

// Multi-line text (descriptions, notes, reasons): Markdown or prose.
export const longText = (max: number) => multilineString().trim().max(max, `Use at most ${max} characters.`);

export const optionalLongText = (max: number) => z.preprocess((value) => value ?? "", longText(max));

// Only http(s) URLs are ever stored as links (no javascript:, data: …).
export const httpUrl = plainString({ error: "Enter a full http:// or https:// address." })
  .trim()
  .max(2000, "Use at most 2000 characters.")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, "Enter a full http:// or https:// address.");

/**
 * An http(s) address a person types as a link (evidence, a project's URLs):
 * a host name without a scheme ("github.com/acme/app/pull/12") gets
 * https:// (lib/domain/link-url.ts); any other scheme is still refused.
 */
export const linkUrl = plainString({ error: "Enter a full http:// or https:// address." })
  .trim()
  .overwrite(withAssumedScheme)
  .pipe(httpUrl);

const withoutCredentials = (value: string) => {
  const url = URL.parse(value);
  return !url || (url.username === "" && url.password === "");
};

/**
 * An http(s) address without a user name or password, for addresses shown to
 * everyone who can read a project (its URLs, its checks' targets): credentials
 * in one would be published with it. `message` says what to do instead.
 */
export const httpUrlWithoutCredentials = (message: string) => httpUrl.refine(withoutCredentials, message);

/**
 * A link a person types (linkUrl) that names no user name or password: for
 * links everyone who can read a project sees (its URLs, its evidence).
 * `message` says what to do instead.
 */
export const linkUrlWithoutCredentials = (message: string) => linkUrl.refine(withoutCredentials, message);

const projectUrl = linkUrlWithoutCredentials("Leave the user name and password out of the address: everyone who can read the project sees it.");
/** A project's production or repository URL: optional, blank is none, no credentials. */
export const optionalProjectUrl = z.preprocess(blankToNull, projectUrl.nullable());
/** A project's production or repository URL as the API takes it (absent is none). */
export const apiProjectUrl = projectUrl;

// A calendar day, YYYY-MM-DD, from 1900-01-01 to 9999-12-31: the years a
// launch date, due date or expiry can sensibly name, and ones every date type
// on the way (JavaScript, PostgreSQL, ISO 8601 without a sign) can hold.
export const FIRST_DAY = "1900-01-01";
export const LAST_DAY = "9999-12-31";
export const calendarDay = plainString()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-31.")
  .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || value >= FIRST_DAY, `Use a date from ${FIRST_DAY} on.`)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "That date does not exist.")
  .meta({ description: `A day, YYYY-MM-DD, from ${FIRST_DAY} to ${LAST_DAY}.` });

export const optionalCalendarDay = z.preprocess(blankToNull, calendarDay.nullable());

// Effort in quarter hours, 0–10 000. Checked as a whole number of quarters:
// a remainder test lets through numbers such as 5e-324 that are no quarter.
export const hours = z
  .number({ error: "Enter a number of hours." })
  .min(0, "Effort cannot be negative.")
  .max(10_000, "Use at most 10 000 hours.")
  .refine((value) => Number.isInteger(value * 4), "Use steps of a quarter hour.")
  .meta({ description: "Hours in steps of 0.25, from 0 to 10000." });

export const optionalHours = z.preprocess(
  (value) => (blankToNull(value) === null ? null : typeof value === "string" ? Number(value) : value),
  hours.nullable(),
);

// A record's version (optimistic concurrency): a positive 32-bit integer, as stored.
export const MAX_VERSION = 2_147_483_647;
export const version = z.number().int("Send the version as a whole number.").min(1, "Versions start at 1.").max(MAX_VERSION, `Versions go up to ${MAX_VERSION}.`);

export const optionalId = z.preprocess(blankToNull, id.nullable());

// A number of days from now, or blank for "never" (token and link expiry).
export const optionalDays = z.preprocess(
  (value) => (blankToNull(value) === null ? null : Number(value)),
  z
    .number({ error: "Enter a number of days." })
    .int("Use a whole number of days.")
    .min(1, "Use at least 1 day.")
    .max(3650, "Use at most 3650 days (ten years).")
    .nullable(),
);

// An IANA time zone name such as "Europe/Berlin" (lib/domain/time-zone.ts),
// in its usual spelling.
export const timeZoneField = plainString({ error: "Choose a time zone." })
  .trim()
  .min(1, "Choose a time zone.")
  // An empty name has its message above already.
  .refine((zone) => zone === "" || isTimeZone(zone), "Choose a time zone from the list, such as Europe/Berlin or America/New_York.")
  .transform(normaliseTimeZone);
