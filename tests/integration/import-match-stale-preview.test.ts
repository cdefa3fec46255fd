// An import carried out from a preview that has gone stale. The preview form
// sends every row's match (`match.<row>`) and what the preview was made from
// (`basis`): an item changed or renamed since, or another import in between,
// makes the import a CONFLICT that changes nothing, as an item edit based on
// an old version is.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { importChecklist, previewImport } from "@/lib/server/services/import";
import { updateItem } from "@/lib/server/services/items";
import { teamWith } from "../support/fixtures";
import { catalogueProject, failure, itemByKey } from "../support/readiness";

const document = "# Team\n\n## Platform\n\n| Item | Status |\n| --- | --- |\n| DB backups | ⚠️ |\n| Health checks | ✅ |\n";

// What the preview form sends back: every row's match as the preview showed it.
const asPreviewed = ({ plan, basis }: Awaited<ReturnType<typeof previewImport>>) => ({ matches: plan.items.map((i) => ({ row: i.row, itemId: i.existingId })), basis });

describe("importing from a stale preview", () => {
  it("does not silently overwrite a status someone changed after the preview", async () => {
    const { actors: [lead, other] } = await teamWith(["LEAD", "LEAD"]);
    const projectId = await catalogueProject(lead, ["backup", "infrastructure"]);
    const preview = await previewImport(lead, { text: document, projectId });
    const backups = preview.plan.items.find((i) => i.source.title === "DB backups")!;
    expect(backups).toMatchObject({ key: "backup.automated", statusBefore: "MISSING", status: "PARTIAL" });

    // In another tab, someone else marks the item Not applicable, with a reason.
    const item = await itemByKey(projectId, "backup.automated");
    await updateItem(other, { itemId: item.id, version: item.version, changes: { status: "NOT_APPLICABLE", notApplicableReason: "Stateless service: no data to back up." } });

    // The first tab imports what its preview showed ("Missing → Partial").
    // It is told the project changed since the preview, and nothing is written.
    const error = await failure(importChecklist(lead, { text: document, projectId, ...asPreviewed(preview) }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/changed since the preview/);
    expect((await itemByKey(projectId, "backup.automated")).status).toBe("NOT_APPLICABLE");
  });

  it("does not write to an item that was renamed into something else after the preview", async () => {
    const { actors: [lead, other] } = await teamWith(["LEAD", "LEAD"]);
    const projectId = await catalogueProject(lead, ["backup", "infrastructure"]);
    const preview = await previewImport(lead, { text: document, projectId });
    const item = await itemByKey(projectId, "backup.automated");
    await updateItem(other, { itemId: item.id, version: item.version, changes: { title: "Laptop backups for the sales team" } });

    const error = await failure(importChecklist(lead, { text: document, projectId, ...asPreviewed(preview) }));
    expect(error.code).toBe("CONFLICT");
    expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("MISSING");
  });
});

describe("the same document imported from two tabs", () => {
  it("does not create every new row a second time", async () => {
    const { actors: [lead, other] } = await teamWith(["LEAD", "LEAD"]);
    const projectId = await catalogueProject(lead, ["backup", "infrastructure"]);
    const text = `${document}| Launch party booked | ❌ |\n`;
    // Both tabs preview; the second imports first.
    const first = await previewImport(lead, { text, projectId });
    const second = await previewImport(other, { text, projectId });
    await importChecklist(other, { text, projectId, ...asPreviewed(second) });
    // The first tab's preview still says "New" for the party row; its import should notice the project changed.
    const outcome = await importChecklist(lead, { text, projectId, ...asPreviewed(first) }).then(
      () => "imported",
      (error) => error.code,
    );
    const copies = await db.item.count({ where: { projectId, title: "Launch party booked" } });
    // Once: "imported", and two items "Launch party booked".
    expect({ outcome, copies }).toEqual({ outcome: "CONFLICT", copies: 1 });
  });
});

// A match that changes an item to or from Not applicable keeps its reason
// consistent, as an edit does: one for N/A, none otherwise.
describe("an import that changes an item to or from Not applicable", () => {
  it("gives an item it marks N/A a reason, and clears the reason of one it brings back", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const projectId = await catalogueProject(lead, ["compliance", "backup"]);
    const backups = await itemByKey(projectId, "backup.automated");
    await updateItem(lead, { itemId: backups.id, version: backups.version, changes: { status: "NOT_APPLICABLE", notApplicableReason: "No data." } });

    const text = "# Team\n\n## Misc\n\n| Item | Status |\n| --- | --- |\n| Cookie banner | n/a |\n| DB backups | ⚠️ |\n";
    const { plan } = await previewImport(lead, { text, projectId });
    expect(plan.items.map((i) => [i.key, i.status])).toEqual([
      ["compliance.cookie-consent", "NOT_APPLICABLE"],
      ["backup.automated", "PARTIAL"],
    ]);
    await importChecklist(lead, { text, projectId });

    const cookie = await itemByKey(projectId, "compliance.cookie-consent");
    expect(cookie.status).toBe("NOT_APPLICABLE");
    expect(cookie.notApplicableReason).toBeTruthy();
    const after = await itemByKey(projectId, "backup.automated");
    expect(after.status).toBe("PARTIAL");
    expect(after.notApplicableReason).toBeNull();
  });
});
