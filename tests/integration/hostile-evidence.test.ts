// Editing evidence and undoing its removal as a careless or hostile caller
// would: links that must not be stored, undo at the wrong time or place.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { loadProjectPage } from "@/lib/server/read-models/project-page";
import { addEvidence, removeEvidence } from "@/lib/server/services/evidence";
import { updateEvidence } from "@/lib/server/services/evidence-edit";
import { restoreEvidence } from "@/lib/server/services/evidence-restore";
import { deleteItem, updateItem } from "@/lib/server/services/items";
import { archiveProject } from "@/lib/server/services/projects";
import { callApi, tokenFor } from "../support/api";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, code, daysFromNow, failure, itemByKey } from "../support/readiness";

async function world() {
  const { teamId, actors: [admin, lead, engineer, otherEngineer] } = await teamWith(["ADMIN", "LEAD", "ENGINEER", "ENGINEER"]);
  const projectId = await catalogueProject(lead);
  const item = await itemByKey(projectId, "security.headers");
  return { teamId, admin, lead, engineer, otherEngineer, projectId, item };
}

const percentOf = async (actor: Parameters<typeof loadProjectPage>[0], projectId: string) => (await loadProjectPage(actor, projectId)).readiness.percent;

describe("hostile evidence links", () => {
  it("never stores a user name or password in a link everyone who reads the project sees", async () => {
    const w = await world();
    for (const target of ["https://user:pass@ci.example.com/runs/1", "https://token@ci.example.com/runs/1", "user:pass@ci.example.com/x"]) {
      const error = await failure(addEvidence(w.engineer, { itemId: w.item.id, kind: "CI_RUN", target }));
      expect(error.code, target).toBe("VALIDATION");
      expect(Object.keys(error.fields ?? {}), target).toEqual(["target"]);
    }
    const { evidenceId } = await addEvidence(w.engineer, { itemId: w.item.id, kind: "CI_RUN", target: "https://ci.example.com/runs/1" });
    const edit = await failure(updateEvidence(w.engineer, { evidenceId, target: "https://user:pass@ci.example.com/runs/2" }));
    expect(Object.keys(edit.fields ?? {})).toEqual(["target"]);
    const write = await tokenFor(w.admin, "write");
    const api = await callApi("PATCH", `/api/v1/projects/${w.projectId}/items/${w.item.key}/evidence/${evidenceId}`, { token: write.secret, body: { url: "https://ci:secret@ci.example.com/runs/3" } });
    expect(api.status).toBe(400);
    expect(Object.keys(api.body.error.fields)).toEqual(["url"]);
    const posted = await callApi("POST", `/api/v1/projects/${w.projectId}/items/${w.item.key}/evidence`, { token: write.secret, body: { kind: "LINK", url: "https://ci:secret@ci.example.com/runs/4" } });
    expect(posted.status).toBe(400);
    expect(await db.evidence.findMany({ where: { itemId: w.item.id }, select: { url: true } })).toEqual([{ url: "https://ci.example.com/runs/1" }]);
    expect(await activitiesOf(w.teamId, "evidence.updated")).toEqual([]);
  });

  it("refuses addresses that are no http(s) link and keeps the odd but valid ones", async () => {
    const w = await world();
    const { evidenceId } = await addEvidence(w.engineer, { itemId: w.item.id, kind: "LINK", target: "https://docs.example.com/x" });
    for (const target of ["//evil.com", "javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "https://", `https://example.com/${"a".repeat(2000)}`, "https://exa mple.com"]) {
      const error = await failure(updateEvidence(w.engineer, { evidenceId, target }));
      expect(error.code, target).toBe("VALIDATION");
      expect(Object.keys(error.fields ?? {}), target).toEqual(["target"]);
    }
    for (const [target, stored] of [["github.com:22/x", "https://github.com:22/x"], ["HTTPS://EXAMPLE.COM/Y", "HTTPS://EXAMPLE.COM/Y"], ["https://bücher.example/x", "https://bücher.example/x"]]) {
      const { evidence } = await updateEvidence(w.engineer, { evidenceId, target });
      expect(evidence.url, target).toBe(stored);
    }
  });

  it("refuses a change of kind to a file path without a path, and edits of a check's result", async () => {
    const w = await world();
    const { evidenceId } = await addEvidence(w.engineer, { itemId: w.item.id, kind: "LINK", target: "https://docs.example.com/x" });
    expect(Object.keys((await failure(updateEvidence(w.engineer, { evidenceId, kind: "FILE_PATH" }))).fields ?? {})).toEqual(["target"]);
    expect(Object.keys((await failure(updateEvidence(w.engineer, { evidenceId, kind: "FILE_PATH", path: "" }))).fields ?? {})).toEqual(["path"]);
    expect(Object.keys((await failure(updateEvidence(w.engineer, { evidenceId, kind: "CHECK_RESULT" }))).fields ?? {})).toEqual(["kind"]);
    expect(Object.keys((await failure(updateEvidence(w.engineer, { evidenceId, expiresAt: "2000-01-01" }))).fields ?? {})).toEqual(["expiresAt"]);
    expect(Object.keys((await failure(updateEvidence(w.engineer, { evidenceId, expiresAt: "2026-02-30" }))).fields ?? {})).toEqual(["expiresAt"]);
    expect(await db.evidence.findUniqueOrThrow({ where: { id: evidenceId } })).toMatchObject({ kind: "LINK", url: "https://docs.example.com/x", path: null, expiresAt: null });
  });
});

describe("hostile undo of a removal", () => {
  it("refuses someone else's undo, a second undo and an undo after the item or project went away", async () => {
    const w = await world();
    const { evidenceId } = await addEvidence(w.engineer, { itemId: w.item.id, kind: "LINK", target: "https://docs.example.com/x" });
    await removeEvidence(w.engineer, { evidenceId });
    expect(await code(restoreEvidence(w.otherEngineer, { evidenceId }))).toBe("FORBIDDEN");
    expect(await code(restoreEvidence(w.lead, { evidenceId }))).toBe("FORBIDDEN");
    const twice = await Promise.allSettled([restoreEvidence(w.engineer, { evidenceId }), restoreEvidence(w.engineer, { evidenceId })]);
    expect(twice.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.evidence.count({ where: { id: evidenceId } })).toBe(1);
    expect(await activitiesOf(w.teamId, "evidence.restored")).toHaveLength(1);

    await removeEvidence(w.engineer, { evidenceId });
    await archiveProject(w.lead, { projectId: w.projectId });
    expect(await code(restoreEvidence(w.engineer, { evidenceId }))).toBe("CONFLICT");

    const other = await catalogueProject(w.lead, ["testing"], "Other");
    const item = (await db.item.findFirstOrThrow({ where: { projectId: other } }));
    const added = await addEvidence(w.engineer, { itemId: item.id, kind: "LINK", target: "https://docs.example.com/y" });
    await removeEvidence(w.engineer, { evidenceId: added.evidenceId });
    await deleteItem(w.lead, { itemId: item.id });
    expect(await code(restoreEvidence(w.engineer, { evidenceId: added.evidenceId }))).toBe("NOT_FOUND");
    expect(await db.evidence.count({ where: { id: added.evidenceId } })).toBe(0);
  });

  it("does not put back a second copy of a link added again since the removal", async () => {
    const w = await world();
    const { evidenceId } = await addEvidence(w.engineer, { itemId: w.item.id, kind: "LINK", target: "https://docs.example.com/x" });
    await removeEvidence(w.engineer, { evidenceId });
    await addEvidence(w.lead, { itemId: w.item.id, kind: "LINK", target: "https://docs.example.com/x" });
    const refused = await failure(restoreEvidence(w.engineer, { evidenceId }));
    expect(refused.code).toBe("CONFLICT");
    expect(await db.evidence.count({ where: { itemId: w.item.id } })).toBe(1);
    expect(await activitiesOf(w.teamId, "evidence.restored")).toEqual([]);
  });

  it("moves readiness exactly back and forth with each change", async () => {
    const w = await world();
    const item = await itemByKey(w.projectId, "security.rate-limiting");
    const start = await percentOf(w.lead, w.projectId);
    const { evidenceId } = await addEvidence(w.engineer, { itemId: item.id, kind: "PULL_REQUEST", target: "https://github.com/acme/api/pull/1", expiresAt: daysFromNow(10) });
    await updateItem(w.engineer, { itemId: item.id, version: 1, changes: { status: "DONE" } });
    const done = await percentOf(w.lead, w.projectId);
    expect(done).toBeGreaterThan(start);
    await removeEvidence(w.engineer, { evidenceId });
    const removed = await percentOf(w.lead, w.projectId);
    expect(removed).toBeLessThan(done);
    await restoreEvidence(w.engineer, { evidenceId });
    expect(await percentOf(w.lead, w.projectId)).toBe(done);
    await updateEvidence(w.engineer, { evidenceId, kind: "NOTE", label: "Rate limits reviewed" });
    expect(await percentOf(w.lead, w.projectId)).toBe(done);
    await db.evidence.update({ where: { id: evidenceId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await percentOf(w.lead, w.projectId)).toBe(removed);
    await updateEvidence(w.engineer, { evidenceId, expiresAt: null });
    expect(await percentOf(w.lead, w.projectId)).toBe(done);
  });
});
