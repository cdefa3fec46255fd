import "server-only";
import { cookies, headers } from "next/headers";
import { reachedOverHttps } from "@/lib/server/kernel/secure-transport";
import { TEAM_COOKIE } from "@/lib/server/access/current-actor";

// Remembers which of their teams a person is working in. The value is only a
// preference: membership is checked on every request (see currentActor).
export async function selectTeam(teamId: string): Promise<void> {
  (await cookies()).set(TEAM_COOKIE, teamId, {
    httpOnly: true,
    sameSite: "lax",
    secure: reachedOverHttps(await headers()),
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
}
