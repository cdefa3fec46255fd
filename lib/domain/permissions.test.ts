import { describe, expect, it } from "vitest";
import { ACTIONS, can, type Action } from "./permissions";
import { ROLES, type Role } from "./roles";

// The expected answer for every action × role, written out by hand: the table
// in permissions.ts must match it exactly (A = ADMIN, L = LEAD, E = ENGINEER, V = VIEWER).
const EXPECTED: Record<Action, string> = {
  "team.read": "ALEV",
  "team.rename": "A",
  "team.setTimeZone": "A",
  "team.delete": "A",
  "member.list": "ALEV",
  "member.invite": "A",
  "member.changeRole": "A",
  "member.remove": "A",
  "invitation.revoke": "A",
  "apiToken.manage": "A",
  "activity.read": "ALEV",
  "project.read": "ALEV",
  "project.create": "AL",
  "project.update": "AL",
  "project.archive": "AL",
  "project.delete": "A",
  "category.manage": "AL",
  "item.create": "AL",
  "item.edit": "AL",
  "item.delete": "AL",
  "template.manage": "AL",
  "milestone.manage": "AL",
  "item.updateStatus": "ALE",
  "item.updateNotes": "ALE",
  "item.assignOwner": "ALE",
  "evidence.add": "ALE",
  "evidence.remove": "ALE",
  "waiver.request": "ALE",
  "waiver.decide": "AL",
  "report.export": "ALEV",
  "shareLink.manage": "AL",
};

const LETTER: Record<Role, string> = { ADMIN: "A", LEAD: "L", ENGINEER: "E", VIEWER: "V" };

describe("permission table", () => {
  it("lists exactly the actions that have an expectation", () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const allowed = EXPECTED[action].includes(LETTER[role]);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(role, action)).toBe(allowed);
      });
    }
  }

  it("lets a VIEWER change nothing", () => {
    const viewerActions = ACTIONS.filter((action) => can("VIEWER", action));
    expect(viewerActions.every((action) => /\.(read|list)$|^report\.export$/.test(action))).toBe(true);
  });
});
