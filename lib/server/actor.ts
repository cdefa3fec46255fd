import "server-only";
import { can, type Action } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/roles";
import { forbidden } from "./errors";

// Who performs an action, in which team and with which role. Services take
// an actor and never look at the identity provider or the request.
export type Actor = {
  kind: "user";
  userId: string;
  name: string;
  email: string;
  teamId: string;
  role: Role;
};

export function authorize(actor: Actor, action: Action): void {
  if (!can(actor.role, action)) throw forbidden();
}

export function actorLabel(actor: Actor): string {
  return `${actor.name} <${actor.email}>`;
}
