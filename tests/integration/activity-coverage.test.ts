// Every exported service function either reads, or records activity when it
// changes something. A new export without a scenario below fails this test,
// so a mutation cannot be added without proving it leaves an audit trail; and
// every change inside a project is shown to keep that project's readiness
// history (recordProjectChange), not only its audit trail.
import { describe, expect, it } from "vitest";
import { networkPolicyOf, parseCidr } from "@/lib/server/checks/network-policy";
import { db } from "@/lib/server/kernel/db";
import { recordActivity } from "@/lib/server/services/activity";
import * as accountDeletion from "@/lib/server/services/account-deletion";
import * as apiTokens from "@/lib/server/services/api-tokens";
import * as bulkItems from "@/lib/server/services/bulk-items";
import * as categories from "@/lib/server/services/categories";
import * as checks from "@/lib/server/services/checks";
import * as checkSuggestions from "@/lib/server/services/check-suggestions";
import * as comments from "@/lib/server/services/comments";
import * as evidence from "@/lib/server/services/evidence";
import * as importing from "@/lib/server/services/import";
import * as invitations from "@/lib/server/services/invitations";
import * as items from "@/lib/server/services/items";
import * as members from "@/lib/server/services/members";
import * as milestones from "@/lib/server/services/milestones";
import * as notificationPreferences from "@/lib/server/services/notification-preferences";
import { unsubscribeToken } from "@/lib/server/notifications/email/unsubscribe-token";
import * as passwordResets from "@/lib/server/services/password-resets";
import * as profile from "@/lib/server/services/profile";
import * as projects from "@/lib/server/services/projects";
import * as repositoryTokens from "@/lib/server/services/repository-tokens";
import * as shareLinks from "@/lib/server/services/share-links";
import * as teams from "@/lib/server/services/teams";
import * as templates from "@/lib/server/services/templates";
import * as waivers from "@/lib/server/services/waivers";
import * as webhooks from "@/lib/server/services/webhooks";
import { membershipOf, person, teamWith } from "../support/fixtures";
import { catalogueProject, daysFromNow, itemByKey } from "../support/readiness";
import { exportedFunctions, SERVICE_MODULES, SERVICE_PERSONAL, SERVICE_READS } from "../support/service-exports";
import * as notifications from "@/lib/server/services/notifications";

// The installation claim happens before any team (and so any activity feed)
// exists; the first team's creation during setup is recorded by createTeam.
const OUTSIDE_ANY_TEAM = new Set(["setup.claimInstallation", "setup.releaseInstallation"]);

// Needs a database that was never set up; tests/integration/cli.test.ts runs
// it on one and checks the team's creation is recorded.
const FRESH_INSTALL_ONLY = new Set(["setup.setUpFromCommandLine"]);

// Deliveries change no team data: a test message is kept in its destination's
// delivery log, like every delivery, not in the activity log
// (tests/integration/webhooks.test.ts).
const DELIVERIES = new Set(["webhooks.sendTestWebhook"]);

// A destination on loopback, allowed as an operator would allow an internal receiver.
const webhookContext = { context: { network: networkPolicyOf([parseCidr("127.0.0.0/8")!]) } };

// What a check's run changes is recorded as Shipshape's own work (the system
// actor), whoever asked for the run.
const BY_SHIPSHAPE: Record<string, string> = {
  "checks.runCheckNow": "Shipshape (checks)",
  "checks.runProjectChecks": "Shipshape (checks)",
  "checks.reportCheckResult": "Shipshape (checks)",
};

const TEMPLATE_YAML = "schema: shipshape.checklist/v1\nname: Payments launch\ncategories:\n  - name: PCI\n    items:\n      - key: pci.scope\n        title: Cardholder data scope documented\n";

async function world() {
  const { teamId, actors } = await teamWith(["ADMIN", "LEAD", "LEAD", "ENGINEER"]);
  const [admin, lead, otherLead, engineer] = actors;
  const projectId = await catalogueProject(lead, ["security", "testing"]);
  const item = await itemByKey(projectId, "security.headers");
  const category = await db.category.findFirstOrThrow({ where: { projectId, name: "Security" } });
  return { teamId, admin, lead, otherLead, engineer, projectId, item, category };
}
type World = Awaited<ReturnType<typeof world>>;

// Storing a read token, or a webhook's secret or chat address, needs the key that seals it.
const withSealingKey = () => (process.env.SHIPSHAPE_SECRET_KEY ??= "activity-coverage-sealing-key-0123456789");

const SCENARIOS: Record<string, (w: World) => Promise<unknown>> = {
  "webhooks.createWebhook": (w) => (withSealingKey(), webhooks.createWebhook(w.lead, { url: "http://127.0.0.1:9/hook", format: "slack", projectId: w.projectId }, webhookContext)),
  "webhooks.deleteWebhook": async (w) => {
    withSealingKey();
    const { webhook } = await webhooks.createWebhook(w.lead, { url: "http://127.0.0.1:9/hook", format: "teams" }, webhookContext);
    return webhooks.deleteWebhook(w.lead, { webhookId: webhook.id });
  },
  "repositoryTokens.storeRepositoryToken": (w) => (withSealingKey(), repositoryTokens.storeRepositoryToken(w.lead, { host: "github.com", token: "ghp_0123456789abcdef" })),
  "repositoryTokens.removeRepositoryToken": async (w) => {
    withSealingKey();
    const { id } = await repositoryTokens.storeRepositoryToken(w.lead, { host: "github.com", token: "ghp_0123456789abcdef" });
    return repositoryTokens.removeRepositoryToken(w.lead, { tokenId: id });
  },
  "accountDeletion.deleteAccount": (w) => accountDeletion.deleteAccount(w.engineer, { confirmEmail: w.engineer.email }),
  "importing.importChecklist": (w) => importing.importChecklist(w.lead, { projectId: w.projectId, text: "## Security\n- [x] Security headers\n- [ ] Pen test booked\n" }),
  "templates.saveTeamTemplate": (w) => templates.saveTeamTemplate(w.lead, { text: TEMPLATE_YAML }),
  "templates.deleteTeamTemplate": async (w) => {
    const { templateId } = await templates.saveTeamTemplate(w.lead, { text: TEMPLATE_YAML });
    return templates.deleteTeamTemplate(w.lead, { templateId });
  },
  "milestones.createMilestone": (w) => milestones.createMilestone(w.lead, { projectId: w.projectId, name: "Beta review" }),
  "milestones.deleteMilestone": async (w) => {
    const { milestoneId } = await milestones.createMilestone(w.lead, { projectId: w.projectId, name: "Beta review" });
    return milestones.deleteMilestone(w.lead, { milestoneId });
  },
  "shareLinks.createShareLink": (w) => shareLinks.createShareLink(w.lead, { projectId: w.projectId }),
  "shareLinks.revokeShareLink": async (w) => {
    const { link } = await shareLinks.createShareLink(w.lead, { projectId: w.projectId });
    return shareLinks.revokeShareLink(w.lead, { shareLinkId: link.id });
  },
  "apiTokens.createApiToken": (w) => apiTokens.createApiToken(w.admin, { name: "CI", scope: "write" }),
  "apiTokens.revokeApiToken": async (w) => {
    const { token } = await apiTokens.createApiToken(w.admin, { name: "CI", scope: "write" });
    return apiTokens.revokeApiToken(w.admin, { tokenId: token.id });
  },
  "categories.addCategory": (w) => categories.addCategory(w.lead, { projectId: w.projectId, name: "Payments" }),
  "categories.renameCategory": (w) => categories.renameCategory(w.lead, { categoryId: w.category.id, name: "AppSec" }),
  "categories.moveCategory": (w) => categories.moveCategory(w.lead, { categoryId: w.category.id, direction: "up" }),
  "categories.deleteCategory": (w) => categories.deleteCategory(w.lead, { categoryId: w.category.id }),
  "checks.addCheck": (w) => checks.addCheck(w.lead, { itemId: w.item.id, settings: { kind: "reported", maxAgeDays: 7 } }),
  "checks.removeCheck": async (w) => {
    const { id: checkId } = await checks.addCheck(w.lead, { itemId: w.item.id, settings: { kind: "reported", maxAgeDays: 7 } });
    return checks.removeCheck(w.lead, { checkId });
  },
  // A reported check with no report yet fails without touching the network.
  // The report is the reporter's; what it changes, Shipshape's.
  "checks.reportCheckResult": async (w) => {
    const { id: checkId } = await checks.addCheck(w.lead, { itemId: w.item.id, settings: { kind: "reported", maxAgeDays: 7 } });
    return checks.reportCheckResult(w.engineer, { checkId, passed: true });
  },
  "checks.runCheckNow": async (w) => {
    const { id: checkId } = await checks.addCheck(w.lead, { itemId: w.item.id, settings: { kind: "reported", maxAgeDays: 7 }, failuresBeforeFailing: 1 });
    return checks.runCheckNow(w.engineer, { checkId });
  },
  "checkSuggestions.acceptChecks": async (w) => {
    await db.project.update({ where: { id: w.projectId }, data: { productionUrl: "https://shop.example.com" } });
    return checkSuggestions.acceptChecks(w.lead, { projectId: w.projectId, proposals: [0] });
  },
  "checks.runProjectChecks": async (w) => {
    await checks.addCheck(w.lead, { itemId: w.item.id, settings: { kind: "reported", maxAgeDays: 7 }, failuresBeforeFailing: 1 });
    return checks.runProjectChecks(w.engineer, { projectId: w.projectId });
  },
  "comments.addComment": (w) => comments.addComment(w.engineer, { itemId: w.item.id, body: "Headers look right on staging." }),
  "comments.editComment": async (w) => {
    const { comment } = await comments.addComment(w.engineer, { itemId: w.item.id, body: "First draft" });
    return comments.editComment(w.engineer, { commentId: comment.id, body: "Second draft" });
  },
  "comments.deleteComment": async (w) => {
    const { comment } = await comments.addComment(w.engineer, { itemId: w.item.id, body: "Off topic" });
    return comments.deleteComment(w.lead, { commentId: comment.id });
  },
  "evidence.addEvidence": (w) => evidence.addEvidence(w.engineer, { itemId: w.item.id, kind: "LINK", target: "https://x.example/a" }),
  "evidence.updateEvidence": async (w) => {
    const { evidenceId } = await evidence.addEvidence(w.engineer, { itemId: w.item.id, kind: "LINK", target: "https://x.example/a" });
    return evidence.updateEvidence(w.engineer, { evidenceId, label: "Header scan" });
  },
  "evidence.restoreEvidence": async (w) => {
    const { evidenceId } = await evidence.addEvidence(w.engineer, { itemId: w.item.id, kind: "LINK", target: "https://x.example/a" });
    await evidence.removeEvidence(w.engineer, { evidenceId });
    return evidence.restoreEvidence(w.engineer, { evidenceId });
  },
  "evidence.removeEvidence": async (w) => {
    const { evidenceId } = await evidence.addEvidence(w.engineer, { itemId: w.item.id, kind: "NOTE", label: "Checked by hand" });
    return evidence.removeEvidence(w.engineer, { evidenceId });
  },
  "invitations.inviteMember": (w) => invitations.inviteMember(w.admin, { email: "new.person@example.com", role: "ENGINEER" }),
  "invitations.revokeInvitation": async (w) => {
    const { invitation } = await invitations.inviteMember(w.admin, { email: "revoked@example.com", role: "VIEWER" });
    return invitations.revokeInvitation(w.admin, { invitationId: invitation.id });
  },
  "invitations.acceptInvitation": async (w) => {
    const invitee = await person("Invitee");
    const { link } = await invitations.inviteMember(w.admin, { email: invitee.email, role: "ENGINEER" });
    return invitations.acceptInvitation(invitee, link.split("/invite/")[1]);
  },
  "invitations.reissueInvitation": async (w) => {
    const { invitation } = await invitations.inviteMember(w.admin, { email: "again@example.com", role: "ENGINEER" });
    return invitations.reissueInvitation(w.admin, { invitationId: invitation.id });
  },
  "passwordResets.createPasswordResetLink": async (w) => passwordResets.createPasswordResetLink(w.admin, { membershipId: (await membershipOf(w.engineer)).id }),
  "notificationPreferences.setNotificationPreferences": (w) => notificationPreferences.setNotificationPreferences(w.engineer, { cadences: { COMMENT_ADDED: "WEEKLY" } }),
  "notificationPreferences.unsubscribeWithToken": (w) =>
    notificationPreferences.unsubscribeWithToken(unsubscribeToken({ userId: w.engineer.userId, teamId: w.teamId, kinds: ["ITEM_ASSIGNED"] })),
  "profile.renameSelf": (w) => profile.renameSelf(w.engineer, { name: "Renamed Engineer" }),
  "items.createItem": (w) => items.createItem(w.lead, { categoryId: w.category.id, title: "WAF" }),
  "items.updateItem": (w) => items.updateItem(w.engineer, { itemId: w.item.id, version: 1, changes: { status: "PARTIAL" } }),
  "items.reorderItem": (w) => items.reorderItem(w.lead, { itemId: w.item.id, direction: "up" }),
  "items.deleteItem": (w) => items.deleteItem(w.lead, { itemId: w.item.id }),
  "bulkItems.bulkUpdateItems": (w) => bulkItems.bulkUpdateItems(w.engineer, { projectId: w.projectId, itemIds: [w.item.id], changes: { status: "PARTIAL" } }),
  "members.changeMemberRole": async (w) => members.changeMemberRole(w.admin, { membershipId: (await membershipOf(w.engineer)).id, role: "LEAD" }),
  "members.removeMember": async (w) => members.removeMember(w.admin, { membershipId: (await membershipOf(w.engineer)).id }),
  "projects.createProject": (w) => projects.createProject(w.lead, { name: "Another", source: "blank" }),
  "projects.updateProject": (w) => projects.updateProject(w.lead, { projectId: w.projectId, name: "Renamed" }),
  "projects.updateProjectSettings": (w) =>
    projects.updateProjectSettings(w.lead, { projectId: w.projectId, evidencePolicy: "ALL", weightCritical: 5, weightHigh: 3, weightMedium: 2, weightLow: 1 }),
  "projects.archiveProject": (w) => projects.archiveProject(w.lead, { projectId: w.projectId }),
  "projects.restoreProject": async (w) => {
    await db.project.update({ where: { id: w.projectId }, data: { archivedAt: new Date() } });
    return projects.restoreProject(w.lead, { projectId: w.projectId });
  },
  "projects.deleteProject": (w) => projects.deleteProject(w.admin, { projectId: w.projectId, confirmName: "Checkout API" }),
  "teams.createTeam": (w) => teams.createTeam(w.lead, { name: "Second team" }),
  "teams.renameTeam": (w) => teams.renameTeam(w.admin, { name: "Renamed team" }),
  "teams.setTeamTimeZone": (w) => teams.setTeamTimeZone(w.admin, { timeZone: "Europe/Berlin" }),
  "waivers.requestWaiver": (w) => waivers.requestWaiver(w.engineer, { itemId: w.item.id, reason: "Accepted for the beta", expiresAt: daysFromNow(7) }),
  "waivers.decideWaiver": async (w) => {
    const { waiverId } = await waivers.requestWaiver(w.engineer, { itemId: w.item.id, reason: "Accepted for the beta", expiresAt: daysFromNow(7) });
    return waivers.decideWaiver(w.otherLead, { waiverId, decision: "APPROVE" });
  },
  "waivers.withdrawWaiver": async (w) => {
    const { waiverId } = await waivers.requestWaiver(w.engineer, { itemId: w.item.id, reason: "Accepted for the beta", expiresAt: daysFromNow(7) });
    return waivers.withdrawWaiver(w.engineer, { waiverId });
  },
};

const exported = exportedFunctions(SERVICE_MODULES);
const mutations = exported.filter((name) => !SERVICE_READS.has(name) && !SERVICE_PERSONAL.has(name) && !OUTSIDE_ANY_TEAM.has(name) && !FRESH_INSTALL_ONLY.has(name) && !DELIVERIES.has(name));

// Each personal export, run by the engineer on an inbox holding an entry of
// theirs and one of the lead's.
const PERSONAL: Record<string, (w: World, ids: { mine: string; theirs: string }) => Promise<unknown>> = {
  "notifications.markRead": (w, ids) => notifications.markRead(w.engineer, { notificationIds: [ids.mine, ids.theirs] }),
  "notifications.markAllRead": (w) => notifications.markAllRead(w.engineer),
};

describe("activity coverage", () => {
  it("knows every exported service function", () => {
    expect(mutations.filter((name) => !SCENARIOS[name])).toEqual([]);
    expect(mutations.length).toBeGreaterThanOrEqual(25);
  });

  it.each(mutations)("%s records activity, and keeps the readiness history of every project it changes", async (name) => {
    const w = await world();
    const scenario = SCENARIOS[name];
    expect(scenario, `no scenario for ${name}`).toBeDefined();
    // Activity rows created by the setup of the world are not counted, and its
    // snapshots are cleared: a change recorded through recordProjectChange
    // then always leaves one (there is no earlier one to equal).
    const before = await db.activity.findMany({ select: { id: true } });
    await db.readinessSnapshot.deleteMany({ where: { teamId: w.teamId } });
    await scenario(w);
    const seen = new Set(before.map((row) => row.id));
    const added = (await db.activity.findMany({ select: { id: true, action: true, actorUserId: true, actorLabel: true, projectId: true } })).filter((row) => !seen.has(row.id));
    expect(added.length).toBeGreaterThan(0);
    const byShipshape = BY_SHIPSHAPE[name];
    expect(added.every((row) => row.actorUserId || (byShipshape && row.actorLabel === byShipshape))).toBe(true);
    if (byShipshape) expect(added.some((row) => row.actorLabel === byShipshape)).toBe(true);

    // A deleted project has no history left to keep.
    const changed = [...new Set(added.flatMap((row) => (row.projectId ? [row.projectId] : [])))];
    const remaining = await db.project.findMany({ where: { id: { in: changed } }, select: { id: true } });
    const snapshotted = await db.readinessSnapshot.findMany({ where: { projectId: { in: changed } }, distinct: ["projectId"], select: { projectId: true } });
    expect(snapshotted.map((row) => row.projectId).sort()).toEqual(remaining.map((row) => row.id).sort());
  });

  it("knows every personal export", () => {
    expect(exported.filter((name) => SERVICE_PERSONAL.has(name)).sort()).toEqual(Object.keys(PERSONAL).sort());
  });

  it.each(Object.keys(PERSONAL))("%s records nothing and changes only the actor's own rows", async (name) => {
    const w = await world();
    // A waiver request tells the leads; a comment mentioning the engineer tells them.
    await waivers.requestWaiver(w.otherLead, { itemId: w.item.id, reason: "Accepted for the beta", expiresAt: daysFromNow(7) });
    await comments.addComment(w.lead, { itemId: w.item.id, body: `@${w.engineer.email} please look` });
    const mine = await db.notification.findFirstOrThrow({ where: { userId: w.engineer.userId } });
    const theirs = await db.notification.findFirstOrThrow({ where: { userId: w.lead.userId } });
    const before = await db.activity.count();
    await PERSONAL[name](w, { mine: mine.id, theirs: theirs.id });
    expect(await db.activity.count()).toBe(before);
    expect((await db.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).not.toBeNull();
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
  });

  it("refuses to record a change inside a project as a team change", async () => {
    const { admin, projectId } = await world();
    const entry = { action: "item.updated", entityType: "item", entityId: "i", projectId };
    await expect(db.$transaction((tx) => recordActivity(tx, admin, entry as never))).rejects.toThrow(/recordProjectChange/);
  });
});
