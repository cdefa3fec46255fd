export const ROLES = ["ADMIN", "LEAD", "ENGINEER", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  LEAD: "Lead",
  ENGINEER: "Engineer",
  VIEWER: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  ADMIN: "Everything, including members, API tokens and deleting projects",
  LEAD: "Creates and edits projects, templates, categories, items, waivers and milestones",
  ENGINEER: "Updates status, notes, evidence and owners of items; requests waivers",
  VIEWER: "Reads everything, changes nothing",
};
