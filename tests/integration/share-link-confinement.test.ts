// A share link reads its own project's report (and the badge that heads it)
// and nothing else: every read model and every service read that takes an
// actor refuses it at the gate, even for the link's own project. Every export
// is enumerated, so a new read cannot be added without being put to the test.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ShareActor } from "@/lib/server/kernel/actor";
import { shareLinkReader } from "@/lib/server/access/share-link-access";
import * as activityFeed from "@/lib/server/read-models/activity-feed";
import * as activityView from "@/lib/server/read-models/activity-view";
import * as checklistDocument from "@/lib/server/read-models/checklist-document";
import * as checkView from "@/lib/server/read-models/check-view";
import * as commentView from "@/lib/server/read-models/comment-view";
import * as evidenceView from "@/lib/server/read-models/evidence-view";
import * as apiPages from "@/lib/server/read-models/api-pages";
import * as inbox from "@/lib/server/read-models/inbox";
import * as itemDetail from "@/lib/server/read-models/item-detail";
import * as itemPage from "@/lib/server/read-models/item-page";
import * as itemView from "@/lib/server/read-models/item-view";
import * as myWork from "@/lib/server/read-models/my-work";
import * as ownerView from "@/lib/server/read-models/owner-view";
import * as pagination from "@/lib/server/read-models/pagination";
import * as portfolio from "@/lib/server/read-models/portfolio";
import * as portfolioReport from "@/lib/server/read-models/portfolio-report";
import * as projectHistory from "@/lib/server/read-models/project-history";
import * as projectPage from "@/lib/server/read-models/project-page";
import * as projectReport from "@/lib/server/read-models/project-report";
import * as projectScore from "@/lib/server/read-models/project-score";
import * as projectView from "@/lib/server/read-models/project-view";
import * as snapshotValues from "@/lib/server/read-models/snapshot-values";
import * as sentNotifications from "@/lib/server/read-models/sent-notifications";
import * as standingTally from "@/lib/server/read-models/standing-tally";
import { createMilestone } from "@/lib/server/services/milestones";
import { createShareLink } from "@/lib/server/services/share-links";
import { saveTeamTemplate } from "@/lib/server/services/templates";
import { teamWith } from "../support/fixtures";
import { catalogueProject, code, itemByKey as itemWithKey } from "../support/readiness";
import { exportedFunctions, SERVICE_MODULES, SERVICE_READS } from "../support/service-exports";

const READ_MODELS = { activityFeed, activityView, apiPages, checklistDocument, checkView, commentView, evidenceView, inbox, itemDetail, itemPage, itemView, myWork, ownerView, pagination, portfolio, portfolioReport, projectHistory, projectPage, projectReport, projectScore, projectView, sentNotifications, snapshotValues, standingTally };

// The one read a share link may do, on its own project.
const REPORT_READS = new Set(["projectReport.loadProjectReport", "projectScore.loadProjectScore"]);

// Exports that take no actor: views and SQL built from rows or a team id,
// which the reads above use after their gate; and what serves a visitor, a
// person or the installation rather than someone acting in a team.
const WITHOUT_ACTOR = new Set([
  "activityView.toActivityView",
  "apiPages.apiItemList",
  "apiPages.apiProjectList",
  // Run inside a service's transaction, after that service's gate.
  "itemDetail.itemDetailIn",
  "itemDetail.itemDetailsIn",
  "projectScore.projectScoreIn",
  "evidenceView.toEvidenceView",
  "checkView.toCheckView",
  "checkView.toCheckResultView",
  "commentView.toCommentView",
  // Judges a comment already read (inside listComments and the writes, after their gate).
  "commentView.isOwnComment",
  "itemView.scorableOf",
  "itemView.toItemView",
  "itemView.toChecklistItem",
  "ownerView.currentOwner",
  "pagination.compareSortKeys",
  "pagination.creationKeyOf",
  "pagination.decodeCursor",
  "pagination.encodeCursor",
  "pagination.seekPage",
  "projectPage.memberOptions",
  "projectScore.projectScoreSql",
  "projectScore.scoreProjectRow",
  "projectView.targetOf",
  "projectView.toProjectView",
  "projectView.weightsOf",
  "snapshotValues.valuesOf",
  "standingTally.standingTally",
  "standingTally.standingTallySql",
  "standingTally.launchBlockerIdsSql",
  "standingTally.talliesByGroup",
  "accountCreation.mayCreateAccount",
  "accountDeletion.accountDeletionPlan",
  "apiTokens.hashApiToken",
  "importing.readChecklist",
  "invitations.invitationLink",
  "invitations.previewInvitation",
  "setup.isSetupOpen",
  "setup.setupClosed",
  "shareLinks.hashShareToken",
  "shareLinks.shareUrls",
  "teams.teamsOf",
]);

async function world() {
  const { actors: [lead] } = await teamWith(["LEAD"]);
  const projectId = await catalogueProject(lead, ["security", "testing"]);
  const other = await catalogueProject(lead, ["testing"], "Another project");
  const item = await itemWithKey(projectId, "security.headers");
  const { milestoneId } = await createMilestone(lead, { projectId, name: "Beta review" });
  const { templateId } = await saveTeamTemplate(lead, { text: "schema: shipshape.checklist/v1\nname: Payments launch\ncategories:\n  - name: PCI\n    items:\n      - key: pci.scope\n        title: Cardholder data scope documented\n" });
  const { url } = await createShareLink(lead, { projectId });
  const share = (await shareLinkReader(url.split("/share/")[1])) as ShareActor;
  return { lead, projectId, other, item, milestoneId, templateId, share };
}
type World = Awaited<ReturnType<typeof world>>;

// Each read called by the share link, on its own project wherever it names one.
const READS: Record<string, (w: World) => Promise<unknown>> = {
  "activityFeed.loadProjectFeed": (w) => activityFeed.loadProjectFeed(w.share, w.projectId),
  "checklistDocument.loadChecklistDocument": (w) => checklistDocument.loadChecklistDocument(w.share, w.projectId),
  "itemDetail.loadItemByKey": (w) => itemDetail.loadItemByKey(w.share, w.projectId, w.item.key),
  "apiPages.projectPage": (w) => apiPages.projectPage(w.share, { limit: 10, archived: "hide" }),
  "apiPages.itemPage": (w) => apiPages.itemPage(w.share, w.projectId, { limit: 10 }),
  "itemPage.loadItemPage": (w) => itemPage.loadItemPage(w.share, w.projectId, w.item.id),
  "portfolio.loadPortfolio": (w) => portfolio.loadPortfolio(w.share, { sort: "name", dir: "asc", archived: "hide", q: "", level: "any" }),
  "portfolioReport.loadPortfolioReport": (w) => portfolioReport.loadPortfolioReport(w.share),
  "projectHistory.loadProjectHistory": (w) => projectHistory.loadProjectHistory(w.share, w.projectId),
  "projectHistory.compareProjectStates": (w) => projectHistory.compareProjectStates(w.share, w.projectId, { from: w.milestoneId, to: "now" }),
  "projectPage.loadProjectReadiness": (w) => projectPage.loadProjectReadiness(w.share, w.projectId),
  "projectPage.loadProjectPage": (w) => projectPage.loadProjectPage(w.share, w.projectId),
  "myWork.loadMyWork": (w) => myWork.loadMyWork(w.share),
  "inbox.loadInbox": (w) => inbox.loadInbox(w.share),
  "inbox.unreadNotificationCount": (w) => inbox.unreadNotificationCount(w.share),
  "sentNotifications.sentNotificationPage": (w) => sentNotifications.sentNotificationPage(w.share, { limit: 10 }),
  "apiTokens.listApiTokens": (w) => SERVICE_MODULES.apiTokens.listApiTokens(w.share),
  "comments.listComments": (w) => SERVICE_MODULES.comments.listComments(w.share, { itemId: w.item.id }),
  "checks.listChecks": (w) => SERVICE_MODULES.checks.listChecks(w.share, { projectId: w.projectId }),
  "checkSuggestions.proposeChecks": (w) => SERVICE_MODULES.checkSuggestions.proposeChecks(w.share, { projectId: w.projectId }),
  "checks.recentCheckResults": (w) => SERVICE_MODULES.checks.recentCheckResults(w.share, { projectId: w.projectId }),
  "catalogue.builtInCatalogue": (w) => SERVICE_MODULES.catalogue.builtInCatalogue(w.share),
  "importing.previewImport": (w) => SERVICE_MODULES.importing.previewImport(w.share, { projectId: w.projectId, text: "## Security\n- [x] Security headers\n" }),
  "invitations.listPendingInvitations": (w) => SERVICE_MODULES.invitations.listPendingInvitations(w.share),
  "invitations.listOpenInvitations": (w) => SERVICE_MODULES.invitations.listOpenInvitations(w.share),
  "members.listMembers": (w) => SERVICE_MODULES.members.listMembers(w.share),
  "members.openItemsByMember": (w) => SERVICE_MODULES.members.openItemsByMember(w.share),
  "notificationPreferences.notificationSettings": (w) => SERVICE_MODULES.notificationPreferences.notificationSettings(w.share),
  "repositoryTokens.listRepositoryTokens": (w) => SERVICE_MODULES.repositoryTokens.listRepositoryTokens(w.share),
  "repositoryTokens.repositoryCredentialsFor": (w) =>
    SERVICE_MODULES.repositoryTokens.repositoryCredentialsFor(w.share, { kind: "repository", url: "https://git.example.com/a.git", files: [{ path: "README.md" }], timeoutMs: 30_000 }),
  "shareLinks.listShareLinks": (w) => SERVICE_MODULES.shareLinks.listShareLinks(w.share, w.projectId),
  "teams.currentTeam": (w) => SERVICE_MODULES.teams.currentTeam(w.share),
  "templates.listTeamTemplates": (w) => SERVICE_MODULES.templates.listTeamTemplates(w.share),
  "templates.loadTemplateDocument": (w) => SERVICE_MODULES.templates.loadTemplateDocument(w.share, w.templateId),
  "webhooks.listWebhooks": (w) => SERVICE_MODULES.webhooks.listWebhooks(w.share, { projectId: w.projectId }),
};

const reads = [...exportedFunctions(READ_MODELS), ...exportedFunctions(SERVICE_MODULES).filter((name) => SERVICE_READS.has(name))];
const teamReads = reads.filter((name) => !REPORT_READS.has(name) && !WITHOUT_ACTOR.has(name));

describe("a share link", () => {
  it("is put to every read model and every service read", () => {
    const files = readdirSync(path.resolve(import.meta.dirname, "../../lib/server/read-models")).filter((file) => !file.endsWith(".test.ts"));
    const modules = files.map((file) => file.replace(/\.ts$/, "").replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()));
    expect(Object.keys(READ_MODELS).sort()).toEqual(modules.sort());
    expect(teamReads.filter((name) => !READS[name])).toEqual([]);
    expect([...REPORT_READS, ...WITHOUT_ACTOR, ...Object.keys(READS)].filter((name) => !reads.includes(name))).toEqual([]);
  });

  it.each(teamReads)("is refused by %s, even on its own project", async (name) => {
    const w = await world();
    expect(await code(READS[name](w))).toBe("FORBIDDEN");
  });

  it("reads its own project's report and score, and no other project's", async () => {
    const w = await world();
    expect(await code(projectReport.loadProjectReport(w.share, w.projectId))).toBe("OK");
    expect(await code(projectScore.loadProjectScore(w.share, w.projectId))).toBe("OK");
    expect(await code(projectReport.loadProjectReport(w.share, w.other))).toBe("NOT_FOUND");
    expect(await code(projectScore.loadProjectScore(w.share, w.other))).toBe("NOT_FOUND");
  });
});
