import "server-only";
import { cookies } from "next/headers";
import { config } from "@/lib/server/kernel/config";
import { TEAM_COOKIE } from "@/lib/server/access/current-actor";

// Remembers which of their teams a person is working in. The value is only a
// preference: membership is checked on every request (see currentActor).
export async function selectTeam(teamId: string): Promise<void> {
  (await cookies()).set(TEAM_COOKIE, teamId, {
    httpOnly: true,
    sameSite: "lax",
    secure: config().NODE_ENV === "production",
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
}
