// What happens to a person's items when they leave a team (removed by an
// admin, or deleting their own account). See docs/adr/0016.
import type { Standing } from "@/lib/domain/readiness/vocabulary";

/**
 * Whether an item in this standing still needs someone to own it: anything
 * but finished work. Done (with current evidence) and not-applicable items are
 * finished; missing, partial, stale and waived items (a waiver expires) are not,
 * and so is any standing added later that is not done.
 */
export const needsOwner = (standing: Standing): boolean => standing !== "DONE" && standing !== "NOT_APPLICABLE";

/** One item the leaving person owns, as the hand-over sees it. */
export type OwnedItem = { id: string; projectId: string; projectName: string; archived: boolean; standing: Standing };

/** How many items still to be done a person owns in one project. */
export type OpenItemsInProject = { projectId: string; projectName: string; archived: boolean; openItems: number };

/**
 * Who gets which item: the open ones go to the successor (or to nobody when
 * the items are left unassigned); finished ones go to nobody, because naming
 * someone as the owner of work they did not do would misstate the record (the
 * item's history keeps who owned and who did it).
 */
export function planHandOver<I extends Pick<OwnedItem, "standing">>(items: readonly I[]): { toSuccessor: I[]; toNobody: I[] } {
  return { toSuccessor: items.filter((item) => needsOwner(item.standing)), toNobody: items.filter((item) => !needsOwner(item.standing)) };
}

/**
 * The open items per project, in the order the projects first appear, for
 * the "who takes over" question; projects with nothing open are left out.
 */
export function openItemsByProject(items: readonly OwnedItem[]): OpenItemsInProject[] {
  const byProject = new Map<string, OpenItemsInProject>();
  for (const item of items) {
    if (!needsOwner(item.standing)) continue;
    const entry = byProject.get(item.projectId) ?? { projectId: item.projectId, projectName: item.projectName, archived: item.archived, openItems: 0 };
    entry.openItems += 1;
    byProject.set(item.projectId, entry);
  }
  return [...byProject.values()];
}
