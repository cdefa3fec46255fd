import "server-only";
import { cookies } from "next/headers";
import { isTimeZone, VIEWER_TIME_ZONE_COOKIE } from "@/lib/domain/time-zone";

/** The zone the browser sent in its cookie, as sent (null when none): what ViewerTimeZoneCookie compares with. */
export async function sentTimeZone(): Promise<string | null> {
  return (await cookies()).get(VIEWER_TIME_ZONE_COOKIE)?.value ?? null;
}

/**
 * The IANA time zone of the person viewing the page, from the cookie their
 * browser keeps current (components/time/viewer-time-zone.tsx). Until the
 * browser has sent one, or when it holds something that is not a zone name,
 * `fallback`: the team's zone where there is a team, UTC elsewhere.
 */
export async function viewerTimeZone(fallback: string): Promise<string> {
  const sent = await sentTimeZone();
  return sent && isTimeZone(sent) ? sent : fallback;
}
