import "server-only";
import { decide, type Action, type ProjectTarget, type Refusal, type TargetedAction } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/server/kernel/actor";
import { forbidden, notFound, type AppError } from "@/lib/server/kernel/errors";

// The one access gate (docs/adr/0020-one-access-gate.md): every service, read
// model, API endpoint and page asks it, for every kind of actor, and nothing
// else decides access. The decision is the permission table's
// (lib/domain/permissions.ts); this turns a refusal into the error the actor
// is shown.

/** A targeted action needs its project; any other may name one. */
type TargetOf<A extends Action> = A extends TargetedAction ? [target: ProjectTarget] : [target?: ProjectTarget];

const REFUSALS: Record<Refusal, () => AppError> = {
  forbidden: () => forbidden(),
  readOnlyToken: () => forbidden("This token can only read. Changes need a token with write scope."),
  notForTokens: () => forbidden("API tokens cannot do this."),
  // A share link learns nothing of the team's other projects, not even that they exist.
  otherProject: () => notFound("Project"),
};

/**
 * Lets `actor` do `action` (on the project `target` names) or throws:
 * FORBIDDEN (with the token's own message for a token), or NOT_FOUND
 * "Project" for a share link naming another project than its own.
 */
export function authorize<A extends Action>(actor: Actor, action: A, ...[target]: TargetOf<A>): void {
  const verdict = decide(actor, action, target);
  if (!verdict.allowed) throw REFUSALS[verdict.refusal]();
}

/** The gate's answer as a yes or no, for callers that answer a refusal their own way (a page's 403). */
export function permits<A extends Action>(actor: Actor, action: A, ...[target]: TargetOf<A>): boolean {
  return decide(actor, action, target).allowed;
}
