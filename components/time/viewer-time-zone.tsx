"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, type ReactNode } from "react";
import { DEFAULT_TIME_ZONE, VIEWER_TIME_ZONE_COOKIE } from "@/lib/domain/time-zone";

// The viewer's IANA time zone, as the server read it from the cookie (or the
// team's zone until the browser has set it). Moments are shown in it.
const ViewerTimeZone = createContext<string>(DEFAULT_TIME_ZONE);

/** The zone to show moments in on this page. */
export const useViewerTimeZone = () => useContext(ViewerTimeZone);

// One refresh per page load at most, even if the browser refuses the cookie.
let refreshed = false;

/**
 * Provides `zone` (the zone the server rendered moments in) to the client
 * components below, and keeps the zone cookie equal to the browser's own
 * (Intl.DateTimeFormat().resolvedOptions().timeZone): on a person's first
 * visit, or after their laptop crossed an ocean. When the page was rendered
 * in another zone it is rendered again, once. `sent` is the cookie's value as
 * the server received it (null: none).
 */
export function ViewerTimeZoneProvider({ zone, sent, children }: { zone: string; sent: string | null; children: ReactNode }) {
  const router = useRouter();
  useEffect(() => {
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browser) return;
    if (browser !== sent) {
      const secure = window.location.protocol === "https:" ? "; secure" : "";
      document.cookie = `${VIEWER_TIME_ZONE_COOKIE}=${encodeURIComponent(browser)}; path=/; max-age=31536000; samesite=lax${secure}`;
    }
    if (browser !== zone && !refreshed && document.cookie.includes(`${VIEWER_TIME_ZONE_COOKIE}=`)) {
      refreshed = true;
      router.refresh();
    }
  }, [zone, sent, router]);
  return <ViewerTimeZone.Provider value={zone}>{children}</ViewerTimeZone.Provider>;
}
