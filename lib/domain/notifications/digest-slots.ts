// When digests go out: at 08:00 on the wall clock of the team's time zone,
// daily every day and weekly on Mondays (docs/adr/0014-time-zones.md for how
// days are judged in a team's zone).
import { addDays, dayIn, offsetAt } from "@/lib/domain/readiness/dates";

/** The local hour (0–23) digests go out at. */
export const DIGEST_HOUR = 8;

/** A digest's moment: the team's calendar day it belongs to (`YYYY-MM-DD`), and the instant it falls due. */
export type DigestSlot = { day: string; at: Date };

/**
 * The instant the wall clock in `zone` reads `hour`:00 on `day`. Offsets are
 * read twice, so a daylight-saving change earlier that night (most happen at
 * 02:00 or 03:00) is accounted for.
 */
export function wallTimeIn(day: string, hour: number, zone: string): Date {
  const asUtc = Date.parse(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);
  const first = asUtc - offsetAt(new Date(asUtc), zone);
  const second = asUtc - offsetAt(new Date(first), zone);
  return new Date(second);
}

/** The latest daily digest slot at or before `now` in `zone`: today's 08:00 once it has come, otherwise yesterday's. */
export function dailySlot(now: Date, zone: string): DigestSlot {
  const today = dayIn(now, zone);
  const at = wallTimeIn(today, DIGEST_HOUR, zone);
  if (at.getTime() <= now.getTime()) return { day: today, at };
  const yesterday = addDays(today, -1);
  return { day: yesterday, at: wallTimeIn(yesterday, DIGEST_HOUR, zone) };
}

/** The latest weekly digest slot at or before `now` in `zone`: a Monday's 08:00. */
export function weeklySlot(now: Date, zone: string): DigestSlot {
  const today = dayIn(now, zone);
  const daysSinceMonday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  let monday = addDays(today, -daysSinceMonday);
  let at = wallTimeIn(monday, DIGEST_HOUR, zone);
  if (at.getTime() > now.getTime()) {
    monday = addDays(monday, -7);
    at = wallTimeIn(monday, DIGEST_HOUR, zone);
  }
  return { day: monday, at };
}

/** The ISO 8601 week of a calendar day, as `YYYY-Www` (the year is the week's, which near New Year may differ from the day's). */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const thursday = addDays(day, 3 - ((date.getUTCDay() + 6) % 7));
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = (Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(year, 0, 1)) / 86_400_000;
  return `${year}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, "0")}`;
}
