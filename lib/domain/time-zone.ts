// IANA time zone names: which are valid, how they are spelt, how far ahead of
// UTC they are. Shared by the team settings, the first-run setup, the CLI and
// the viewer's zone cookie.
import { offsetAt } from "./readiness/dates";

export const DEFAULT_TIME_ZONE = "UTC";

// The cookie in which the browser keeps its own zone, so that the server
// renders moments in the viewer's zone from the first byte (no flash of UTC,
// no hydration mismatch). Not a secret and not a preference: just a fact
// about the browser, refreshed whenever it changes.
export const VIEWER_TIME_ZONE_COOKIE = "shipshape_tz";

// An IANA "Area/Location" name ("Europe/Berlin", "America/Argentina/Buenos_Aires",
// "Etc/GMT+5") or "UTC"; not a bare offset ("+05:30") nor an abbreviation the
// engine happens to accept ("PST", "EST"): a team's days must follow the
// zone's daylight-saving rules, which an offset or abbreviation does not name.
const IANA_NAME = /^(UTC|[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){1,2})$/i;

let known: Map<string, string> | undefined;

// Every zone the engine lists, by lower-case name, for spelling names right.
function knownZones(): Map<string, string> {
  known ??= new Map([...supportedTimeZones(), DEFAULT_TIME_ZONE].map((zone) => [zone.toLowerCase(), zone]));
  return known;
}

/** The zones the engine lists (Intl.supportedValuesOf), for pickers. */
function supportedTimeZones(): string[] {
  return Intl.supportedValuesOf("timeZone");
}

/** Whether `zone` is an IANA time zone name this engine can compute days in. */
export function isTimeZone(zone: string): boolean {
  if (zone.length > 64 || !IANA_NAME.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * A valid zone name in its usual spelling ("europe/berlin" → "Europe/Berlin").
 * Names the engine accepts but does not list (links such as "Asia/Kolkata" on
 * engines that list "Asia/Calcutta") are kept as given, so a team sees the
 * name it chose. Call only with a name isTimeZone accepts.
 */
export function normaliseTimeZone(zone: string): string {
  return knownZones().get(zone.toLowerCase()) ?? zone;
}

/** "UTC+09:00", "UTC−05:00", "UTC+05:30": the zone's offset at `at`. */
export function offsetLabel(zone: string, at: Date): string {
  const minutes = Math.round(offsetAt(at, zone) / 60_000);
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

export type TimeZoneOption = { value: string; label: string };

/**
 * Every listed zone (and `current`, if the engine lists it under another
 * name) with its offset at `now`, by name: the choices of a time zone field.
 */
export function timeZoneOptions(now: Date, current?: string): TimeZoneOption[] {
  const zones = new Set([DEFAULT_TIME_ZONE, ...supportedTimeZones()]);
  if (current && isTimeZone(current)) zones.add(current);
  return [...zones].sort((a, b) => a.localeCompare(b)).map((zone) => ({ value: zone, label: offsetLabel(zone, now) }));
}
