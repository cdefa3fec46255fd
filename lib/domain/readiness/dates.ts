// Calendar days and the instants they stand for.
//
// A calendar day is a "YYYY-MM-DD" string. Which day it is *now* depends on
// where you stand: every team has an IANA time zone (Team.timeZone), and
// "today", "overdue", "due this week", daily snapshots and forecast dates are
// judged in it (docs/adr/0014-time-zones.md). Due dates and target launch
// dates are plain days (@db.Date columns); a "re-verify by" or waiver day is
// stored as the instant that day starts in the team's zone.
//
// Offsets come from the JavaScript engine's time zone database (Intl), so the
// server, the CLI and the browser agree without a library of their own.
export const DAY_MS = 86_400_000;

/** The day of a @db.Date column's value (read as midnight UTC, lib/server/kernel/db.ts), or of any instant in UTC. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

// One formatter per zone: building an Intl.DateTimeFormat is far slower than using one.
const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(zone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    wallClocks.set(zone, format);
  }
  return format;
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

// What a clock on the wall in `zone` shows at `at` (to the second).
function wallClock(at: Date, zone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of wallClockFormat(zone).formatToParts(at)) if (part.type !== "literal") fields[part.type] = Number(part.value);
  return { year: fields.year, month: fields.month, day: fields.day, hour: fields.hour, minute: fields.minute, second: fields.second };
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** Milliseconds `zone` is ahead of UTC at the instant `at` (negative west of Greenwich). */
export function offsetAt(at: Date, zone: string): number {
  const clock = wallClock(at, zone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The calendar day ("YYYY-MM-DD") the instant `at` falls on in the IANA time
 * zone `zone`. Throws a RangeError for a zone the engine does not know
 * (validate names with isTimeZone first).
 */
export function dayIn(at: Date, zone: string): string {
  const clock = wallClock(at, zone);
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`;
}

const utcMidnight = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * The instant the calendar day `day` starts in `zone`: local midnight, or,
 * where a daylight-saving change skips midnight (America/Santiago, Asia/Beirut
 * and others move their clocks at 00:00), the first instant of that day.
 * Always: dayIn(start) is `day`, and a millisecond earlier it is not.
 */
export function startOfDayIn(day: string, zone: string): Date {
  const midnight = utcMidnight(day);
  // The offsets in force a day either side cover any single change near
  // midnight; a candidate is right when the zone's clock reads `day` 00:00 then.
  const candidates = [offsetAt(new Date(midnight - DAY_MS), zone), offsetAt(new Date(midnight + DAY_MS), zone)]
    .map((offset) => midnight - offset)
    .sort((a, b) => a - b);
  for (const candidate of candidates) {
    const clock = wallClock(new Date(candidate), zone);
    if (dayIn(new Date(candidate), zone) === day && clock.hour === 0 && clock.minute === 0 && clock.second === 0) return new Date(candidate);
  }
  // Midnight does not exist that day: the clock jumped from 23:59:59 of the
  // day before to 01:00 (or later). The day starts at that jump, which is
  // midnight read with the offset from before it.
  return new Date(candidates[candidates.length - 1]);
}

/** The calendar day `days` days after `day` (before it when negative). */
export const addDays = (day: string, days: number) => new Date(utcMidnight(day) + days * DAY_MS).toISOString().slice(0, 10);

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);

/** Whole days from today (in `zone`) to `day`: 0 today, 1 tomorrow, -1 yesterday. */
export const daysUntil = (day: string, now: Date, zone: string) => daysBetween(dayIn(now, zone), day);
