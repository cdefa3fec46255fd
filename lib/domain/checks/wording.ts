// How the times of automated checks read: "3 h ago", "in 40 min", and the
// moment a check began failing ("09:12 CET" today, "28 Nov, 09:12 CET" before).
import { formatMoment } from "@/lib/domain/format";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How far an instant (ISO 8601) is from `now`, in the largest whole unit:
 * "just now", "5 min ago", "3 h ago", "2 days ago"; ahead, "in 5 min",
 * "in 3 h", "in 2 days". `of` says what the instant is: a run that happened
 * ("past": a moment ahead, from another clock, is "just now") or one that is
 * due ("due": "due now" within a minute, "due 5 min ago" when late).
 */
export function formatRelative(iso: string, now: Date, of: "past" | "due" = "past"): string {
  const difference = new Date(iso).getTime() - now.getTime();
  const distance = Math.abs(difference);
  if (distance < MINUTE || (of === "past" && difference > 0)) return of === "due" ? "due now" : "just now";
  const days = Math.floor(distance / DAY);
  const amount = distance < HOUR ? `${Math.floor(distance / MINUTE)} min` : distance < DAY ? `${Math.floor(distance / HOUR)} h` : `${days} day${days === 1 ? "" : "s"}`;
  if (difference > 0) return `in ${amount}`;
  return of === "due" ? `due ${amount} ago` : `${amount} ago`;
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
