// Times shown in the reader's own clock, with the zone named, so that "14:02"
// is never ambiguous between colleagues in different places.

/**
 * A moment (ISO string) as the reader's clock shows it, the zone named:
 * "14:02 CET" on the reader's today, "3 Dec, 14:02 CET" on another day.
 * `timeZone` (IANA) and `locale` default to the runtime's, which in a browser
 * are the viewer's own; pass them to format for someone else.
 */
export function formatLocalMoment(iso: string, { now = new Date(), timeZone, locale }: { now?: Date; timeZone?: string; locale?: string } = {}): string {
  const at = new Date(iso);
  const dayOf = (moment: Date) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(moment);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(at);
  if (dayOf(at) === dayOf(now)) return time;
  return `${new Intl.DateTimeFormat(locale, { timeZone, day: "numeric", month: "short" }).format(at)}, ${time}`;
}
