"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, type ReactNode } from "react";
import { DEFAULT_TIME_ZONE, VIEWER_TIME_ZONE_COOKIE } from "@/lib/domain/time-zone";

// The viewer's IANA time zone, as the server read it from the cookie (or the
// team's zone until the browser has set it). Moments are shown in it.
const ViewerTimeZone = createContext<string>(DEFAULT_TIME_ZONE);

export function ViewerTimeZoneProvider({ zone, children }: { zone: string; children: ReactNode }) {
  return <ViewerTimeZone.Provider value={zone}>{children}</ViewerTimeZone.Provider>;
}

/** The zone to show moments in on this page. */
export const useViewerTimeZone = () => useContext(ViewerTimeZone);

// One refresh per page load at most, even if the browser refuses the cookie.
let refreshed = false;

/**
 * Keeps the zone cookie equal to the browser's own zone
 * (Intl.DateTimeFormat().resolvedOptions().timeZone), and re-renders the page
 * once when it had to set or change it: on a person's first visit, or after
 * their laptop crossed an ocean. `sent` is the value the server received.
 */
export function ViewerTimeZoneCookie({ sent }: { sent: string | null }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === sent) return;
    const secure = window.location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${VIEWER_TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax${secure}`;
    if (!refreshed && document.cookie.includes(`${VIEWER_TIME_ZONE_COOKIE}=`)) {
      refreshed = true;
      router.refresh();
    }
  }, [sent, router]);
  return null;
}
