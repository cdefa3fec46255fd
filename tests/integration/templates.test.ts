// Team templates kept as YAML: saved by leads, versioned on re-upload, offered
// for new projects, and confined to their team.
import { describe, expect, it } from "vitest";
import { checklistYaml } from "@/lib/import/yaml-checklist";
import { db } from "@/lib/server/kernel/db";
import { loadChecklistDocument } from "@/lib/server/read-models/checklist-document";
import { createProject } from "@/lib/server/services/projects";
import { builtInCatalogue } from "@/lib/server/services/catalogue";
import { deleteTeamTemplate, listTeamTemplates, loadTemplateDocument, saveTeamTemplate } from "@/lib/server/services/templates";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, code, failure } from "../support/readiness";

const TEMPLATE = `schema: shipshape.checklist/v1
name: Payments launch
description: What every payments service needs before launch.
categories:
  - name: PCI
    items:
      - key: pci.scope
        title: Cardholder data scope documented
        priority: CRITICAL
        effortHours: 16
        why: The audit starts from the scope.
      - key: pci.tokenisation
        title: Card numbers tokenised
        priority: HIGH
  - name: Fraud
    items:
      - key: fraud.rules
        title: Fraud rules reviewed
`;

describe("team templates", () => {
  it("are saved from YAML by leads, versioned, and start new projects", async () => {
    const { teamId, actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    expect(await code(saveTeamTemplate(engineer, { text: TEMPLATE }))).toBe("FORBIDDEN");
    expect(await saveTeamTemplate(lead, { text: TEMPLATE })).toMatchObject({ key: "payments-launch", version: 1 });
    expect((await listTeamTemplates(engineer)).map((t) => [t.name, t.version, t.categories.map((c) => c.items.length)])).toEqual([["Payments launch", 1, [2, 1]]]);

    const { projectId } = await createProject(lead, { name: "Card vault", source: "catalogue", template: "payments-launch", categories: ["PCI"] });
    const document = await loadChecklistDocument(lead, projectId);
    expect(document.categories.map((c) => [c.name, c.items.map((i) => [i.key, i.priority, i.effortHours ?? null])])).toEqual([
      ["PCI", [["pci.scope", "CRITICAL", 16], ["pci.tokenisation", "HIGH", null]]],
    ]);
    expect(document.categories[0].items[0].why).toBe("The audit starts from the scope.");

    // A project exported as YAML is itself a template.
    const fromProject = await saveTeamTemplate(lead, { text: checklistYaml({ ...document, name: "Payments launch" }) });
    expect(fromProject.version).toBe(2);
    const [latest] = await listTeamTemplates(lead);
    expect(latest.categories.map((c) => c.name)).toEqual(["PCI"]);
    // The project made from version 1 keeps its items.
    expect(await db.item.count({ where: { projectId } })).toBe(2);
    expect(await activitiesOf(teamId, "template.saved")).toHaveLength(2);
  });

  it("export to YAML and import back: a team template, and the built-in catalogue as a starting point", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const { actors: [outsider] } = await teamWith(["LEAD"], "Other team");
    const { templateId } = await saveTeamTemplate(lead, { text: TEMPLATE });
    const exported = checklistYaml(await loadTemplateDocument(lead, templateId));
    expect(exported).toContain("key: pci.scope");
    expect(exported).toContain("why: The audit starts from the scope.");
    // Saving the export again gives the same template, one version up.
    const again = await saveTeamTemplate(lead, { text: exported });
    expect(again.version).toBe(2);
    expect(checklistYaml(await loadTemplateDocument(lead, again.templateId))).toBe(exported);
    expect(await code(loadTemplateDocument(outsider, templateId))).toBe("NOT_FOUND");

    const catalogue = await builtInCatalogue(lead);
    const builtIn = await loadTemplateDocument(lead, catalogue!.id);
    expect(builtIn.categories.reduce((n, c) => n + c.items.length, 0)).toBe(catalogue!.categories.reduce((n, c) => n + c.items.length, 0));
    expect((await saveTeamTemplate(lead, { text: checklistYaml({ ...builtIn, name: "Our standard" }) })).key).toBe("our-standard");
  });

  it("refuse invalid YAML with the line, stay in their team, and can be deleted", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const { actors: [outsider] } = await teamWith(["LEAD"], "Other team");
    const error = await failure(saveTeamTemplate(lead, { text: TEMPLATE.replace("priority: HIGH", "priority: URGENT") }));
    expect(error.fields?.text?.[0]).toMatch(/line 14: categories\.0\.items\.1\.priority/);
    const duplicate = await failure(saveTeamTemplate(lead, { text: TEMPLATE.replace("key: fraud.rules", "key: pci.scope") }));
    expect(duplicate.fields?.text?.[0]).toMatch(/The key “pci\.scope” is used twice/);
    // A key the API could not address never reaches a template, nor the projects made from it.
    const unaddressable = await failure(saveTeamTemplate(lead, { text: TEMPLATE.replace("key: fraud.rules", "key: fraud..rules") }));
    expect(unaddressable.fields?.text?.[0]).toMatch(/line 17: categories\.1\.items\.0\.key: Use lower-case letters, digits, dots and dashes/);

    const { templateId } = await saveTeamTemplate(lead, { text: TEMPLATE });
    expect(await listTeamTemplates(outsider)).toEqual([]);
    expect(await code(createProject(outsider, { name: "Theirs", source: "catalogue", template: "payments-launch" }))).toBe("VALIDATION");
    expect(await code(deleteTeamTemplate(outsider, { templateId }))).toBe("NOT_FOUND");
    await deleteTeamTemplate(lead, { templateId });
    expect(await listTeamTemplates(lead)).toEqual([]);
    // The built-in catalogue is unaffected.
    expect(await catalogueProject(lead, ["testing"])).toBeTruthy();
  });
});
