"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { MemberOption } from "@/lib/server/read-models/project-page";

/** What the viewer may change on items: status, owner, everything (edit), and the due date and effort of their own items (planOwn). */
export type ItemPermissions = { status: boolean; owner: boolean; edit: boolean; planOwn: boolean };

type Checklist = {
  projectId: string;
  members: MemberOption[];
  memberNames: Record<string, string>;
  can: ItemPermissions;
  viewerId: string;
  archived: boolean;
};

const ChecklistContext = createContext<Checklist | null>(null);

// What every row needs and no row should carry a copy of: the team's members
// (for the owner editor and names), the viewer and their permissions.
export function ChecklistProvider({ projectId, members, can, viewerId, archived, children }: Omit<Checklist, "memberNames"> & { children: ReactNode }) {
  const value = useMemo(
    () => ({ projectId, members, can, viewerId, archived, memberNames: Object.fromEntries(members.map((member) => [member.userId, member.name])) }),
    [projectId, members, can, viewerId, archived],
  );
  return <ChecklistContext.Provider value={value}>{children}</ChecklistContext.Provider>;
}

export function useChecklist(): Checklist {
  const value = useContext(ChecklistContext);
  if (!value) throw new Error("useChecklist needs a ChecklistProvider above it.");
  return value;
}
