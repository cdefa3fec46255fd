// "Set up checks" in one step: the catalogue's suggested checks for a
// project, built from its URLs, and accepting some of them, against the real
// database. Nothing here runs a check, so nothing leaves the machine.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { CHECK_KINDS } from "@/lib/schemas/check-settings";
import { acceptChecks, proposeChecks } from "@/lib/server/services/check-suggestions";
import { addCheck } from "@/lib/server/services/checks";
import { createProject } from "@/lib/server/services/projects";
import { activitiesOf, teamWith } from "../support/fixtures";
import { code, failure, itemByKey } from "../support/readiness";

const PRODUCTION = "https://shop.example.com";
const REPOSITORY = "https://github.com/acme/shop";

async function world(urls: { productionUrl?: string; repositoryUrl?: string } = { productionUrl: `${PRODUCTION}/`, repositoryUrl: REPOSITORY }) {
  const { teamId, actors } = await teamWith(["LEAD", "ENGINEER", "ADMIN"]);
  const [lead, engineer, admin] = actors;
  // The built-in catalogue with its default categories.
  const { projectId } = await createProject(lead, { name: "Shop", source: "catalogue", ...urls });
  return { teamId, lead, engineer, admin, projectId };
}

const checksOf = (projectId: string) => db.check.findMany({ where: { projectId }, include: { item: { select: { key: true } } }, orderBy: { createdAt: "asc" } });

describe("check suggestions", () => {
  it("proposes the catalogue's checks for a project with both URLs, grouped in the project's order", async () => {
    const { lead, projectId } = await world();
    const suggestions = await proposeChecks(lead, { projectId });
    expect(suggestions.missingUrls).toEqual([]);
    expect(suggestions.urls).toEqual({ productionUrl: `${PRODUCTION}/`, repositoryUrl: REPOSITORY });
    expect(suggestions.settingsPath).toBe(`/projects/${projectId}/settings`);
    const keys = suggestions.proposals.map((proposal) => proposal.itemKey);
    expect(keys).toEqual(
      expect.arrayContaining([
        "infrastructure.health-checks",
        "monitoring.uptime",
        "security.https",
        "infrastructure.dns-tls",
        "ci-cd.pipeline",
        "ci-cd.branch-protection",
        "ci-cd.build-reproducible",
        "security.dependency-updates",
        "operations.runbooks",
        "backup.automated",
        "backup.restore-tested",
      ]),
    );
    // Headers checks are offered once this version knows the kind.
    expect(keys.includes("security.headers")).toBe((CHECK_KINDS as readonly string[]).includes("headers"));
    expect(suggestions.proposals.every((proposal) => !proposal.alreadyExists)).toBe(true);
    // The categories come in the project's order, each in one run.
    const categories = suggestions.proposals.map((proposal) => proposal.category);
    expect(categories.filter((category, index) => category !== categories[index - 1])).toEqual([...new Set(categories)]);

    const health = suggestions.proposals.filter((proposal) => proposal.itemKey === "infrastructure.health-checks");
    expect(health.map((proposal) => [proposal.id, proposal.label, proposal.target])).toEqual([
      ["infrastructure.health-checks:0", "Liveness endpoint answers", `${PRODUCTION}/health`],
      ["infrastructure.health-checks:1", "Readiness endpoint answers", `${PRODUCTION}/ready`],
    ]);
    expect(health[0].settings).toMatchObject({ kind: "http", url: `${PRODUCTION}/health`, method: "GET" });
    expect(health[0].choices.map((choice) => choice.id)).toEqual(["infrastructure.health-checks:0", "infrastructure.health-checks:0:1", "infrastructure.health-checks:0:2", "infrastructure.health-checks:0:3"]);
    expect(health[0].choices[1].target).toBe(`${PRODUCTION}/healthz`);
    expect(suggestions.proposals.find((proposal) => proposal.itemKey === "security.https" && proposal.kind === "tls")?.settings).toMatchObject({ host: "shop.example.com", port: 443 });
    expect(suggestions.proposals.find((proposal) => proposal.itemKey === "ci-cd.branch-protection")?.settings).toMatchObject({
      kind: "repository",
      url: REPOSITORY,
      files: [{ path: expect.stringContaining(".github/CODEOWNERS") }],
    });
  });

  it("sets up exactly the chosen checks in one step, with activity, and adds nothing the second time", async () => {
    const { lead, teamId, projectId } = await world();
    const { proposals } = await proposeChecks(lead, { projectId });
    const pipeline = proposals.findIndex((proposal) => proposal.itemKey === "ci-cd.pipeline");
    const chosen = ["infrastructure.health-checks:0:1", "infrastructure.health-checks:1", pipeline, "backup.automated:0"];

    const accepted = await acceptChecks(lead, { projectId, proposals: chosen, intervalMinutes: 15 });
    expect(accepted.skipped).toEqual([]);
    expect(accepted.added.map((check) => [check.itemKey, check.kind, check.intervalMinutes, check.state])).toEqual([
      ["infrastructure.health-checks", "http", 15, "PENDING"],
      ["infrastructure.health-checks", "http", 15, "PENDING"],
      ["ci-cd.pipeline", "repository", 15, "PENDING"],
      ["backup.automated", "reported", 15, "PENDING"],
    ]);
    const stored = await checksOf(projectId);
    expect(stored.map((check) => [check.item.key, (check.settings as { url?: string }).url ?? null])).toEqual([
      ["infrastructure.health-checks", `${PRODUCTION}/healthz`],
      ["infrastructure.health-checks", `${PRODUCTION}/ready`],
      ["ci-cd.pipeline", REPOSITORY],
      ["backup.automated", null],
    ]);
    // As addCheck adds one: its defaults, and created by the lead.
    expect(stored.every((check) => check.failuresBeforeFailing === 2 && check.failingStatus === "MISSING" && check.createdById === lead.userId)).toBe(true);
    expect(await activitiesOf(teamId, "check.added")).toHaveLength(4);
    const [summary] = await activitiesOf(teamId, "project.checksSetUp");
    expect(summary).toMatchObject({ projectId, after: { added: 4, skipped: 0, intervalMinutes: 15 } });

    // Now set up: the liveness proposal shows the path chosen.
    const again = await proposeChecks(lead, { projectId });
    const liveness = again.proposals.find((proposal) => proposal.id === "infrastructure.health-checks:0")!;
    expect(liveness).toMatchObject({ alreadyExists: true, target: `${PRODUCTION}/healthz` });
    expect(again.proposals.filter((proposal) => proposal.alreadyExists).map((proposal) => proposal.itemKey)).toEqual(
      expect.arrayContaining(["infrastructure.health-checks", "infrastructure.health-checks", "ci-cd.pipeline", "backup.automated"]),
    );
    expect(again.proposals.filter((proposal) => proposal.alreadyExists)).toHaveLength(4);

    const twice = await acceptChecks(lead, { projectId, proposals: chosen });
    expect(twice.added).toEqual([]);
    expect(twice.skipped).toHaveLength(4);
    expect(await checksOf(projectId)).toHaveLength(4);
    expect(await activitiesOf(teamId, "check.added")).toHaveLength(4);
    expect(await activitiesOf(teamId, "project.checksSetUp")).toHaveLength(1);
  });

  it("counts a check added by hand on the same target as set up, whatever its tuning", async () => {
    const { lead, projectId } = await world();
    const item = await itemByKey(projectId, "infrastructure.dns-tls");
    await addCheck(lead, { itemId: item.id, settings: { kind: "tls", host: "shop.example.com", minDaysLeft: 30 } });
    const { proposals } = await proposeChecks(lead, { projectId });
    expect(proposals.find((proposal) => proposal.itemKey === "infrastructure.dns-tls")?.alreadyExists).toBe(true);
    // Another item's certificate check is its own.
    expect(proposals.find((proposal) => proposal.itemKey === "security.https" && proposal.kind === "tls")?.alreadyExists).toBe(false);
  });

  it("says which URLs to set when they are missing, and offers what needs none", async () => {
    const { lead, projectId } = await world({});
    const suggestions = await proposeChecks(lead, { projectId });
    expect(suggestions.proposals.map((proposal) => proposal.kind)).toEqual(["reported", "reported"]);
    expect(suggestions.missingUrls.map((missing) => [missing.field, missing.label])).toEqual([
      ["productionUrl", "production URL"],
      ["repositoryUrl", "repository URL"],
    ]);
    expect(suggestions.missingUrls[0].suggestions).toBeGreaterThanOrEqual(5);
    expect(suggestions.missingUrls[1].suggestions).toBeGreaterThanOrEqual(8);
    expect(suggestions.missingUrls[0].message).toMatch(/Set the project's production URL/);

    // A repository over plain http cannot be cloned: said, not offered.
    await db.project.update({ where: { id: projectId }, data: { repositoryUrl: "http://git.example.com/acme/shop" } });
    const plain = await proposeChecks(lead, { projectId });
    expect(plain.proposals.some((proposal) => proposal.kind === "repository")).toBe(false);
    expect(plain.missingUrls.find((missing) => missing.field === "repositoryUrl")?.message).toMatch(/cannot be used for these checks: Use an https:\/\/ address/);
  });

  it("refuses a proposal no longer offered, naming its place, and skips items marked not applicable", async () => {
    const { lead, projectId } = await world();
    const error = await failure(acceptChecks(lead, { projectId, proposals: ["infrastructure.health-checks:0", "security.https:7", 999] }));
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fields ?? {})).toEqual(["proposals.1", "proposals.2"]);
    expect(await checksOf(projectId)).toHaveLength(0);
    expect(Object.keys((await failure(acceptChecks(lead, { projectId, proposals: [] }))).fields ?? {})).toEqual(["proposals"]);
    expect(Object.keys((await failure(acceptChecks(lead, { projectId, proposals: [0], intervalMinutes: 1 }))).fields ?? {})).toEqual(["intervalMinutes"]);

    await db.item.update({ where: { id: (await itemByKey(projectId, "ci-cd.pipeline")).id }, data: { status: "NOT_APPLICABLE", notApplicableReason: "No CI here" } });
    const { proposals } = await proposeChecks(lead, { projectId });
    expect(proposals.some((proposal) => proposal.itemKey === "ci-cd.pipeline")).toBe(false);
  });

  it("is for leads of the project's own team, on projects not archived", async () => {
    const { engineer, admin, projectId } = await world();
    const other = await teamWith(["LEAD"], "Other team");
    expect(await code(proposeChecks(other.actors[0], { projectId }))).toBe("NOT_FOUND");
    expect(await code(acceptChecks(other.actors[0], { projectId, proposals: [0] }))).toBe("NOT_FOUND");
    expect(await code(proposeChecks(engineer, { projectId }))).toBe("FORBIDDEN");
    expect(await code(acceptChecks(engineer, { projectId, proposals: [0] }))).toBe("FORBIDDEN");
    expect(await checksOf(projectId)).toHaveLength(0);
    expect(await code(acceptChecks(admin, { projectId, proposals: [0] }))).toBe("OK");

    await db.project.update({ where: { id: projectId }, data: { archivedAt: new Date() } });
    expect(await code(acceptChecks(admin, { projectId, proposals: [1] }))).toBe("CONFLICT");
  });
});
