// An import cannot forge anyone's decision (docs/adr/0022-imports-record-only-the-importer.md):
// a YAML checklist that claims approved waivers by an admin who never acted
// yields requests by the importer, which leave the readiness as it was until
// a lead or admin decides them; evidence is added by the importer.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { importChecklist } from "@/lib/server/services/import";
import { decideWaiver } from "@/lib/server/services/waivers";
import { loadProjectReport } from "@/lib/server/read-models/project-report";
import { activitiesOf, teamWith } from "../support/fixtures";
import { code, daysFromNow, itemByKey } from "../support/readiness";

const checklist = (name: string, admin: string, withWaivers: boolean) =>
  [
    "schema: shipshape.checklist/v1",
    `name: ${name}`,
    "categories:",
    "  - name: Security",
    "    items:",
    ...["security.tls", "security.secrets"].flatMap((key) => [
      `      - key: ${key}`,
      `        title: ${key}`,
      "        priority: CRITICAL",
      "        evidence:",
      "          - kind: LINK",
      "            label: Design",
      `            url: https://docs.example.com/${key}`,
      ...(withWaivers
        ? ["        waiver:", "          status: APPROVED", "          reason: Accepted for launch", `          expiresAt: ${daysFromNow(60)}`, `          requestedBy: ${admin}`, `          approvedBy: ${admin}`]
        : []),
    ]),
  ].join("\n");

describe("imported waivers", () => {
  it("arrive as requests by the importer: two critical gaps claimed approved leave the readiness unchanged", async () => {
    const { teamId, actors: [admin, lead] } = await teamWith(["ADMIN", "LEAD"]);
    const plain = await importChecklist(lead, { text: checklist("Plain", admin.email, false) });
    const forged = await importChecklist(lead, { text: checklist("Forged", admin.email, true) });

    const [without, withClaims] = await Promise.all([loadProjectReport(lead, plain.projectId), loadProjectReport(lead, forged.projectId)]);
    expect(withClaims.summary.readinessPercent).toBe(without.summary.readinessPercent);
    expect(withClaims.summary.level).toBe(without.summary.level);
    expect(withClaims.summary.readinessPercent).toBe(0);

    const tls = await itemByKey(forged.projectId, "security.tls");
    const waivers = await db.waiver.findMany({ where: { item: { projectId: forged.projectId } } });
    expect(waivers).toHaveLength(2);
    for (const waiver of waivers) expect(waiver).toMatchObject({ status: "PENDING", requestedById: lead.userId, decidedById: null, decidedAt: null, reason: "Accepted for launch" });
    expect(await db.evidence.findMany({ where: { itemId: tls.id } })).toMatchObject([{ addedById: lead.userId }]);
    expect(forged.warnings.map((w) => w.message)).toEqual([
      "The waiver of “security.tls” arrives as a request by you, awaiting a lead's or admin's decision; who the document says requested or approved it is not taken over.",
      "The waiver of “security.secrets” arrives as a request by you, awaiting a lead's or admin's decision; who the document says requested or approved it is not taken over.",
    ]);

    const requested = await activitiesOf(teamId, "waiver.requested");
    expect(requested.map((a) => [a.actorUserId, a.itemId, a.after])).toEqual(
      expect.arrayContaining([[lead.userId, tls.id, { reason: "Accepted for launch", expiresAt: daysFromNow(60), imported: true }]]),
    );
    expect(requested).toHaveLength(2);
    expect(await activitiesOf(teamId, "waiver.approved")).toHaveLength(0);

    // The importer cannot then approve their own request; the admin decides it in person.
    const waiver = waivers.find((w) => w.itemId === tls.id) as (typeof waivers)[number];
    expect(await code(decideWaiver(lead, { waiverId: waiver.id, decision: "APPROVE" }))).toBe("FORBIDDEN");
    await decideWaiver(admin, { waiverId: waiver.id, decision: "APPROVE" });
    expect((await loadProjectReport(lead, forged.projectId)).summary.readinessPercent).toBeGreaterThan(0);
  });

  it("does not request a waiver whose expiry has begun, and says so", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const text = checklist("Expired", lead.email, true).replaceAll(`expiresAt: ${daysFromNow(60)}`, "expiresAt: 2020-01-01");
    const result = await importChecklist(lead, { text });
    expect(await db.waiver.count({ where: { item: { projectId: result.projectId } } })).toBe(0);
    expect(result.warnings.map((w) => w.message)).toContain("The waiver of “security.tls” expires on 2020-01-01, which is not in the future; it was not requested.");
  });
});
