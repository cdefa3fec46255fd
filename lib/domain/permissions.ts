// The one permission table. Every service checks an action against it; the
// test in permissions.test.ts spells out the expected answer for every
// action × role so that a change here is always a deliberate one.
import type { Role } from "./roles";

const EVERYONE: readonly Role[] = ["ADMIN", "LEAD", "ENGINEER", "VIEWER"];
const ENGINEERS_UP: readonly Role[] = ["ADMIN", "LEAD", "ENGINEER"];
const LEADS_UP: readonly Role[] = ["ADMIN", "LEAD"];
const ADMINS: readonly Role[] = ["ADMIN"];

export const PERMISSIONS = {
  // Team and people
  "team.read": EVERYONE,
  "team.rename": ADMINS,
  "team.setTimeZone": ADMINS,
  "team.delete": ADMINS,
  "member.list": EVERYONE,
  "member.invite": ADMINS,
  "member.changeRole": ADMINS,
  "member.remove": ADMINS,
  "invitation.revoke": ADMINS,
  "apiToken.manage": ADMINS,
  "activity.read": EVERYONE,
  // Projects and their structure
  "project.read": EVERYONE,
  "project.create": LEADS_UP,
  "project.update": LEADS_UP,
  "project.archive": LEADS_UP,
  "project.delete": ADMINS,
  "category.manage": LEADS_UP,
  "item.create": LEADS_UP,
  "item.edit": LEADS_UP,
  "item.delete": LEADS_UP,
  "template.manage": LEADS_UP,
  "milestone.manage": LEADS_UP,
  // Day-to-day work on items
  "item.updateStatus": ENGINEERS_UP,
  "item.updateNotes": ENGINEERS_UP,
  "item.assignOwner": ENGINEERS_UP,
  "evidence.add": ENGINEERS_UP,
  "evidence.remove": ENGINEERS_UP,
  "waiver.request": ENGINEERS_UP,
  "waiver.decide": LEADS_UP,
  // Reports
  "report.export": EVERYONE,
  "shareLink.manage": LEADS_UP,
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}
