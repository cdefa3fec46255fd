// How numbers and dates read in the product.
export function formatHours(hours: number | null): string {
  if (hours === null) return "—";
  if (hours >= 8 * 5 && hours % 8 === 0) return `${hours / 8} d`;
  return `${Number(hours.toFixed(2))} h`;
}

export function formatEffort(hours: number): string {
  if (hours === 0) return "0 h";
  const days = hours / 8;
  return days >= 2 ? `${Math.round(days * 10) / 10} days` : formatHours(hours);
}

/** Remaining effort, admitting what nobody estimated: "at least 12 h, 3 open items not estimated". */
export function formatRemainingEffort(hours: number, unestimatedItems: number): string {
  if (unestimatedItems === 0) return formatEffort(hours);
  return `at least ${formatEffort(hours)}, ${unestimatedItems} open item${unestimatedItems === 1 ? "" : "s"} not estimated`;
}

/** Remaining effort where space is short: "≥ 12 h" while open items are unestimated, else "12 h". */
export const formatEffortAtLeast = (hours: number, unestimatedItems: number) => (unestimatedItems > 0 ? `≥ ${formatEffort(hours)}` : formatEffort(hours));

/** Remaining effort in a table cell: "≥ 12 h (3 not estimated)", or "12 h". */
export const formatEffortCell = (hours: number, unestimatedItems: number) =>
  formatEffortAtLeast(hours, unestimatedItems) + (unestimatedItems > 0 ? ` (${unestimatedItems} not estimated)` : "");

/**
 * The launch blockers section when there are none: a claim about critical
 * items, so it says when items nobody has prioritised may still hide some.
 */
export const noLaunchBlockersText = (needsTriage: number) =>
  needsTriage > 0
    ? `None among the prioritised items, but ${needsTriageText(needsTriage)} and may hide some.`
    : "None: every critical item is done or waived.";

/** "5 items need triage", for the headline while any applicable item has no priority. */
export const needsTriageText = (count: number) => `${count} item${count === 1 ? " needs" : "s need"} triage`;

export function formatDaysAway(days: number | null): string {
  if (days === null) return "No target date";
  if (days === 0) return "Today";
  if (days === 1) return "Tomorrow";
  if (days === -1) return "Yesterday";
  return days > 0 ? `${days} days to go` : `${-days} days overdue`;
}

// One formatter for every day shown: toLocaleDateString with options builds
// a new one per call, which a page listing hundreds of dates feels.
const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** A calendar day ("YYYY-MM-DD") as "1 Dec 2026". A day has no zone: pass a day, never an instant (see dayIn). */
export function formatDay(day: string | null): string {
  if (!day) return "—";
  return dayFormat.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

const momentFormats = new Map<string, Intl.DateTimeFormat>();
const longMomentFormats = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = cache.get(zone);
  if (!format) cache.set(zone, (format = new Intl.DateTimeFormat("en-GB", { ...options, timeZone: zone })));
  return format;
}

/**
 * An instant (ISO 8601) as the clock in `zone` showed it, naming the zone:
 * "29 Nov, 14:02 CET", "29 Nov, 22:02 GMT+9". Moments are shown in the
 * viewer's zone in the app, in the team's zone in messages from the server.
 */
export function formatMoment(iso: string, zone: string): string {
  const parts = cached(momentFormats, zone, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("day")} ${part("month")}, ${part("hour")}:${part("minute")} ${part("timeZoneName")}`;
}

/** The same instant in full, for a tooltip: "Sunday, 29 November 2026 at 22:02:05 Japan Standard Time". */
export function formatMomentInFull(iso: string, zone: string): string {
  return cached(longMomentFormats, zone, { dateStyle: "full", timeStyle: "full", hourCycle: "h23" }).format(new Date(iso));
}
