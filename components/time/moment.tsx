"use client";

import { formatMoment, formatMomentInFull } from "@/lib/domain/format";
import { useViewerTimeZone } from "./viewer-time-zone";

/**
 * An instant (ISO 8601) in the viewer's time zone, naming the zone:
 * "29 Nov, 14:02 CET", with the full date and zone name on hover.
 */
export function Moment({ iso, className }: { iso: string; className?: string }) {
  const zone = useViewerTimeZone();
  return (
    // The server and the browser format with their own time zone data: a
    // rule change one of them has not heard of yet must not fail hydration.
    <time dateTime={iso} title={formatMomentInFull(iso, zone)} className={className} suppressHydrationWarning>
      {formatMoment(iso, zone)}
    </time>
  );
}
