import { describe, expect, it } from "vitest";
import { API_TOKEN_SCOPES } from "./api-tokens";
import { ACTIONS, ACTOR_KINDS, can, decide, PERMISSIONS, type Acting, type Action } from "./permissions";
import { ROLES } from "./roles";

// The expected answer for every action × every kind of actor, written out by
// hand: the table in permissions.ts must match it exactly.
// People by role: A = ADMIN, L = LEAD, E = ENGINEER, V = VIEWER.
// Tokens by scope: r = read, w = write.
// Other actors: O = operator (the CLI), S = a share link (on its own
// project), Y = Shipshape itself (system).
const EXPECTED: Record<Action, string> = {
  "team.read": "ALEV rw O",
  "team.rename": "A O",
  "team.setTimeZone": "A O",
  "member.list": "ALEV rw O",
  "member.invite": "A O",
  "member.changeRole": "A O",
  "member.remove": "A O",
  "invitation.revoke": "A O",
  "member.resetPassword": "A O",
  "apiToken.manage": "A O",
  "activity.read": "ALEV rw O",
  "project.read": "ALEV rw O",
  "project.create": "AL w O",
  "project.update": "AL w O",
  "project.archive": "AL w O",
  "project.delete": "A O",
  "category.manage": "AL w O",
  "item.create": "AL w O",
  "item.edit": "AL w O",
  "item.delete": "AL w O",
  "template.manage": "AL w O",
  "milestone.manage": "AL w O",
  "item.updateStatus": "ALE w O",
  "item.updateNotes": "ALE w O",
  "item.assignOwner": "ALE w O",
  "item.planOwn": "ALE",
  "evidence.add": "ALE w O",
  "evidence.remove": "ALE w O",
  "waiver.request": "ALE w O",
  "waiver.decide": "AL",
  "waiver.withdrawAny": "AL w O",
  "comment.create": "ALE w O",
  "comment.editOwn": "ALE w",
  "comment.deleteOwn": "ALE w",
  "comment.deleteAny": "AL O",
  "report.read": "ALEV rw OS",
  "report.export": "ALEV rw O",
  "shareLink.manage": "AL w O",
  "check.manage": "AL w O",
  "check.run": "ALE w OY",
  "webhook.manage": "AL w O",
  "snapshot.takeDaily": "Y",
};

// The actions always checked against the project they are done on.
const TARGETED = ["report.read", "snapshot.takeDaily"];

const OWN = { projectId: "p-own" };
const OTHER = { projectId: "p-other" };

const SUBJECTS: [letter: string, acting: Acting][] = [
  ["A", { kind: "user", role: "ADMIN" }],
  ["L", { kind: "user", role: "LEAD" }],
  ["E", { kind: "user", role: "ENGINEER" }],
  ["V", { kind: "user", role: "VIEWER" }],
  ["r", { kind: "token", scope: "read" }],
  ["w", { kind: "token", scope: "write" }],
  ["O", { kind: "operator" }],
  ["S", { kind: "share", projectId: OWN.projectId }],
  ["Y", { kind: "system" }],
];

const isTargeted = (action: Action) => "target" in PERMISSIONS[action];

describe("permission table", () => {
  it("lists exactly the actions that have an expectation", () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("names the project for exactly the targeted actions", () => {
    expect(ACTIONS.filter(isTargeted).sort()).toEqual([...TARGETED].sort());
  });

  for (const action of ACTIONS) {
    for (const [letter, acting] of SUBJECTS) {
      const allowed = EXPECTED[action].replace(/ /g, "").includes(letter);
      it(`${acting.kind} ${"role" in acting ? acting.role : "scope" in acting ? acting.scope : ""} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(decide(acting, action, OWN).allowed).toBe(allowed);
        if (acting.kind === "user") expect(can(acting.role, action)).toBe(allowed);
      });
    }
  }

  it("lets a VIEWER and a read token change nothing", () => {
    const reads = /\.(read|list)$|^report\.export$/;
    expect(ACTIONS.filter((action) => can("VIEWER", action)).every((action) => reads.test(action))).toBe(true);
    expect(ACTIONS.filter((action) => decide({ kind: "token", scope: "read" }, action, OWN).allowed).every((action) => reads.test(action))).toBe(true);
  });

  it("gives a read scope only with the write scope", () => {
    expect(ACTIONS.filter((action) => (PERMISSIONS[action].scopes as readonly string[]).includes("read") && !(PERMISSIONS[action].scopes as readonly string[]).includes("write"))).toEqual([]);
  });
});

describe("the gate's decision", () => {
  it("tells a read token that writing needs the write scope, and any token what no token may do", () => {
    expect(decide({ kind: "token", scope: "read" }, "item.updateStatus")).toEqual({ allowed: false, refusal: "readOnlyToken" });
    expect(decide({ kind: "token", scope: "read" }, "project.create")).toEqual({ allowed: false, refusal: "readOnlyToken" });
    expect(decide({ kind: "token", scope: "read" }, "member.invite")).toEqual({ allowed: false, refusal: "notForTokens" });
    expect(decide({ kind: "token", scope: "write" }, "apiToken.manage")).toEqual({ allowed: false, refusal: "notForTokens" });
    expect(decide({ kind: "token", scope: "write" }, "waiver.decide")).toEqual({ allowed: false, refusal: "notForTokens" });
  });

  it("confines a share link to its own project's report", () => {
    const share: Acting = { kind: "share", projectId: OWN.projectId };
    expect(decide(share, "report.read", OWN)).toEqual({ allowed: true });
    expect(decide(share, "report.read", OTHER)).toEqual({ allowed: false, refusal: "otherProject" });
    // Team-wide, even when its own project is named: refused.
    for (const action of ACTIONS.filter((a) => !isTargeted(a))) {
      expect(decide(share, action)).toEqual({ allowed: false, refusal: "forbidden" });
      expect(decide(share, action, OWN)).toEqual({ allowed: false, refusal: "forbidden" });
    }
  });

  it("refuses a targeted action asked without its project", () => {
    for (const action of TARGETED as Action[]) expect(() => decide({ kind: "user", role: "ADMIN" }, action)).toThrow(/none was named/);
  });

  it("judges people, tokens, the CLI and Shipshape alike whichever project is named", () => {
    const others: Acting[] = SUBJECTS.map(([, acting]) => acting).filter((acting) => acting.kind !== "share");
    for (const action of ACTIONS) {
      for (const acting of others) expect(decide(acting, action, OTHER)).toEqual(decide(acting, action, OWN));
    }
  });

  it("is asked of every kind of actor, every role and every scope above", () => {
    const actings = SUBJECTS.map(([, acting]) => acting);
    expect(ACTOR_KINDS.filter((kind) => !actings.some((acting) => acting.kind === kind))).toEqual([]);
    expect(ROLES.filter((role) => !actings.some((acting) => acting.kind === "user" && acting.role === role))).toEqual([]);
    expect(API_TOKEN_SCOPES.filter((scope) => !actings.some((acting) => acting.kind === "token" && acting.scope === scope))).toEqual([]);
  });
});
