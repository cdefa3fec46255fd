import "server-only";
import type { SystemActor, SystemJob } from "@/lib/server/kernel/actor";

// Shipshape acting by itself in a team (the daily snapshots), so its work
// passes the same gate as everyone's: the permission table names the few
// actions a job may do.
export const systemActor = (team: { teamId: string; timeZone: string }, job: SystemJob): SystemActor => ({ kind: "system", job, teamId: team.teamId, timeZone: team.timeZone });
