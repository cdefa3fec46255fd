"use client";

import { useEffect, useState } from "react";
import { formatMomentInFull } from "@/lib/domain/format";
import { formatRelative, formatSince } from "@/lib/domain/checks/wording";
import { useViewerTimeZone } from "./viewer-time-zone";

// The current time, moved on every minute so "5 min ago" keeps true on an open page.
function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * An instant (ISO 8601) as its distance from now — "3 h ago", "in 40 min" —
 * with the full date and time, in the viewer's zone, on hover. `of`: a run
 * that happened ("past", the default) or one that is due ("due").
 */
export function RelativeMoment({ iso, of = "past", className }: { iso: string; of?: "past" | "due"; className?: string }) {
  const zone = useViewerTimeZone();
  const now = useMinuteClock();
  return (
    // Server and browser render at different instants: their texts may differ by a minute.
    <time dateTime={iso} title={formatMomentInFull(iso, zone)} className={className} suppressHydrationWarning>
      {formatRelative(iso, now, of)}
    </time>
  );
}

/** An instant as a time of day ("09:12 CET"), with its day when not today, full on hover. */
export function SinceMoment({ iso, className }: { iso: string; className?: string }) {
  const zone = useViewerTimeZone();
  const now = useMinuteClock();
  return (
    <time dateTime={iso} title={formatMomentInFull(iso, zone)} className={className} suppressHydrationWarning>
      {formatSince(iso, zone, now)}
    </time>
  );
}
