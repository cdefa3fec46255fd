import "server-only";
import { can, type Action } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/roles";
import { forbidden, notFound } from "@/lib/server/kernel/errors";

// Who performs an action, in which team and with which role. Services take
// an actor and never look at the identity provider or the request. The
// team's IANA time zone travels with it: "today" is judged there
// (lib/domain/readiness/dates.ts).
type InTeam = { teamId: string; role: Role; timeZone: string };

// A signed-in person.
export type UserActor = InTeam & { kind: "user"; userId: string; name: string; email: string };

// A script calling the REST API with a team's token. Its role follows the
// token's scope (see lib/domain/api-tokens.ts).
export type TokenActor = InTeam & { kind: "token"; tokenId: string; name: string };

// Someone with shell access to the installation, using the `shipshape` CLI.
export type OperatorActor = InTeam & { kind: "operator" };

// Someone holding a project's share link: reads that project's report only.
export type ShareActor = InTeam & { kind: "share"; shareLinkId: string; projectId: string };

export type Actor = UserActor | TokenActor | OperatorActor | ShareActor;

export function authorize(actor: Actor, action: Action): void {
  if (!can(actor.role, action)) throw forbidden();
}

// A share link reads its own project and nothing else of the team.
export function assertProjectVisible(actor: Actor, projectId: string): void {
  if (actor.kind === "share" && actor.projectId !== projectId) throw notFound("Project");
}

// The person behind a change, for "updated by" and "added by" columns.
export const actorUserId = (actor: Actor): string | null => (actor.kind === "user" ? actor.userId : null);

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
  }
}
