import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { loadProjectPage } from "@/lib/server/read-models/project-page";
import { addEvidence, removeEvidence } from "@/lib/server/services/evidence";
import { updateEvidence } from "@/lib/server/services/evidence-edit";
import { RESTORE_WINDOW_MS, restoreEvidence } from "@/lib/server/services/evidence-restore";
import { updateItem } from "@/lib/server/services/items";
import { createProject } from "@/lib/server/services/projects";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, code, daysFromNow, failure, itemByKey } from "../support/readiness";

const standingOf = async (actor: Parameters<typeof loadProjectPage>[0], projectId: string, itemId: string) => {
  const page = await loadProjectPage(actor, projectId);
  return { standing: page.items.find((i) => i.id === itemId)?.standing, percent: page.readiness.percent, stale: page.readiness.counts.STALE };
};

describe("editing evidence", () => {
  it("changes label, kind and re-verify date for engineers and up, never for viewers, and records before and after", async () => {
    const { teamId, actors: [lead, engineer, viewer] } = await teamWith(["LEAD", "ENGINEER", "VIEWER"]);
    const projectId = await catalogueProject(lead);
    const item = await itemByKey(projectId, "security.headers");
    const { evidenceId } = await addEvidence(engineer, { itemId: item.id, kind: "LINK", target: "https://ci.example.com/runs/1" });

    expect(await code(updateEvidence(viewer, { evidenceId, label: "Mine now" }))).toBe("FORBIDDEN");
    const { evidence } = await updateEvidence(engineer, { evidenceId, kind: "CI_RUN", label: "Header scan", expiresAt: daysFromNow(30) });
    expect(evidence).toMatchObject({ kind: "CI_RUN", label: "Header scan", url: "https://ci.example.com/runs/1", expiresOn: daysFromNow(30) });
    await updateEvidence(lead, { evidenceId, label: "Header scan, nightly", expiresAt: "" });
    expect(await db.evidence.findUniqueOrThrow({ where: { id: evidenceId } })).toMatchObject({ label: "Header scan, nightly", expiresAt: null });

    const [first, latest] = await activitiesOf(teamId, "evidence.updated");
    expect(first).toMatchObject({ before: { label: expect.any(String), kind: "LINK", expiresAt: null }, after: { label: "Header scan", kind: "CI_RUN", expiresAt: daysFromNow(30) } });
    expect(latest).toMatchObject({ before: { label: "Header scan", expiresAt: daysFromNow(30) }, after: { label: "Header scan, nightly", expiresAt: null } });
    // Nothing changed, nothing recorded.
    await updateEvidence(lead, { evidenceId, label: "Header scan, nightly" });
    expect(await activitiesOf(teamId, "evidence.updated")).toHaveLength(2);
  });

  it("judges the link or path by the kind it ends up with", async () => {
    const { actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const projectId = await catalogueProject(lead);
    const item = await itemByKey(projectId, "security.headers");
    const { evidenceId } = await addEvidence(engineer, { itemId: item.id, kind: "LINK", target: "https://docs.example.com/x" });
    // A link is no repository path: the kind cannot change alone.
    expect((await failure(updateEvidence(engineer, { evidenceId, kind: "FILE_PATH" }))).fields?.target).toBeDefined();
    await updateEvidence(engineer, { evidenceId, kind: "FILE_PATH", target: "./docs/headers.md" });
    expect(await db.evidence.findUniqueOrThrow({ where: { id: evidenceId } })).toMatchObject({ kind: "FILE_PATH", url: null, path: "./docs/headers.md" });
    // And a path is no link.
    expect((await failure(updateEvidence(engineer, { evidenceId, kind: "PULL_REQUEST" }))).fields?.target).toBeDefined();
    expect((await failure(updateEvidence(engineer, { evidenceId, kind: "PULL_REQUEST", target: "javascript:alert(1)" }))).fields?.target).toBeDefined();
    // The API names the field it sent.
    expect((await failure(updateEvidence(engineer, { evidenceId, kind: "LINK", url: "data:text/html,hi" }))).fields?.url).toBeDefined();
    await updateEvidence(engineer, { evidenceId, kind: "PULL_REQUEST", url: "github.com/acme/app/pull/12" });
    expect(await db.evidence.findUniqueOrThrow({ where: { id: evidenceId } })).toMatchObject({ kind: "PULL_REQUEST", url: "https://github.com/acme/app/pull/12", path: null });
    // A new re-verify date must be after today.
    expect((await failure(updateEvidence(engineer, { evidenceId, expiresAt: daysFromNow(0) }))).fields?.expiresAt).toBeDefined();
  });

  it("is confined to the team and the item named, and refuses a check's result", async () => {
    const { actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const { actors: [stranger] } = await teamWith(["ADMIN"], "Other team");
    const projectId = await catalogueProject(lead);
    const item = await itemByKey(projectId, "security.headers");
    const other = await itemByKey(projectId, "security.rate-limiting");
    const { evidenceId } = await addEvidence(engineer, { itemId: item.id, kind: "LINK", target: "https://docs.example.com/x" });
    expect(await code(updateEvidence(stranger, { evidenceId, label: "Taken" }))).toBe("NOT_FOUND");
    expect(await code(updateEvidence(engineer, { evidenceId, itemId: other.id, label: "Moved" }))).toBe("NOT_FOUND");
    const result = await db.evidence.create({ data: { teamId: item.teamId, itemId: item.id, kind: "CHECK_RESULT", url: "https://app.example.com/health", label: "Health check passed" } });
    const refused = await failure(updateEvidence(lead, { evidenceId: result.id, label: "Looks fine" }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/check's result/);
    expect(await db.evidence.findUniqueOrThrow({ where: { id: evidenceId } })).toMatchObject({ label: "docs.example.com/x" });
  });

  it("makes the item stale when its only evidence's date is moved into the past, and current again when moved out", async () => {
    const { actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const projectId = await catalogueProject(lead, ["backup"]);
    const item = await itemByKey(projectId, "backup.restore-tested");
    const { evidenceId } = await addEvidence(engineer, { itemId: item.id, kind: "DOCUMENT", target: "https://wiki.example.com/drill", expiresAt: daysFromNow(30) });
    await updateItem(engineer, { itemId: item.id, version: 1, changes: { status: "DONE" } });
    const fresh = await standingOf(engineer, projectId, item.id);
    expect(fresh.standing).toBe("DONE");

    // A past date can only be one the evidence already had, so set it as time passing would.
    await db.evidence.update({ where: { id: evidenceId }, data: { expiresAt: new Date(Date.now() - 86_400_000) } });
    const stale = await standingOf(engineer, projectId, item.id);
    expect(stale).toMatchObject({ standing: "STALE", stale: 1 });
    expect(stale.percent).toBeLessThan(fresh.percent);

    await updateEvidence(engineer, { evidenceId, expiresAt: daysFromNow(60) });
    expect(await standingOf(engineer, projectId, item.id)).toEqual(fresh);
    const [edit] = await activitiesOf(item.teamId, "evidence.updated");
    expect(edit).toMatchObject({ before: { standing: "STALE" }, after: { standing: "DONE" } });
  });
});

describe("undoing a removal", () => {
  it("puts back the same evidence, and the item's readiness with it", async () => {
    const { teamId, actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const projectId = await catalogueProject(lead, ["backup"]);
    const item = await itemByKey(projectId, "backup.restore-tested");
    const { evidenceId } = await addEvidence(engineer, { itemId: item.id, kind: "DOCUMENT", target: "https://wiki.example.com/drill", label: "Restore drill", expiresAt: daysFromNow(30) });
    await updateItem(engineer, { itemId: item.id, version: 1, changes: { status: "DONE" } });
    const original = await db.evidence.findUniqueOrThrow({ where: { id: evidenceId } });
    const before = await standingOf(lead, projectId, item.id);

    // The item's only dated evidence: the removal sets it to Partial.
    const removal = await removeEvidence(lead, { evidenceId });
    expect(removal.statusAfter).toBe("PARTIAL");
    expect((await standingOf(lead, projectId, item.id)).percent).toBeLessThan(before.percent);

    expect(await code(restoreEvidence(engineer, { evidenceId }))).toBe("FORBIDDEN");
    const { evidence } = await restoreEvidence(lead, { evidenceId });
    expect(evidence.id).toBe(evidenceId);
    expect(await db.evidence.findUniqueOrThrow({ where: { id: evidenceId } })).toEqual(original);
    expect(await standingOf(lead, projectId, item.id)).toEqual(before);
    expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("DONE");
    expect(await code(restoreEvidence(lead, { evidenceId }))).toBe("CONFLICT");
    const [restored] = await activitiesOf(teamId, "evidence.restored");
    expect(restored).toMatchObject({ entityId: evidenceId, after: { label: "Restore drill", standing: "DONE" } });
  });

  it("is refused after the window, for evidence never removed, and in another team", async () => {
    const { actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const { actors: [stranger] } = await teamWith(["ADMIN"], "Other team");
    const projectId = await catalogueProject(lead);
    const item = await itemByKey(projectId, "security.headers");
    const { evidenceId } = await addEvidence(engineer, { itemId: item.id, kind: "LINK", target: "https://docs.example.com/x" });
    expect(await code(restoreEvidence(engineer, { evidenceId }))).toBe("NOT_FOUND");
    await removeEvidence(engineer, { evidenceId });
    expect(await code(restoreEvidence(stranger, { evidenceId }))).toBe("NOT_FOUND");
    expect(await code(restoreEvidence(engineer, { evidenceId }, new Date(Date.now() + RESTORE_WINDOW_MS + 1000)))).toBe("CONFLICT");
    expect(await db.evidence.count({ where: { id: evidenceId } })).toBe(0);
    await restoreEvidence(engineer, { evidenceId });
    expect(await db.evidence.count({ where: { id: evidenceId } })).toBe(1);
  });

  it("leaves the item's status alone when someone changed the item after the removal", async () => {
    const { actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const projectId = await catalogueProject(lead, ["backup"]);
    const item = await itemByKey(projectId, "backup.restore-tested");
    const { evidenceId } = await addEvidence(engineer, { itemId: item.id, kind: "DOCUMENT", target: "https://wiki.example.com/drill", expiresAt: daysFromNow(30) });
    await updateItem(engineer, { itemId: item.id, version: 1, changes: { status: "DONE" } });
    await removeEvidence(engineer, { evidenceId });
    await updateItem(lead, { itemId: item.id, version: 3, changes: { status: "MISSING" } });
    await restoreEvidence(engineer, { evidenceId });
    expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("MISSING");
  });
});

describe("forgiving links", () => {
  it("adds https:// to a bare host name and still refuses other schemes", async () => {
    const { actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const projectId = await catalogueProject(lead);
    const item = await itemByKey(projectId, "security.headers");
    const { evidence } = await addEvidence(engineer, { itemId: item.id, kind: "PULL_REQUEST", target: "github.com/acme/app/pull/12" });
    expect(evidence).toMatchObject({ url: "https://github.com/acme/app/pull/12", label: "github.com/acme/app/pull/12" });
    const api = await addEvidence(engineer, { projectId, key: "security.headers", kind: "LINK", url: "www.example.com/x" });
    expect(api.evidence.url).toBe("https://www.example.com/x");
    for (const target of ["javascript:alert(1)", "data:text/html,hi", "ftp://files.example.com/x"]) {
      expect((await failure(addEvidence(engineer, { itemId: item.id, kind: "LINK", target }))).fields?.target).toBeDefined();
    }
  });

  it("does the same for a project's URLs", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const { projectId } = await createProject(lead, { name: "Shop", source: "blank", productionUrl: "shop.example.com", repositoryUrl: "gitlab.com/acme/shop" });
    expect(await db.project.findUniqueOrThrow({ where: { id: projectId } })).toMatchObject({ productionUrl: "https://shop.example.com", repositoryUrl: "https://gitlab.com/acme/shop" });
    expect((await failure(createProject(lead, { name: "Shop 2", source: "blank", productionUrl: "javascript:alert(1)" }))).fields?.productionUrl).toBeDefined();
  });
});
