import "server-only";
import type { z } from "zod";
import { NOTIFICATION_KIND_LABEL, type NotificationKind } from "@/lib/domain/notifications/kinds";
import { inboxQuery } from "@/lib/schemas/notification";
import type { Actor, UserActor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { forbidden, parseInput } from "@/lib/server/kernel/errors";
import { authorize } from "@/lib/server/kernel/gate";
import { creationKey, creationKeyOf, decodeCursor, encodeCursor, type CreationKey, type PagedList } from "./pagination";

// A person's inbox in the current team: what they were told of, newest first,
// grouped by project. Only a person has one; a token, the CLI or a share link
// is refused. Reading it changes nothing (services/notifications.ts marks
// entries read).

/** One entry as the inbox shows it. `link` is a path in the app; `createdAt` ISO 8601. */
export type InboxEntry = {
  id: string;
  kind: NotificationKind;
  /** What kind of news it is, in words ("An item is assigned to you"). */
  kindLabel: string;
  title: string;
  link: string;
  createdAt: string;
  read: boolean;
};

/** The entries of one project (`project` null for news of the team, e.g. someone joining), newest first. */
export type InboxGroup = { project: { id: string; name: string } | null; entries: InboxEntry[] };

/**
 * A page of the inbox: groups in order of their newest entry, how many
 * entries are unread in all, the next page's cursor, and `asOf` (ISO 8601),
 * the moment it was read: "mark all read" marks what had arrived by then.
 */
export type Inbox = { groups: InboxGroup[]; unread: number; nextCursor: string | null; asOf: string };

// Newest first by (createdAt, id): entries are never re-dated, so pages stay stable as new ones arrive.
const inboxList = (actor: UserActor): PagedList<CreationKey> => ({ kind: "inbox", key: creationKey, scope: { teamId: actor.teamId, userId: actor.userId } });

function person(actor: Actor): UserActor {
  authorize(actor, "team.read");
  if (actor.kind !== "user") throw forbidden("Only a person has an inbox.");
  return actor;
}

const unreadWhere = (actor: UserActor) => ({ userId: actor.userId, teamId: actor.teamId, readAt: null });

/** How many of the person's entries in the current team are unread: one count on notification(userId, teamId, readAt), for the header's bell. Errors: FORBIDDEN for anyone but a person. */
export async function unreadNotificationCount(actor: Actor): Promise<number> {
  return db.notification.count({ where: unreadWhere(person(actor)) });
}

/**
 * A page of the person's inbox in the current team (input: inboxQuery).
 * Three statements whatever the page holds: the entries, the names of their
 * projects, the unread count. Errors: FORBIDDEN for anyone but a person;
 * VALIDATION on `cursor` (malformed, or another person's or team's list).
 */
export async function loadInbox(actor: Actor, input: z.input<typeof inboxQuery> = {}): Promise<Inbox> {
  const me = person(actor);
  const { cursor, limit } = parseInput(inboxQuery, input);
  const list = inboxList(me);
  const after = decodeCursor(list, cursor);
  const before = after && { createdAt: new Date(after[0]), id: after[1] };
  const asOf = new Date().toISOString();
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: {
        userId: me.userId,
        teamId: me.teamId,
        ...(before && { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] }),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      select: { id: true, kind: true, projectId: true, title: true, link: true, createdAt: true, readAt: true },
    }),
    db.notification.count({ where: unreadWhere(me) }),
  ]);
  const page = rows.slice(0, limit);
  const projectIds = [...new Set(page.flatMap((row) => (row.projectId ? [row.projectId] : [])))];
  const projects = projectIds.length
    ? await db.project.findMany({ where: { id: { in: projectIds }, teamId: me.teamId }, select: { id: true, name: true } })
    : [];
  const names = new Map(projects.map((project) => [project.id, project.name]));

  const groups = new Map<string, InboxGroup>();
  for (const row of page) {
    // A project deleted since is no longer named; its entries join the team's news.
    const name = row.projectId ? names.get(row.projectId) : undefined;
    const key = name ? (row.projectId as string) : "";
    const group = groups.get(key) ?? { project: name ? { id: row.projectId as string, name } : null, entries: [] };
    group.entries.push({
      id: row.id,
      kind: row.kind,
      kindLabel: NOTIFICATION_KIND_LABEL[row.kind],
      title: row.title,
      link: row.link,
      createdAt: row.createdAt.toISOString(),
      read: row.readAt !== null,
    });
    groups.set(key, group);
  }
  return { groups: [...groups.values()], unread, asOf, nextCursor: rows.length > limit ? encodeCursor(list, creationKeyOf(page[limit - 1])) : null };
}
