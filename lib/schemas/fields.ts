// Field schemas shared by the readiness inputs. Forms send strings; an empty
// optional field means "no value" (null), never an error.
import { z } from "zod";
import { isTimeZone, normaliseTimeZone } from "@/lib/domain/time-zone";

const blankToNull = (value: unknown) => (value === undefined || (typeof value === "string" && value.trim() === "") ? null : value);

export const id = z.string().min(1).max(64);

export const requiredText = (label: string, max: number) =>
  z.string({ error: `Enter ${label}.` }).trim().min(1, `Enter ${label}.`).max(max, `Use at most ${max} characters.`);

export const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);

export const optionalText = (max: number) => z.preprocess((value) => value ?? "", text(max));

// Only http(s) URLs are ever stored as links (no javascript:, data: …).
export const httpUrl = z
  .string()
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

export const optionalHttpUrl = z.preprocess(blankToNull, httpUrl.nullable());

// A calendar day, YYYY-MM-DD.
export const calendarDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-31.")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "That date does not exist.");

export const optionalCalendarDay = z.preprocess(blankToNull, calendarDay.nullable());

export const hours = z
  .number({ error: "Enter a number of hours." })
  .min(0, "Effort cannot be negative.")
  .max(10_000, "Use at most 10 000 hours.")
  .multipleOf(0.25, "Use steps of a quarter hour.");

export const optionalHours = z.preprocess(
  (value) => (blankToNull(value) === null ? null : typeof value === "string" ? Number(value) : value),
  hours.nullable(),
);

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
export const timeZoneField = z
  .string({ error: "Choose a time zone." })
  .trim()
  .min(1, "Choose a time zone.")
  // An empty name has its message above already.
  .refine((zone) => zone === "" || isTimeZone(zone), "Choose a time zone from the list, such as Europe/Berlin or America/New_York.")
  .transform(normaliseTimeZone);
