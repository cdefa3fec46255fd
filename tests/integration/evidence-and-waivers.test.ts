import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { loadProjectPage } from "@/lib/server/read-models/project-page";
import { addEvidence, removeEvidence } from "@/lib/server/services/evidence";
import { updateItem } from "@/lib/server/services/items";
import { decideWaiver, requestWaiver, withdrawWaiver } from "@/lib/server/services/waivers";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, code, daysFromNow, failure, itemByKey } from "../support/readiness";

describe("evidence", () => {
  it("accepts http(s) links and repository paths, and refuses anything else", async () => {
    const { teamId, actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const projectId = await catalogueProject(lead);
    const item = await itemByKey(projectId, "security.headers");
    for (const target of ["javascript:alert(1)", "data:text/html,hi", "ftp://files.example.com/x", "not a url"]) {
      expect((await failure(addEvidence(engineer, { itemId: item.id, kind: "LINK", target }))).fields?.target).toBeDefined();
    }
    expect((await failure(addEvidence(engineer, { itemId: item.id, kind: "FILE_PATH", target: "https://x.example/a" }))).fields?.target).toBeDefined();
    // Evidence whose re-verify date has come already vouches for nothing.
    expect((await failure(addEvidence(engineer, { itemId: item.id, kind: "LINK", target: "https://x.example/b", expiresAt: daysFromNow(0) }))).fields?.expiresAt).toBeDefined();
    expect(await db.evidence.count({ where: { itemId: item.id } })).toBe(0);

    await addEvidence(engineer, { itemId: item.id, kind: "FILE_PATH", target: "lib/security/content-security-policy.ts", label: "" });
    const { evidenceId } = await addEvidence(engineer, { itemId: item.id, kind: "CI_RUN", target: "https://ci.example.com/runs/42", label: "Header scan" });
    const stored = await db.evidence.findMany({ where: { itemId: item.id }, orderBy: { createdAt: "asc" } });
    expect(stored.map((e) => [e.kind, e.url, e.path, e.label])).toEqual([
      ["FILE_PATH", null, "lib/security/content-security-policy.ts", "lib/security/content-security-policy.ts"],
      ["CI_RUN", "https://ci.example.com/runs/42", null, "Header scan"],
    ]);
    await removeEvidence(engineer, { evidenceId });
    expect((await activitiesOf(teamId, "evidence.added")).length).toBe(2);
    expect((await activitiesOf(teamId, "evidence.removed"))[0].before).toMatchObject({ label: "Header scan" });
  });

  it("makes a done item stale (counted as partial) once all its evidence has expired", async () => {
    const { actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const projectId = await catalogueProject(lead, ["backup"]);
    const item = await itemByKey(projectId, "backup.restore-tested");
    await addEvidence(engineer, { itemId: item.id, kind: "DOCUMENT", target: "https://wiki.example.com/restore-drill", expiresAt: daysFromNow(30) });
    await updateItem(engineer, { itemId: item.id, version: 1, changes: { status: "DONE" } });
    const today = await loadProjectPage(engineer, projectId);
    expect(today.items.find((i) => i.id === item.id)?.standing).toBe("DONE");
    const later = await loadProjectPage(engineer, projectId, new Date(Date.now() + 40 * 86_400_000));
    expect(later.items.find((i) => i.id === item.id)?.standing).toBe("STALE");
    expect(later.readiness.counts.STALE).toBe(1);
    expect(later.readiness.percent).toBeLessThan(today.readiness.percent);
  });
});

describe("waivers", () => {
  it("is requested by an engineer, approved by a different lead, and counts as waived — not done", async () => {
    const { teamId, actors: [lead, otherLead, engineer, viewer] } = await teamWith(["LEAD", "LEAD", "ENGINEER", "VIEWER"]);
    const projectId = await catalogueProject(lead, ["monitoring"]);
    const item = await itemByKey(projectId, "monitoring.uptime");
    expect(await code(requestWaiver(viewer, { itemId: item.id, reason: "Covered by the hosting provider", expiresAt: daysFromNow(30) }))).toBe("FORBIDDEN");
    expect((await failure(requestWaiver(engineer, { itemId: item.id, reason: "short", expiresAt: daysFromNow(0) }))).fields).toMatchObject({
      reason: expect.any(Array),
    });
    expect((await failure(requestWaiver(engineer, { itemId: item.id, reason: "Covered by the hosting provider", expiresAt: daysFromNow(0) }))).fields?.expiresAt).toBeDefined();

    const before = await loadProjectPage(lead, projectId);
    const { waiverId } = await requestWaiver(engineer, { itemId: item.id, reason: "Covered by the hosting provider", expiresAt: daysFromNow(30) });
    expect(await code(requestWaiver(lead, { itemId: item.id, reason: "Another request for it", expiresAt: daysFromNow(30) }))).toBe("CONFLICT");
    expect(await code(decideWaiver(engineer, { waiverId, decision: "APPROVE" }))).toBe("FORBIDDEN");
    const pending = await loadProjectPage(lead, projectId);
    expect(pending.items.find((i) => i.id === item.id)).toMatchObject({ standing: "MISSING", waiver: { status: "PENDING", valid: false } });

    await decideWaiver(otherLead, { waiverId, decision: "APPROVE", note: "Agreed until the probe exists" });
    expect(await code(decideWaiver(lead, { waiverId, decision: "REJECT" }))).toBe("CONFLICT");
    const after = await loadProjectPage(lead, projectId);
    const waived = after.items.find((i) => i.id === item.id);
    expect(waived).toMatchObject({ status: "MISSING", standing: "WAIVED", waiver: { status: "APPROVED", valid: true } });
    expect(after.readiness.counts.WAIVED).toBe(1);
    expect(after.readiness.launchBlockers).toBe(before.readiness.launchBlockers - 1);
    expect(after.readiness.percent).toBeGreaterThan(before.readiness.percent);

    // Once expired, the waiver no longer counts.
    const expired = await loadProjectPage(lead, projectId, new Date(Date.now() + 31 * 86_400_000));
    expect(expired.items.find((i) => i.id === item.id)?.standing).toBe("MISSING");
    expect((await activitiesOf(teamId, "waiver.requested")).length).toBe(1);
    expect((await activitiesOf(teamId, "waiver.approved"))[0]).toMatchObject({ actorUserId: otherLead.userId });
  });

  it("refuses a lead deciding their own request; rejection and withdrawal are recorded", async () => {
    const { teamId, actors: [lead, otherLead, engineer] } = await teamWith(["LEAD", "LEAD", "ENGINEER"]);
    const other = await teamWith(["ADMIN"]);
    const projectId = await catalogueProject(lead, ["operations"]);
    const item = await itemByKey(projectId, "operations.on-call");
    const own = await requestWaiver(lead, { itemId: item.id, reason: "Single-person team for now", expiresAt: daysFromNow(10) });
    expect(await code(decideWaiver(lead, { waiverId: own.waiverId, decision: "APPROVE" }))).toBe("FORBIDDEN");
    expect(await code(decideWaiver(other.actors[0], { waiverId: own.waiverId, decision: "APPROVE" }))).toBe("NOT_FOUND");
    await decideWaiver(otherLead, { waiverId: own.waiverId, decision: "REJECT", note: "Set up a rota" });
    const again = await requestWaiver(engineer, { itemId: item.id, reason: "Rota starts next month", expiresAt: daysFromNow(10) });
    expect(await code(withdrawWaiver(other.actors[0], { waiverId: again.waiverId }))).toBe("NOT_FOUND");
    await withdrawWaiver(engineer, { waiverId: again.waiverId });
    expect((await db.waiver.findUniqueOrThrow({ where: { id: again.waiverId } })).status).toBe("WITHDRAWN");
    expect((await activitiesOf(teamId, "waiver.rejected")).length).toBe(1);
    expect((await activitiesOf(teamId, "waiver.withdrawn")).length).toBe(1);
  });
});
