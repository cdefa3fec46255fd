import "server-only";
import type { ApiTokenScopeName } from "@/lib/domain/api-tokens";
import type { Role } from "@/lib/domain/roles";

// Who performs an action and in which team. Services take an actor and never
// look at the identity provider or the request; the gate (gate.ts) decides
// what each may do. The team's IANA time zone travels with it: "today" is
// judged there (lib/domain/readiness/dates.ts). Only a person has a role, so
// code can judge nobody else by one.
type InTeam = { teamId: string; timeZone: string };

// A signed-in person, acting with their role in the team.
export type UserActor = InTeam & { kind: "user"; role: Role; userId: string; name: string; email: string };

// A script calling the REST API with a team's token, acting by its scope.
export type TokenActor = InTeam & { kind: "token"; scope: ApiTokenScopeName; tokenId: string; name: string };

// Someone with shell access to the installation, using the `shipshape` CLI.
export type OperatorActor = InTeam & { kind: "operator" };

// Someone holding a project's share link: reads that project's report only.
export type ShareActor = InTeam & { kind: "share"; shareLinkId: string; projectId: string };

// The work Shipshape does by itself, named for the record and the logs.
export type SystemJob = "daily snapshots" | "checks" | "notifications" | "webhooks";
export type SystemActor = InTeam & { kind: "system"; job: SystemJob };

export type Actor = UserActor | TokenActor | OperatorActor | ShareActor | SystemActor;

// The person behind a change, for "updated by" and "added by" columns.
export const actorUserId = (actor: Actor): string | null => (actor.kind === "user" ? actor.userId : null);

// The token behind a change, kept on its activity record.
export const actorTokenId = (actor: Actor): string | null => (actor.kind === "token" ? actor.tokenId : null);

// What to show as the author of a change made by a token or the CLI (a
// person's name is read from their user record instead, so it stays current).
export const nonPersonLabel = (actor: Actor): string | null => (actor.kind === "user" ? null : actorLabel(actor));

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case "user":
      return `${actor.name} <${actor.email}>`;
    case "token":
      return `API token “${actor.name}”`;
    case "operator":
      return "Shipshape CLI (operator)";
    case "share":
      return "Share link";
    case "system":
      return `Shipshape (${actor.job})`;
  }
}
