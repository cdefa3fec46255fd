// How the times of automated checks read: "3 h ago", "in 40 min", and the
// moment a check began failing ("09:12 CET" today, "28 Nov, 09:12 CET" before).
import { formatMoment } from "@/lib/domain/format";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How far an instant (ISO 8601) is from `now`, in the largest whole unit:
 * "just now", "5 min ago", "3 h ago", "2 days ago"; ahead, "in 5 min",
 * "in 3 h", "in 2 days", and "due now" for less than a minute ahead.
 */
export function formatRelative(iso: string, now: Date): string {
  const difference = new Date(iso).getTime() - now.getTime();
  const distance = Math.abs(difference);
  const ahead = difference > 0;
  if (distance < MINUTE) return ahead ? "due now" : "just now";
  const amount =
    distance < HOUR ? `${Math.floor(distance / MINUTE)} min` : distance < DAY ? `${Math.floor(distance / HOUR)} h` : `${Math.floor(distance / DAY)} day${Math.floor(distance / DAY) === 1 ? "" : "s"}`;
  return ahead ? `in ${amount}` : `${amount} ago`;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const dayIn = (date: Date, zone: string) => {
  let format = dayFormats.get(zone);
  if (!format) dayFormats.set(zone, (format = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: zone })));
  return format.format(date);
};

/**
 * An instant as a time of day in `zone` when it falls on `now`'s day there
 * ("09:12 CET"), else with its day ("28 Nov, 09:12 CET").
 */
export function formatSince(iso: string, zone: string, now: Date): string {
  const moment = formatMoment(iso, zone);
  return dayIn(new Date(iso), zone) === dayIn(now, zone) ? moment.replace(/^[^,]*,\s*/, "") : moment;
}
