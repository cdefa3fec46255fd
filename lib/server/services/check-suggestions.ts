import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import {
  checkIdentity,
  fillTemplate,
  PLACEHOLDER_SOURCE,
  placeholdersOf,
  placeholderValues,
  PROJECT_URL_LABEL,
  type CheckPlaceholder,
  type CheckTemplate,
  type ProjectUrlField,
} from "@/lib/domain/checks/suggestions";
import { addCheckInput, checkTarget } from "@/lib/schemas/check";
import { acceptChecksInput, proposeChecksInput, SUGGESTION_ID } from "@/lib/schemas/check-suggestions";
import { CHECK_KINDS, checkSettings, type CheckKind, type CheckSettings } from "@/lib/schemas/check-settings";
import type { Actor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { AppError, parseInput } from "@/lib/server/kernel/errors";
import { authorize } from "@/lib/server/kernel/gate";
import { projectInTeam } from "@/lib/server/kernel/tenancy";
import { checkViewSelect, toCheckView, type CheckView } from "@/lib/server/read-models/check-view";
import { recordProjectChange, type ProjectActivityEntry } from "./activity";
import { BUILT_IN_TEMPLATE_KEY } from "./catalogue";
import { insertCheck } from "./check-writes";

// "Set up checks" in one step: the built-in catalogue suggests checks for its
// items (prisma/catalogue/*.yaml, `checks:`), filled from the project's
// production and repository URLs; a lead accepts the ones they want. Items
// are matched to the catalogue by key, whichever version of the catalogue or
// template the project came from (docs/adr/0033-check-suggestions.md).

type Tx = Prisma.TransactionClient;

/** One way to set up a suggested check: its settings (parsed, defaults filled) and whether the item already has it. */
export type CheckChoice = { id: string; settings: CheckSettings; target: string; alreadyExists: boolean };

/**
 * A suggested check for an item. `id` names it when accepting; `settings`,
 * `target` and `alreadyExists` are those of the choice shown first (the one
 * already set up, if any, else the template's own); `choices` lists every
 * choice, the template's own first, then its alternatives (another path of a
 * health endpoint …), any of which may be accepted by its id instead.
 */
export type CheckProposal = {
  id: string;
  itemKey: string;
  itemTitle: string;
  category: string;
  label: string;
  kind: CheckKind;
  settings: CheckSettings;
  target: string;
  alreadyExists: boolean;
  choices: CheckChoice[];
};

/** A project URL the suggestions need: not set, or not usable for the checks that would use it. */
export type MissingProjectUrl = { field: ProjectUrlField; label: string; message: string; suggestions: number };

/**
 * What the catalogue suggests for a project: the proposals in the order of
 * the project's categories and items, the URLs they were built from, the
 * URLs still to set (with how many suggestions each would add), and the
 * path of the project settings where they are set.
 */
export type CheckSuggestions = {
  projectId: string;
  projectName: string;
  urls: { productionUrl: string | null; repositoryUrl: string | null };
  proposals: CheckProposal[];
  missingUrls: MissingProjectUrl[];
  settingsPath: string;
};

/** What accepting did: the checks added, and the chosen ones skipped because the item already had them. */
export type AcceptedChecks = {
  projectId: string;
  added: CheckView[];
  skipped: { id: string; itemKey: string; target: string; reason: string }[];
};

type ProjectUrls = { id: string; name: string; productionUrl: string | null; repositoryUrl: string | null };
type ItemRow = { id: string; projectId: string; key: string; title: string; category: string };

const KNOWN_KINDS: readonly string[] = CHECK_KINDS;

// The catalogue's templates for the items of a project that have any, with
// the project's items and checks: everything a proposal is built from.
async function suggestionsOf(tx: Tx, actor: Actor, project: ProjectUrls): Promise<{ suggestions: CheckSuggestions; items: Map<string, ItemRow> }> {
  const items = await tx.item.findMany({
    // A check never changes an item marked Not applicable: nothing to suggest.
    where: { teamId: actor.teamId, projectId: project.id, status: { not: "NOT_APPLICABLE" } },
    orderBy: [{ category: { position: "asc" } }, { position: "asc" }, { id: "asc" }],
    select: { id: true, projectId: true, key: true, title: true, category: { select: { name: true } } },
  });
  const templates = await tx.templateItem.findMany({
    where: { key: { in: items.map((item) => item.key) }, category: { template: { teamId: null, key: BUILT_IN_TEMPLATE_KEY } } },
    select: { key: true, checks: true },
  });
  const templatesByKey = new Map(templates.map((template) => [template.key, (Array.isArray(template.checks) ? template.checks : []) as CheckTemplate[]]));
  const existing = new Map<string, Set<string>>();
  for (const check of await tx.check.findMany({ where: { teamId: actor.teamId, projectId: project.id }, select: { itemId: true, settings: true } })) {
    const parsed = checkSettings.safeParse(check.settings);
    const settings = (parsed.success ? parsed.data : check.settings) as { kind: string } & Record<string, unknown>;
    (existing.get(check.itemId) ?? existing.set(check.itemId, new Set()).get(check.itemId)!).add(checkIdentity(settings));
  }

  const values = placeholderValues(project);
  const proposals: CheckProposal[] = [];
  const missing = new Map<ProjectUrlField, { message: string; suggestions: number }>();
  const miss = (placeholders: CheckPlaceholder[], message: (field: ProjectUrlField) => string) => {
    for (const field of new Set(placeholders.map((name) => PLACEHOLDER_SOURCE[name]))) {
      const entry = missing.get(field) ?? { message: message(field), suggestions: 0 };
      entry.suggestions += 1;
      missing.set(field, entry);
    }
  };
  const rows = new Map<string, ItemRow>();
  for (const item of items) {
    const row = { id: item.id, projectId: item.projectId, key: item.key, title: item.title, category: item.category.name };
    rows.set(item.key, row);
    for (const [index, template] of (templatesByKey.get(item.key) ?? []).entries()) {
      // A kind this version of Shipshape does not know (the catalogue may be
      // ahead of the code) is not offered.
      if (!template || typeof template !== "object" || !KNOWN_KINDS.includes(template.kind)) continue;
      const filled = fillTemplate(template, values);
      if (!filled.ok) {
        miss(filled.missing, (field) => `Set the project's ${PROJECT_URL_LABEL[field]} to get the checks that need it.`);
        continue;
      }
      const id = `${item.key}:${index}`;
      const choices: CheckChoice[] = [];
      for (const [place, candidate] of filled.choices.entries()) {
        const parsed = checkSettings.safeParse(candidate);
        if (!parsed.success) {
          // The project's URL cannot make this check (a repository over
          // ssh:// …): say which URL and why, once.
          if (place > 0) continue;
          miss(placeholdersOf(template), (field) => `The project's ${PROJECT_URL_LABEL[field]} cannot be used for these checks: ${parsed.error.issues[0]?.message ?? "it is not valid."}`);
          break;
        }
        choices.push({
          id: place === 0 ? id : `${id}:${place}`,
          settings: parsed.data,
          target: checkTarget(parsed.data),
          alreadyExists: existing.get(item.id)?.has(checkIdentity(parsed.data as { kind: string } & Record<string, unknown>)) ?? false,
        });
      }
      if (choices.length === 0) continue;
      const shown = choices.find((choice) => choice.alreadyExists) ?? choices[0];
      proposals.push({
        id,
        itemKey: item.key,
        itemTitle: item.title,
        category: item.category.name,
        label: template.label,
        kind: shown.settings.kind,
        settings: shown.settings,
        target: shown.target,
        alreadyExists: shown.alreadyExists,
        choices,
      });
    }
  }
  return {
    items: rows,
    suggestions: {
      projectId: project.id,
      projectName: project.name,
      urls: { productionUrl: project.productionUrl, repositoryUrl: project.repositoryUrl },
      proposals,
      missingUrls: (["productionUrl", "repositoryUrl"] as const)
        .filter((field) => missing.has(field))
        .map((field) => ({ field, label: PROJECT_URL_LABEL[field], ...missing.get(field)! })),
      settingsPath: `/projects/${project.id}/settings`,
    },
  };
}

/**
 * The checks the built-in catalogue suggests for a project (`projectId`):
 * for each of its items (not marked Not applicable) whose key is a catalogue
 * item with check templates, one proposal per template whose placeholders
 * the project's URLs fill and whose kind this version knows, with
 * `alreadyExists` when the item has a check of the same kind on the same
 * target (lib/domain/checks/suggestions.ts, checkIdentity). URLs not set (or
 * not usable) are listed in `missingUrls` with the number of suggestions they
 * would add. Errors: VALIDATION, FORBIDDEN (not check.manage), NOT_FOUND,
 * CONFLICT (archived project).
 */
export async function proposeChecks(actor: Actor, input: unknown): Promise<CheckSuggestions> {
  authorize(actor, "check.manage");
  const { projectId } = parseInput(proposeChecksInput, input);
  return db.$transaction(async (tx) => {
    const project = await projectInTeam(tx, actor, projectId);
    return (await suggestionsOf(tx, actor, project)).suggestions;
  });
}

/**
 * Sets up the chosen suggestions of a project in one transaction. Input
 * (acceptChecksInput): `projectId`; `proposals`, each a proposal's id (or
 * one of its choices' ids) or its place in the list proposeChecks gives;
 * `intervalMinutes` (5–1440, default 60). Each check is added as addCheck
 * adds one (same defaults, same `check.added` record); the chosen ones the
 * item already has are skipped, so accepting twice adds nothing. One
 * `project.checksSetUp` record sums up, when anything was added. The
 * project's row is locked meanwhile, so two people accepting at once cannot
 * both add the same check. Errors: VALIDATION (field-level:
 * `proposals.2` names a proposal no longer offered), FORBIDDEN, NOT_FOUND,
 * CONFLICT (archived project).
 */
export async function acceptChecks(actor: Actor, input: unknown): Promise<AcceptedChecks> {
  authorize(actor, "check.manage");
  const { projectId, proposals: wanted, intervalMinutes } = parseInput(acceptChecksInput, input);
  return db.$transaction(async (tx) => {
    const project = await projectInTeam(tx, actor, projectId);
    await tx.$queryRaw`SELECT id FROM project WHERE id = ${project.id} AND "teamId" = ${actor.teamId} FOR UPDATE`;
    const { suggestions, items } = await suggestionsOf(tx, actor, project);

    const choices = new Map<string, { proposal: CheckProposal; choice: CheckChoice }>();
    for (const proposal of suggestions.proposals) for (const choice of proposal.choices) choices.set(choice.id, { proposal, choice });
    const fields: Record<string, string[]> = {};
    const chosen: { proposal: CheckProposal; choice: CheckChoice }[] = [];
    for (const [place, ref] of wanted.entries()) {
      const found =
        typeof ref === "number"
          ? suggestions.proposals[ref] && { proposal: suggestions.proposals[ref], choice: suggestions.proposals[ref].choices[0] }
          : (choices.get(ref) ?? (SUGGESTION_ID.exec(ref)?.[3] === "0" ? choices.get(ref.replace(/:0$/, "")) : undefined));
      if (!found) fields[`proposals.${place}`] = ["This check is no longer suggested for this project (its URLs or items changed). Reload the suggestions."];
      else if (!chosen.some((earlier) => earlier.choice.id === found.choice.id)) chosen.push(found);
    }
    if (Object.keys(fields).length > 0) throw new AppError("VALIDATION", "Some of the chosen checks are no longer suggested. Reload the suggestions.", fields);

    const entries: ProjectActivityEntry[] = [];
    const summary: { itemKey: string; kind: string; target: string }[] = [];
    const addedIds: string[] = [];
    const skipped: AcceptedChecks["skipped"] = [];
    const settingUp = new Set<string>();
    for (const { proposal, choice } of chosen) {
      const item = items.get(proposal.itemKey)!;
      const identity = `${item.id} ${checkIdentity(choice.settings as { kind: string } & Record<string, unknown>)}`;
      if (choice.alreadyExists || settingUp.has(identity)) {
        skipped.push({ id: choice.id, itemKey: proposal.itemKey, target: choice.target, reason: "The item already has this check." });
        continue;
      }
      settingUp.add(identity);
      // The same schema as addCheck's: the same defaults for what the suggestion leaves open.
      const check = parseInput(addCheckInput, { itemId: item.id, settings: choice.settings, intervalMinutes });
      const { checkId, entry } = await insertCheck(tx, actor, item, check);
      addedIds.push(checkId);
      entries.push(entry);
      summary.push({ itemKey: proposal.itemKey, kind: choice.settings.kind, target: choice.target });
    }
    if (entries.length > 0) {
      entries.push({
        action: "project.checksSetUp",
        entityType: "project",
        entityId: project.id,
        projectId: project.id,
        after: { added: summary.length, skipped: skipped.length, intervalMinutes, checks: summary.slice(0, 50) },
      });
      await recordProjectChange(tx, actor, entries);
    }
    const rows = await tx.check.findMany({ where: { id: { in: addedIds }, teamId: actor.teamId }, select: checkViewSelect });
    const byId = new Map(rows.map((row) => [row.id, toCheckView(row)]));
    return { projectId: project.id, added: addedIds.map((id) => byId.get(id)!), skipped };
  });
}
