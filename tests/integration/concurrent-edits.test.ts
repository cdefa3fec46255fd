// Two people edit the same item from the same version. A change lands on top
// of the current version unless a field it changes was changed meanwhile to
// something else; then it is refused, naming who changed what, in words.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import type { AppError } from "@/lib/server/kernel/errors";
import { addEvidence } from "@/lib/server/services/evidence";
import { deleteAccount } from "@/lib/server/services/account-deletion";
import { importChecklist } from "@/lib/server/services/import";
import { updateItem } from "@/lib/server/services/items";
import { teamWith } from "../support/fixtures";
import { catalogueProject, code, failure, itemByKey } from "../support/readiness";

type Change = { field: string; by: string; at: string; from: string | null; to: string | null; recorded: boolean };

const changesOf = (error: AppError) => (error.details?.changes ?? []) as Change[];
const itemActivity = (itemId: string) => db.activity.findMany({ where: { itemId, action: "item.updated" }, orderBy: { createdAt: "asc" } });

// No database ids, and nothing that looks like one, in what people read.
function expectNoIds(words: string, ids: string[]) {
  for (const id of ids) expect(words).not.toContain(id);
  expect(words).not.toMatch(/\bc[a-z0-9]{20,}\b/);
}

async function world() {
  const { teamId, actors } = await teamWith(["LEAD", "LEAD", "ENGINEER"]);
  const [dana, sam, erin] = actors;
  const projectId = await catalogueProject(dana);
  const item = await itemByKey(projectId, "testing.unit");
  return { teamId, dana, sam, erin, projectId, item };
}

describe("edits by two people", () => {
  it("applies both edits when they change different fields, each recorded, the version bumped twice", async () => {
    const { dana, sam, projectId, item } = await world();
    await updateItem(dana, { itemId: item.id, version: 1, changes: { status: "PARTIAL" } });
    const view = await updateItem(sam, { itemId: item.id, version: 1, changes: { priority: "CRITICAL", effortHours: "3" } });
    expect(view).toMatchObject({ status: "PARTIAL", priority: "CRITICAL", effortHours: 3, version: 3, updatedByName: sam.name });
    expect(await itemByKey(projectId, "testing.unit")).toMatchObject({ status: "PARTIAL", priority: "CRITICAL", effortHours: 3, version: 3 });
    const activity = await itemActivity(item.id);
    expect(activity.map((a) => [a.actorUserId, a.before, a.after])).toEqual([
      [dana.userId, { status: "MISSING", version: 1 }, { status: "PARTIAL", version: 2 }],
      [sam.userId, { priority: "HIGH", effortHours: 16, version: 2 }, { priority: "CRITICAL", effortHours: 3, version: 3 }],
    ]);
  });

  it("refuses an edit of a field someone else changed meanwhile, naming them and the values in words", async () => {
    const { dana, sam, erin, projectId, item } = await world();
    await updateItem(dana, { itemId: item.id, version: 1, changes: { ownerId: erin.userId, status: "DONE" } });
    const error = await failure(updateItem(sam, { itemId: item.id, version: 1, changes: { ownerId: sam.userId, notes: "Taking this one" } }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(new RegExp(`^${dana.name} set the owner to ${erin.name} at \\d{1,2} \\w{3}, \\d{2}:\\d{2} UTC\\b`));
    expect(changesOf(error)).toEqual([{ field: "ownerId", by: dana.name, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), from: null, to: erin.name, recorded: true }]);
    expect(error.details?.current).toMatchObject({ ownerId: erin.userId, ownerName: erin.name, status: "DONE", version: 2 });
    expectNoIds(`${error.message} ${JSON.stringify(changesOf(error))}`, [dana.userId, sam.userId, erin.userId, item.id, item.categoryId]);
    // Nothing of the refused edit landed, not even its other field.
    expect(await itemByKey(projectId, "testing.unit")).toMatchObject({ ownerId: erin.userId, notes: "", version: 2 });
    expect(await itemActivity(item.id)).toHaveLength(1);
  });

  it("says every kind of field in words: statuses, priorities, dates, effort, categories, titles, long texts", async () => {
    const { teamId, dana, sam, item } = await world();
    const security = await db.category.findFirstOrThrow({ where: { projectId: item.projectId, name: "Security" } });
    const release = await db.category.create({ data: { teamId, projectId: item.projectId, name: "Release", position: 9 } });
    await updateItem(dana, {
      itemId: item.id,
      version: 1,
      changes: { status: "DONE", priority: "LOW", dueDate: "2027-03-01", effortHours: "6", categoryId: security.id, title: "Unit tests of the domain", notes: "See CI", why: "Regressions" },
    });
    const error = await failure(updateItem(sam, {
      itemId: item.id,
      version: 1,
      changes: { status: "PARTIAL", priority: "MEDIUM", dueDate: "2027-04-01", effortHours: "2", categoryId: release.id, title: "Unit tests", notes: "Mine", why: "Mine" },
    }));
    const sentences = error.message;
    for (const sentence of [
      `${dana.name} changed the status from Missing to Done`,
      `${dana.name} changed the priority from High to Low`,
      `${dana.name} set the due date to 1 Mar 2027`,
      `${dana.name} changed the effort from 16 h to 6 h`,
      `${dana.name} changed the category from Testing to Security`,
      `${dana.name} changed the title from “Unit tests for core logic” to “Unit tests of the domain”`,
      `${dana.name} changed the notes`,
      `${dana.name} changed the explanation of why it matters`,
    ]) {
      expect(sentences).toContain(sentence);
    }
    expect(changesOf(error).map((c) => c.field).sort()).toEqual(["categoryId", "dueDate", "effortHours", "notes", "priority", "status", "title", "why"]);
    expectNoIds(`${sentences} ${JSON.stringify(changesOf(error))}`, [dana.userId, sam.userId, item.categoryId, security.id, release.id]);
  });

  it("does not conflict when both set a field to the same value", async () => {
    const { dana, sam, projectId, item } = await world();
    await updateItem(dana, { itemId: item.id, version: 1, changes: { status: "DONE" } });
    const view = await updateItem(sam, { itemId: item.id, version: 1, changes: { status: "DONE", notes: "Checked the coverage report" } });
    expect(view).toMatchObject({ status: "DONE", notes: "Checked the coverage report", version: 3 });
    const [, second] = await itemActivity(item.id);
    expect(second.after).toEqual({ notes: "Checked the coverage report", version: 3 });
    expect(await itemByKey(projectId, "testing.unit")).toMatchObject({ version: 3 });
  });

  it("refuses an edit three versions behind touching a field changed two versions ago, listing that change", async () => {
    const { dana, sam, erin, item } = await world();
    await updateItem(dana, { itemId: item.id, version: 1, changes: { notes: "First pass" } });
    await updateItem(erin, { itemId: item.id, version: 2, changes: { status: "PARTIAL" } });
    await updateItem(dana, { itemId: item.id, version: 3, changes: { dueDate: "2027-02-01" } });
    const error = await failure(updateItem(sam, { itemId: item.id, version: 1, changes: { status: "DONE", effortHours: "1" } }));
    expect(error.code).toBe("CONFLICT");
    expect(changesOf(error)).toEqual([expect.objectContaining({ field: "status", by: erin.name, from: "Missing", to: "Partial" })]);
    expect(error.message).toMatch(new RegExp(`^${erin.name} changed the status from Missing to Partial at `));
    expect(error.details?.current).toMatchObject({ version: 4, status: "PARTIAL" });
    // Not touching that field, the same old version lands.
    expect(await updateItem(sam, { itemId: item.id, version: 1, changes: { effortHours: "1" } })).toMatchObject({ version: 5, status: "PARTIAL", notes: "First pass", effortHours: 1, dueDate: "2027-02-01" });
  });

  it("refuses an edit that sends back, as it was, a field someone changed meanwhile", async () => {
    const { dana, sam, projectId, item } = await world();
    await updateItem(dana, { itemId: item.id, version: 1, changes: { why: "Regressions reach customers" } });
    // Whether Sam meant to undo Dana's text only Sam knows: ask, never drop either silently.
    const error = await failure(updateItem(sam, { itemId: item.id, version: 1, changes: { title: "Unit tests of the domain", why: item.why } }));
    expect(error.code).toBe("CONFLICT");
    expect(changesOf(error).map((c) => [c.field, c.by])).toEqual([["why", dana.name]]);
    expect(await itemByKey(projectId, "testing.unit")).toMatchObject({ title: item.title, why: "Regressions reach customers", version: 2 });
  });

  it("judges a merged edit by the current state: the evidence policy follows the current priority", async () => {
    const { dana, erin, projectId, item } = await world();
    await updateItem(dana, { itemId: item.id, version: 1, changes: { priority: "CRITICAL" } });
    const error = await failure(updateItem(erin, { itemId: item.id, version: 1, changes: { status: "DONE" } }));
    expect(error).toMatchObject({ code: "VALIDATION", details: { evidenceRequired: true } });
    await addEvidence(erin, { itemId: item.id, kind: "CI_RUN", target: "https://ci.example.com/runs/1" });
    expect(await updateItem(erin, { itemId: item.id, version: 1, changes: { status: "DONE" } })).toMatchObject({ status: "DONE", priority: "CRITICAL", version: 3 });
    expect((await itemByKey(projectId, "testing.unit")).version).toBe(3);
  });

  it("lets parallel writers of different fields from one version all land, one activity row each", async () => {
    const { dana, sam, erin, projectId, item } = await world();
    const writes: [typeof dana, Record<string, unknown>][] = [
      [dana, { priority: "LOW" }],
      [sam, { dueDate: "2027-05-01" }],
      [erin, { status: "PARTIAL" }],
      [erin, { notes: "Coverage at 60%" }],
      [dana, { effortHours: "5" }],
      [sam, { title: "Unit tests everywhere" }],
    ];
    const results = await Promise.all(writes.map(([actor, changes]) => code(updateItem(actor, { itemId: item.id, version: 1, changes }))));
    expect(results).toEqual(writes.map(() => "OK"));
    expect(await itemByKey(projectId, "testing.unit")).toMatchObject({
      priority: "LOW", status: "PARTIAL", notes: "Coverage at 60%", effortHours: 5, title: "Unit tests everywhere", version: 7,
    });
    const versions = (await itemActivity(item.id)).map((a) => (a.after as { version: number }).version).sort((a, b) => a - b);
    expect(versions).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it("knows which fields an import changed, and is safe when a change left no record", async () => {
    const { dana, sam, projectId } = await world();
    const item = await itemByKey(projectId, "testing.load");
    await importChecklist(dana, { projectId, text: "## Testing\n- [x] Load test of the expected peak\n" });
    expect(await itemByKey(projectId, "testing.load")).toMatchObject({ status: "DONE", version: 2 });
    expect((await itemActivity(item.id)).map((a) => [a.before, a.after])).toEqual([[{ status: "MISSING", version: 1 }, { status: "DONE", version: 2 }]]);
    // The import changed the status only: notes from the old version land, a status does not.
    expect(await code(updateItem(sam, { itemId: item.id, version: 1, changes: { notes: "k6 script in repo" } }))).toBe("OK");
    const error = await failure(updateItem(sam, { itemId: item.id, version: 1, changes: { status: "PARTIAL" } }));
    expect(error.message).toMatch(new RegExp(`^${dana.name} changed the status from Missing to Done at `));

    // A version bump without a record of its fields (as older imports did):
    // any edit from before it that would change something is refused.
    await db.item.update({ where: { id: item.id }, data: { version: { increment: 1 }, priority: "LOW" } });
    const unknown = await failure(updateItem(sam, { itemId: item.id, version: 3, changes: { effortHours: "2" } }));
    expect(unknown.code).toBe("CONFLICT");
    expect(changesOf(unknown)).toEqual([expect.objectContaining({ field: "effortHours", recorded: false, to: null })]);
    expect(unknown.message).toContain("without a record of which fields");
    expect(await code(updateItem(sam, { itemId: item.id, version: 4, changes: { effortHours: "2" } }))).toBe("OK");
  });

  it("refuses a version the item never had as a field error", async () => {
    const { sam, projectId, item } = await world();
    const error = await failure(updateItem(sam, { itemId: item.id, version: 7, changes: { status: "DONE" } }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fields?.version?.[0]).toMatch(/version 1/);
    expect((await itemByKey(projectId, "testing.unit")).version).toBe(1);
  });

  it("names a person who has since deleted their account, from the record that handed their items over", async () => {
    const { dana, sam, erin, item } = await world();
    await updateItem(dana, { itemId: item.id, version: 1, changes: { ownerId: erin.userId } });
    // Erin leaves Shipshape altogether; her open item goes to nobody.
    await deleteAccount({ userId: erin.userId, name: erin.name, email: erin.email }, { confirmEmail: erin.email });
    const refused = await failure(updateItem(sam, { itemId: item.id, version: 1, changes: { ownerId: sam.userId } }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain(erin.name);
    expect(refused.message).not.toContain("a former member");
  });
});
