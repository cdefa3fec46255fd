import "server-only";
import { dayIn, isoDay } from "@/lib/domain/readiness/dates";
import { CHECKLIST_SCHEMA, type ChecklistDocument, type ChecklistItem } from "@/lib/import/yaml-checklist";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { notFound } from "@/lib/server/kernel/errors";
import { currentOwner, ownerSelect } from "./owner-view";

// A project as a YAML checklist document (lib/import/yaml-checklist.ts), in
// one statement: categories and items in order, owners and waiver people by
// e-mail, evidence with its expiry, open waivers. Empty fields are left out.
// Expiry days are the team's (the instant a day starts in its zone, read back
// as that day), so an export imported by the same team keeps its days.
export async function loadChecklistDocument(actor: Actor, projectId: string): Promise<ChecklistDocument> {
  // Owners' e-mail addresses are for the team: a share link is refused here.
  authorize(actor, "project.read");
  const project = await db.project.findFirst({
    where: { id: projectId, teamId: actor.teamId },
    relationLoadStrategy: "join",
    select: {
      name: true,
      description: true,
      categories: {
        orderBy: { position: "asc" },
        select: {
          name: true,
          items: {
            orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
            select: {
              teamId: true,
              key: true,
              title: true,
              status: true,
              priority: true,
              effortHours: true,
              dueDate: true,
              notApplicableReason: true,
              why: true,
              howToVerify: true,
              notes: true,
              owner: ownerSelect,
              evidence: { orderBy: { createdAt: "asc" }, select: { kind: true, label: true, url: true, path: true, expiresAt: true } },
              waivers: {
                where: { status: { in: ["PENDING", "APPROVED"] } },
                orderBy: { createdAt: "desc" },
                take: 1,
                select: { status: true, reason: true, expiresAt: true, requestedBy: { select: { email: true } }, decidedBy: { select: { email: true } } },
              },
            },
          },
        },
      },
    },
  });
  if (!project) throw notFound("Project");
  const present = <T,>(value: T | null | undefined | "") => (value === null || value === undefined || value === "" ? undefined : value);
  return {
    schema: CHECKLIST_SCHEMA,
    name: project.name,
    ...(project.description ? { description: project.description } : {}),
    categories: project.categories.map((category) => ({
      name: category.name,
      items: category.items.map((row): ChecklistItem => {
        const waiver = row.waivers[0];
        const entry = {
          key: row.key,
          title: row.title,
          status: row.status,
          priority: present(row.priority),
          effortHours: row.effortHours ?? undefined,
          owner: present(currentOwner(row)?.email),
          dueDate: row.dueDate ? isoDay(row.dueDate) : undefined,
          notApplicableReason: present(row.notApplicableReason),
          why: present(row.why),
          howToVerify: present(row.howToVerify),
          notes: present(row.notes),
          evidence: row.evidence.map((e) => ({
            kind: e.kind,
            label: e.label,
            ...(e.url ? { url: e.url } : {}),
            ...(e.path ? { path: e.path } : {}),
            ...(e.expiresAt ? { expiresAt: dayIn(e.expiresAt, actor.timeZone) } : {}),
          })),
          waiver: waiver
            ? {
                status: waiver.status as "PENDING" | "APPROVED",
                reason: waiver.reason,
                expiresAt: dayIn(waiver.expiresAt, actor.timeZone),
                requestedBy: present(waiver.requestedBy?.email),
                approvedBy: waiver.status === "APPROVED" ? present(waiver.decidedBy?.email) : undefined,
              }
            : undefined,
        };
        // Drop the fields that say nothing, so the YAML lists only what is set.
        return JSON.parse(JSON.stringify(entry)) as ChecklistItem;
      }),
    })),
  };
}
