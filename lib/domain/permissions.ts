// The one permission table, and the one decision read from it, for every kind
// of actor (docs/adr/0020-one-access-gate.md). People are judged by their
// role, API tokens by their scope, and the actors that are neither (the
// command line, a share link, Shipshape's own jobs) by their kind. The test in
// permissions.test.ts spells out the expected answer for every action × actor
// so that a change here is always a deliberate one.
import type { ApiTokenScopeName } from "./api-tokens";
import type { Role } from "./roles";

/** Every kind of actor: a person, an API token, the CLI, a share link, Shipshape itself. */
export const ACTOR_KINDS = ["user", "token", "operator", "share", "system"] as const;
type ActorKind = (typeof ACTOR_KINDS)[number];

/** The kinds allowed by name rather than by a role or a scope. */
type OtherKind = Exclude<ActorKind, "user" | "token">;

export type Rule = {
  /** Signed-in people with these roles may. */
  roles: readonly Role[];
  /** API tokens with these scopes may (a scope that reads is always joined by `write`). */
  scopes: readonly ApiTokenScopeName[];
  /** These other kinds of actor may. */
  kinds: readonly OtherKind[];
  /** "project": always done on one project, which the caller must name. */
  target?: "project";
};

const EVERYONE: readonly Role[] = ["ADMIN", "LEAD", "ENGINEER", "VIEWER"];
const ENGINEERS_UP: readonly Role[] = ["ADMIN", "LEAD", "ENGINEER"];
const LEADS_UP: readonly Role[] = ["ADMIN", "LEAD"];
const ADMINS: readonly Role[] = ["ADMIN"];
const NOBODY: readonly Role[] = [];

// A token reads what a viewer reads; `write` also does a lead's work on
// projects and items. No token manages people, tokens or deletes projects.
const ANY_TOKEN: readonly ApiTokenScopeName[] = ["read", "write"];
const WRITE_TOKEN: readonly ApiTokenScopeName[] = ["write"];
const NO_TOKEN: readonly ApiTokenScopeName[] = [];

// The operator has shell access and the database: it may administer a team,
// but decides no waiver (a person accepts a risk).
const OPERATOR: readonly OtherKind[] = ["operator"];

export const PERMISSIONS = {
  // Team and people
  "team.read": { roles: EVERYONE, scopes: ANY_TOKEN, kinds: OPERATOR },
  "team.rename": { roles: ADMINS, scopes: NO_TOKEN, kinds: OPERATOR },
  "team.setTimeZone": { roles: ADMINS, scopes: NO_TOKEN, kinds: OPERATOR },
  "member.list": { roles: EVERYONE, scopes: ANY_TOKEN, kinds: OPERATOR },
  "member.invite": { roles: ADMINS, scopes: NO_TOKEN, kinds: OPERATOR },
  "member.changeRole": { roles: ADMINS, scopes: NO_TOKEN, kinds: OPERATOR },
  "member.remove": { roles: ADMINS, scopes: NO_TOKEN, kinds: OPERATOR },
  "invitation.revoke": { roles: ADMINS, scopes: NO_TOKEN, kinds: OPERATOR },
  // A one-time link that sets a member's built-in password: shown to the
  // admin, who hands it over; no token may mint one.
  "member.resetPassword": { roles: ADMINS, scopes: NO_TOKEN, kinds: OPERATOR },
  "apiToken.manage": { roles: ADMINS, scopes: NO_TOKEN, kinds: OPERATOR },
  "activity.read": { roles: EVERYONE, scopes: ANY_TOKEN, kinds: OPERATOR },
  // Projects and their structure
  "project.read": { roles: EVERYONE, scopes: ANY_TOKEN, kinds: OPERATOR },
  "project.create": { roles: LEADS_UP, scopes: WRITE_TOKEN, kinds: OPERATOR },
  "project.update": { roles: LEADS_UP, scopes: WRITE_TOKEN, kinds: OPERATOR },
  "project.archive": { roles: LEADS_UP, scopes: WRITE_TOKEN, kinds: OPERATOR },
  "project.delete": { roles: ADMINS, scopes: NO_TOKEN, kinds: OPERATOR },
  "category.manage": { roles: LEADS_UP, scopes: WRITE_TOKEN, kinds: OPERATOR },
  "item.create": { roles: LEADS_UP, scopes: WRITE_TOKEN, kinds: OPERATOR },
  "item.edit": { roles: LEADS_UP, scopes: WRITE_TOKEN, kinds: OPERATOR },
  "item.delete": { roles: LEADS_UP, scopes: WRITE_TOKEN, kinds: OPERATOR },
  "template.manage": { roles: LEADS_UP, scopes: WRITE_TOKEN, kinds: OPERATOR },
  "milestone.manage": { roles: LEADS_UP, scopes: WRITE_TOKEN, kinds: OPERATOR },
  // Day-to-day work on items
  "item.updateStatus": { roles: ENGINEERS_UP, scopes: WRITE_TOKEN, kinds: OPERATOR },
  "item.updateNotes": { roles: ENGINEERS_UP, scopes: WRITE_TOKEN, kinds: OPERATOR },
  "item.assignOwner": { roles: ENGINEERS_UP, scopes: WRITE_TOKEN, kinds: OPERATOR },
  // Planning one's own work: the due date and effort of an item the actor
  // owns (anyone with item.edit may set them on any item).
  "item.planOwn": { roles: ENGINEERS_UP, scopes: NO_TOKEN, kinds: [] },
  "evidence.add": { roles: ENGINEERS_UP, scopes: WRITE_TOKEN, kinds: OPERATOR },
  "evidence.remove": { roles: ENGINEERS_UP, scopes: WRITE_TOKEN, kinds: OPERATOR },
  "waiver.request": { roles: ENGINEERS_UP, scopes: WRITE_TOKEN, kinds: OPERATOR },
  // A waiver accepts a risk: a lead or admin decides it in person, never a script.
  "waiver.decide": { roles: LEADS_UP, scopes: NO_TOKEN, kinds: [] },
  // Ending someone else's open waiver (the requester may always end their own).
  "waiver.withdrawAny": { roles: LEADS_UP, scopes: WRITE_TOKEN, kinds: OPERATOR },
  // An item's discussion. Reading it goes with project.read. Writing is the
  // work of those who work the items; a viewer does not comment.
  "comment.create": { roles: ENGINEERS_UP, scopes: WRITE_TOKEN, kinds: OPERATOR },
  // Editing or deleting a comment of one's own: the service also checks that
  // the comment is the actor's (a person's, or a token's that posted it). The
  // CLI is nobody in particular, so it has no comments of its own.
  "comment.editOwn": { roles: ENGINEERS_UP, scopes: WRITE_TOKEN, kinds: [] },
  "comment.deleteOwn": { roles: ENGINEERS_UP, scopes: WRITE_TOKEN, kinds: [] },
  // Moderation: a lead or admin may delete anyone's comment, but never edit
  // it (words are not put in someone's mouth); no token moderates.
  "comment.deleteAny": { roles: LEADS_UP, scopes: NO_TOKEN, kinds: OPERATOR },
  // Reports
  // One project's readiness report and the score it opens with: all a share
  // link ever reads, and only for its own project.
  "report.read": { roles: EVERYONE, scopes: ANY_TOKEN, kinds: ["operator", "share"], target: "project" },
  // Reports and exports that span the team (the portfolio report).
  "report.export": { roles: EVERYONE, scopes: ANY_TOKEN, kinds: OPERATOR },
  "shareLink.manage": { roles: LEADS_UP, scopes: WRITE_TOKEN, kinds: OPERATOR },
  // Automated checks: a lead decides what is checked and how
  // often, since a check makes the server connect where it says; anyone who
  // works the items may ask for a fresh result, and so may Shipshape's own
  // scheduler.
  "check.manage": { roles: LEADS_UP, scopes: WRITE_TOKEN, kinds: OPERATOR },
  "check.run": { roles: ENGINEERS_UP, scopes: WRITE_TOKEN, kinds: ["operator", "system"] },
  // Chat and webhook destinations: a lead decides where the team's events
  // go, since a destination receives what happens in the team and makes the
  // server connect where it says.
  "webhook.manage": { roles: LEADS_UP, scopes: WRITE_TOKEN, kinds: OPERATOR },
  // Work Shipshape does by itself
  "snapshot.takeDaily": { roles: NOBODY, scopes: NO_TOKEN, kinds: ["system"], target: "project" },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** The actions always done on one named project. */
export type TargetedAction = { [A in Action]: (typeof PERMISSIONS)[A] extends { target: "project" } ? A : never }[Action];
/** The actions checked without a project (the project may still be named). */
export type UntargetedAction = Exclude<Action, TargetedAction>;

/** What the gate needs to know of an actor: its kind, and its role, scope or project. */
export type Acting =
  | { kind: "user"; role: Role }
  | { kind: "token"; scope: ApiTokenScopeName }
  | { kind: "operator" }
  | { kind: "share"; projectId: string }
  | { kind: "system" };

export type ProjectTarget = { projectId: string };

/**
 * Why an action was refused: not allowed at all, a read-only token asking for
 * what a write token may do, a token asking for what no token may do, or an
 * actor confined to one project naming another.
 */
export type Refusal = "forbidden" | "readOnlyToken" | "notForTokens" | "otherProject";

export type Verdict = { allowed: true } | { allowed: false; refusal: Refusal };

const ALLOWED: Verdict = { allowed: true };
const refuse = (refusal: Refusal): Verdict => ({ allowed: false, refusal });

/**
 * May `acting` do `action` (on `target`, the project it concerns)? A share
 * link is confined to its own project: with no project named (a team-wide
 * action) it is refused, with another project it is told there is none.
 * Throws (a programming error) when a targeted action comes without its project.
 */
export function decide(acting: Acting, action: Action, target?: ProjectTarget): Verdict {
  const rule: Rule = PERMISSIONS[action];
  if (rule.target === "project" && !target) throw new Error(`“${action}” is checked against the project it is done on; none was named.`);
  switch (acting.kind) {
    case "user":
      return rule.roles.includes(acting.role) ? ALLOWED : refuse("forbidden");
    case "token":
      if (rule.scopes.includes(acting.scope)) return ALLOWED;
      return refuse(rule.scopes.length > 0 ? "readOnlyToken" : "notForTokens");
    case "share":
      if (!rule.kinds.includes("share") || !target) return refuse("forbidden");
      return target.projectId === acting.projectId ? ALLOWED : refuse("otherProject");
    case "operator":
    case "system":
      return rule.kinds.includes(acting.kind) ? ALLOWED : refuse("forbidden");
  }
}

/**
 * What a signed-in person with `role` may do, from the same row the gate reads:
 * for pages that show or hide a control (a person's answer never depends on
 * the project).
 */
export const can = (role: Role, action: Action): boolean => (PERMISSIONS[action].roles as readonly Role[]).includes(role);
