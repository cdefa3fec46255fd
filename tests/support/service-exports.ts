// The service modules whose every export the coverage tests enumerate, and
// which of those exports only read. tests/integration/activity-coverage.test.ts
// proves every other one records activity; share-link-confinement.test.ts
// proves a share link is refused by every read that takes an actor.
import * as accountCreation from "@/lib/server/identity/account-creation";
import * as accountDeletion from "@/lib/server/services/account-deletion";
import * as apiTokens from "@/lib/server/services/api-tokens";
import * as bulkItems from "@/lib/server/services/bulk-items";
import * as catalogue from "@/lib/server/services/catalogue";
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
import * as notifications from "@/lib/server/services/notifications";
import * as notificationPreferences from "@/lib/server/services/notification-preferences";
import * as passwordResets from "@/lib/server/services/password-resets";
import * as profile from "@/lib/server/services/profile";
import * as projects from "@/lib/server/services/projects";
import * as repositoryTokens from "@/lib/server/services/repository-tokens";
import * as setup from "@/lib/server/services/setup";
import * as shareLinks from "@/lib/server/services/share-links";
import * as teams from "@/lib/server/services/teams";
import * as templates from "@/lib/server/services/templates";
import * as waivers from "@/lib/server/services/waivers";
import * as webhooks from "@/lib/server/services/webhooks";

export const SERVICE_MODULES = { accountCreation, accountDeletion, apiTokens, bulkItems, catalogue, categories, checks, checkSuggestions, comments, evidence, importing, invitations, items, members, milestones, notificationPreferences, notifications, passwordResets, profile, projects, repositoryTokens, setup, shareLinks, teams, templates, waivers, webhooks };

export const SERVICE_READS = new Set([
  "accountCreation.mayCreateAccount",
  "accountDeletion.accountDeletionPlan",
  "apiTokens.hashApiToken",
  "apiTokens.listApiTokens",
  "catalogue.builtInCatalogue",
  "checks.listChecks",
  "comments.listComments",
  "checkSuggestions.proposeChecks",
  "checks.recentCheckResults",
  "importing.previewImport",
  "importing.readChecklist",
  "invitations.invitationLink",
  "invitations.listOpenInvitations",
  "invitations.listPendingInvitations",
  "invitations.previewInvitation",
  "members.listMembers",
  "members.openItemsByMember",
  "notificationPreferences.notificationSettings",
  "repositoryTokens.listRepositoryTokens",
  "repositoryTokens.repositoryCredentialsFor",
  "setup.isSetupOpen",
  "setup.setupClosed",
  "shareLinks.hashShareToken",
  "shareLinks.listShareLinks",
  "shareLinks.shareUrls",
  "teams.currentTeam",
  "teams.teamsOf",
  "templates.listTeamTemplates",
  "templates.loadTemplateDocument",
  "webhooks.listWebhooks",
]);

/**
 * Exports that change only the actor's own view of things (reading their
 * notifications): nothing of the team changes, so nothing is recorded in its
 * activity log. activity-coverage.test.ts proves they record nothing and
 * touch no one else's rows.
 */
export const SERVICE_PERSONAL = new Set(["notifications.markRead", "notifications.markAllRead"]);

/** "module.export" for every exported function of `modules`. */
export const exportedFunctions = (modules: Record<string, Record<string, unknown>>) =>
  Object.entries(modules).flatMap(([module, exports]) =>
    Object.entries(exports)
      .filter(([, value]) => typeof value === "function")
      .map(([name]) => `${module}.${name}`),
  );
