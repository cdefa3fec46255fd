// Importing a readiness document: a new project from it, then merging a later
// version into the same project (status updates and new evidence, nothing
// deleted), the preview saying exactly what will happen, the evidence policy
// upheld, one activity record, and the usual permission and tenancy fences.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { reportMarkdown } from "@/lib/domain/report/markdown";
import { loadProjectReport } from "@/lib/server/read-models/project-report";
import { checklistYaml, parseChecklistYaml } from "@/lib/import/yaml-checklist";
import { loadChecklistDocument } from "@/lib/server/read-models/checklist-document";
import { addEvidence } from "@/lib/server/services/evidence";
import { importChecklist, previewImport } from "@/lib/server/services/import";
import { updateItem } from "@/lib/server/services/items";
import { decideWaiver, requestWaiver } from "@/lib/server/services/waivers";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, code, failure, itemByKey } from "../support/readiness";

const fixture = (name: string) => readFileSync(path.join(process.cwd(), "lib/import/fixtures", name), "utf8");

describe("import", () => {
  it("keeps why an item is not applicable: a struck-out box or an N/A cell says it was marked so", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const text = ["## Data", "- [-] Mainframe bridge", "- [x] Backups", "", "## Mobile", "| Item | Status |", "|---|---|", "| App store listing | N/A |", ""].join("\n");
    const result = await importChecklist(lead, { text, name: "Not applicable" });
    const items = await db.item.findMany({ where: { projectId: result.projectId }, select: { title: true, status: true, notApplicableReason: true }, orderBy: { title: "asc" } });
    expect(items).toEqual([
      { title: "App store listing", status: "NOT_APPLICABLE", notApplicableReason: "Marked not applicable in the document." },
      { title: "Backups", status: "DONE", notApplicableReason: null },
      { title: "Mainframe bridge", status: "NOT_APPLICABLE", notApplicableReason: "Marked not applicable in the document." },
    ]);
  });

  it("creates a project from a document, with categories, statuses, evidence and source lines, as one activity", async () => {
    const { teamId, actors: [lead] } = await teamWith(["LEAD"]);
    const text = fixture("status-and-evidence.md");
    const preview = await previewImport(lead, { text, name: "Shop launch" });
    expect(preview.plan.counts).toEqual({ create: 13, update: 0, unchanged: 0, evidence: 6 });
    expect(preview.plan.categoriesToCreate).toEqual(["Platform Safety", "Quality", "Delivery Pipeline", "Alerting"]);
    expect(await db.project.count({ where: { teamId } })).toBe(0);

    const result = await importChecklist(lead, { text, name: "Shop launch", fileName: "status.md" });
    expect(result).toMatchObject({ created: true, counts: { create: 13, update: 0, evidence: 6, categories: 4 } });
    const report = await loadProjectReport(lead, result.projectId);
    expect(report.categories.map((c) => [c.name, c.items.length])).toEqual([
      ["Platform Safety", 5],
      ["Quality", 3],
      ["Delivery Pipeline", 3],
      ["Alerting", 2],
    ]);
    const throttling = await itemByKey(result.projectId, "platform-safety.request-throttling");
    // The document states no priority: nobody has weighed the row yet.
    expect(throttling).toMatchObject({ status: "DONE", priority: null });
    expect(throttling.notes).toContain("Imported from status.md, line 13.");
    const evidence = await db.evidence.findMany({ where: { itemId: (await itemByKey(result.projectId, "platform-safety.audit-trail")).id } });
    expect(evidence.map((e) => [e.kind, e.url])).toEqual([["PULL_REQUEST", "https://git.example.com/acme/shop/pull/214"]]);
    const imported = await activitiesOf(teamId, "project.imported");
    expect(imported).toHaveLength(1);
    expect(imported[0].after).toMatchObject({ source: "status.md", create: 13, newProject: true });
  });

  it("merges a later version by key or title: updates statuses, adds evidence, deletes nothing", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const { projectId } = await importChecklist(lead, { text: fixture("status-and-evidence.md"), name: "Shop launch" });
    const before = await db.item.count({ where: { projectId } });
    const later = [
      "## Quality",
      "| Item | Status | Evidence |",
      "|---|---|---|",
      "| Coverage Gate | ✅ Done | [CI run](https://ci.example.com/acme/shop/pipelines/77) |",
      "| Unit Suite | ✅ Done | `packages/core/test/` |",
      "| Mutation testing | ❌ | |",
    ].join("\n");
    const preview = await previewImport(lead, { text: later, projectId });
    expect(preview.plan.items.map((i) => [i.title, i.action, i.statusBefore, i.status, i.evidenceToAdd])).toEqual([
      ["Coverage Gate", "update", "MISSING", "DONE", ["https://ci.example.com/acme/shop/pipelines/77"]],
      ["Unit Suite", "unchanged", "DONE", "DONE", []],
      ["Mutation testing", "create", null, "MISSING", []],
    ]);
    expect(preview.plan.categoriesToCreate).toEqual([]);

    const result = await importChecklist(lead, { text: later, projectId });
    expect(result.counts).toMatchObject({ create: 1, update: 1, unchanged: 1, evidence: 1, categories: 0 });
    expect(await db.item.count({ where: { projectId } })).toBe(before + 1);
    const gate = await itemByKey(projectId, "quality.coverage-gate");
    expect(gate).toMatchObject({ status: "DONE", version: 2 });
    expect((await db.evidence.findMany({ where: { itemId: gate.id } })).map((e) => e.kind)).toEqual(["CI_RUN"]);
    // Importing the same document again changes nothing.
    expect((await importChecklist(lead, { text: later, projectId })).counts).toMatchObject({ create: 0, update: 0, unchanged: 3 });
  });

  it("reads its own Markdown report back: export → import → export gives the same document", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const name = "Launch Readiness Review";
    const { projectId: first } = await importChecklist(lead, { text: fixture("status-and-evidence.md"), name });
    const exported = reportMarkdown(await loadProjectReport(lead, first));
    const again = await importChecklist(lead, { text: exported, name });
    // Only its per-category tables are items; the summary, blocker and MUST lists are not read twice.
    expect(again.counts).toMatchObject({ create: 13, update: 0, categories: 4 });
    expect(again.warnings).toEqual([]);
    const reexported = reportMarkdown(await loadProjectReport(lead, again.projectId));
    const withoutTimestamp = (markdown: string) => markdown.replace(/^Generated by Shipshape .*$/m, "");
    expect(withoutTimestamp(reexported)).toBe(withoutTimestamp(exported));
  });

  it("exports a project as a YAML checklist and imports it back losslessly, an approved waiver as the importer's request", async () => {
    const { actors: [lead, otherLead, engineer] } = await teamWith(["LEAD", "LEAD", "ENGINEER"]);
    const projectId = await catalogueProject(lead, ["security", "testing"], "Checkout API");
    const change = async (key: string, changes: Record<string, unknown>) => {
      const item = await itemByKey(projectId, key);
      await updateItem(lead, { itemId: item.id, version: item.version, changes });
    };
    const auth = await itemByKey(projectId, "security.authentication");
    await addEvidence(engineer, { itemId: auth.id, kind: "PULL_REQUEST", target: "https://git.example.com/acme/checkout/pull/12", label: "PR #12" });
    await addEvidence(engineer, { itemId: auth.id, kind: "FILE_PATH", target: "src/auth/session.ts", expiresAt: "2027-06-30" });
    await change("security.authentication", { status: "DONE", ownerId: engineer.userId, dueDate: "2027-01-10", effortHours: "6.5", notes: "Sessions expire after 30 minutes." });
    await change("testing.load", { status: "NOT_APPLICABLE", notApplicableReason: "Internal tool with ten users" });
    const pentest = await itemByKey(projectId, "security.penetration-test");
    const { waiverId } = await requestWaiver(engineer, { itemId: pentest.id, reason: "External test booked for March", expiresAt: "2027-03-31" });
    await decideWaiver(otherLead, { waiverId, decision: "APPROVE" });

    const exported = checklistYaml(await loadChecklistDocument(lead, projectId));
    expect(exported.startsWith("schema: shipshape.checklist/v1\nname: Checkout API\n")).toBe(true);
    expect(exported).toContain(`owner: ${engineer.email}`);
    const document = parseChecklistYaml(exported);
    const exportedAuth = document.categories.flatMap((c) => c.items).find((i) => i.key === "security.authentication");
    expect(exportedAuth).toMatchObject({ status: "DONE", dueDate: "2027-01-10", effortHours: 6.5, evidence: [{ kind: "PULL_REQUEST", label: "PR #12" }, { kind: "FILE_PATH", path: "src/auth/session.ts", expiresAt: "2027-06-30" }] });

    const copy = await importChecklist(lead, { text: exported });
    // Everything but the approved waiver comes back as it was. The waiver is a
    // decision the importer did not take (ADR 0022): it arrives as the
    // importer's request, awaiting a decision, and says so.
    expect(copy.warnings.map((w) => w.message)).toEqual([
      "The waiver of “External penetration test or review” arrives as a request by you, awaiting a lead's or admin's decision; who the document says requested or approved it is not taken over.",
    ]);
    const pentestEntry = document.categories.flatMap((c) => c.items).find((i) => i.key === "security.penetration-test");
    expect(pentestEntry?.waiver).toEqual({ status: "APPROVED", reason: "External test booked for March", expiresAt: "2027-03-31", requestedBy: engineer.email, approvedBy: otherLead.email });
    pentestEntry!.waiver = { status: "PENDING", reason: "External test booked for March", expiresAt: "2027-03-31", requestedBy: lead.email };
    const asRequest = checklistYaml(document);
    expect(checklistYaml(await loadChecklistDocument(lead, copy.projectId))).toBe(asRequest);
    // And the copy scores as the original did before its waiver was approved.
    const copyWaiver = await db.waiver.findFirstOrThrow({ where: { item: { projectId: copy.projectId } } });
    await decideWaiver(otherLead, { waiverId: copyWaiver.id, decision: "APPROVE" });
    const [original, imported] = await Promise.all([loadProjectReport(lead, projectId), loadProjectReport(lead, copy.projectId)]);
    expect(imported.summary).toEqual(original.summary);
  });

  it("names the line of each problem in an invalid YAML checklist, and imports nothing", async () => {
    const { teamId, actors: [lead] } = await teamWith(["LEAD"]);
    const text = "schema: shipshape.checklist/v1\nname: Broken\ncategories:\n  - name: Security\n    items:\n      - key: security.tls\n        title: TLS\n        status: FINISHED\n";
    const error = await failure(importChecklist(lead, { text }));
    expect(error.fields?.text?.[0]).toMatch(/^The YAML checklist is not valid: line 8: categories\.0\.items\.0\.status: /);
    const withNul = text.replace("status: FINISHED", 'notes: "a\\0b"');
    expect((await failure(importChecklist(lead, { text: withNul }))).fields?.text?.[0]).toMatch(/line 8: categories\.0\.items\.0\.notes: Remove the NUL character\./);
    expect(await db.project.count({ where: { teamId } })).toBe(0);
  });

  it("upholds the evidence policy: a critical item marked done without evidence arrives partial, with a warning", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const text = "## Security\n| Item | Priority | Status |\n|---|---|---|\n| Secrets in a vault | Critical | ✅ |\n";
    const result = await importChecklist(lead, { text, name: "Vault" });
    expect(await itemByKey(result.projectId, "security.secrets-in-a-vault")).toMatchObject({ status: "PARTIAL", priority: "CRITICAL" });
    expect(result.warnings.map((w) => [w.line, w.message])).toEqual([[4, "“Secrets in a vault” is marked done without evidence, which this project requires for critical items; imported as Partial."]]);
  });

  it("refuses engineers, other teams' projects, archived projects and documents without a checklist, changing nothing", async () => {
    const { teamId, actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const { actors: [outsider] } = await teamWith(["LEAD"], "Other team");
    const projectId = await catalogueProject(lead, ["testing"]);
    const text = fixture("gap-analysis.md");
    const items = await db.item.count({ where: { teamId } });
    expect(await code(importChecklist(engineer, { text, projectId }))).toBe("FORBIDDEN");
    expect(await code(importChecklist(outsider, { text, projectId }))).toBe("NOT_FOUND");
    expect(await code(previewImport(outsider, { text, projectId }))).toBe("NOT_FOUND");
    expect((await failure(importChecklist(lead, { text: "# Notes\n\nOnly prose.", name: "Empty" }))).fields?.text?.[0]).toMatch(/^No checklist found/);
    expect((await failure(importChecklist(lead, { text: "## Ops\n- [ ] Runbook written\n" }))).fields?.name).toEqual(["Enter a name for the new project: the document has no title to name it after."]);
    await db.project.update({ where: { id: projectId }, data: { archivedAt: new Date() } });
    expect(await code(importChecklist(lead, { text, projectId }))).toBe("CONFLICT");
    expect(await db.item.count({ where: { teamId } })).toBe(items);
    expect(await db.project.count({ where: { teamId } })).toBe(1);
    expect(await activitiesOf(teamId, "project.imported")).toHaveLength(0);
  });
});
