// Merging documents into a project without losing anything: keys for titles
// in any script (never matched by a key only made up from a title), names
// matched whatever their Unicode form, case or surrounding space, and
// concurrent imports into one project serialised by the database.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { isItemKey } from "@/lib/domain/item-key";
import { addCategory } from "@/lib/server/services/categories";
import { importChecklist } from "@/lib/server/services/import";
import { teamWith } from "../support/fixtures";
import { callApi, tokenFor } from "../support/api";
import { code } from "../support/readiness";

const byTitle = async (projectId: string) =>
  new Map((await db.item.findMany({ where: { projectId }, select: { key: true, title: true, status: true } })).map((item) => [item.title, item]));

describe("import merge", () => {
  it("gives Russian titles distinct, addressable keys and merges a new version by title, not by a made-up key", async () => {
    const { actors: [admin] } = await teamWith(["ADMIN"]);
    const first = ["# Запуск", "## Безопасность", "- [ ] Резервное копирование", "- [ ] Мониторинг", "- [ ] Журнал аудита"].join("\n");
    const { projectId } = await importChecklist(admin, { text: first, name: "Запуск" });
    const before = await byTitle(projectId);
    const keys = [...before.values()].map((item) => item.key);
    expect(new Set(keys).size).toBe(3);
    for (const key of keys) expect(isItemKey(key)).toBe(true);
    // Keys say something about the item, not "item-2".
    expect(keys.every((key) => !/\.item(-\d+)?$/.test(key))).toBe(true);

    // The new version leaves out the first item, marks the second done and adds one.
    const second = ["# Запуск", "## Безопасность", "- [x] Мониторинг", "- [ ] Журнал аудита", "- [ ] Шифрование дисков"].join("\n");
    const result = await importChecklist(admin, { text: second, projectId });
    expect(result.counts).toMatchObject({ create: 1, update: 1, unchanged: 1 });
    const after = await byTitle(projectId);
    expect(after.get("Мониторинг")).toMatchObject({ status: "DONE", key: before.get("Мониторинг")?.key });
    expect(after.get("Резервное копирование")?.status).toBe("MISSING");
    expect(after.get("Шифрование дисков")?.status).toBe("MISSING");
    const allKeys = [...after.values()].map((item) => item.key);
    expect(new Set(allKeys).size).toBe(4);

    const { secret } = await tokenFor(admin, "read");
    for (const [title, item] of after) {
      const answer = await callApi("GET", `/api/v1/projects/${projectId}/items/${encodeURIComponent(item.key)}`, { token: secret });
      expect(answer.status).toBe(200);
      expect(answer.body.title).toBe(title);
    }
  });

  it("matches a category and an item written in decomposed Unicode, another case and with spaces to the existing ones", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const { projectId } = await importChecklist(lead, { text: "# Site\n## Sécurité\n- [ ] Clés chiffrées\n", name: "Site" });
    const decomposed = "# Site\n## Se\u0301curite\u0301\n- [x]   CLE\u0301S CHIFFRE\u0301ES  \n".normalize("NFD");
    expect(decomposed).not.toBe(decomposed.normalize("NFC"));
    const result = await importChecklist(lead, { text: decomposed, projectId });
    expect(result.counts).toMatchObject({ create: 0, update: 1, categories: 0 });
    const categories = await db.category.findMany({ where: { projectId }, select: { name: true } });
    expect(categories.map((c) => c.name)).toEqual(["Sécurité"]);
    const items = await db.item.findMany({ where: { projectId }, select: { title: true, status: true } });
    expect(items).toEqual([{ title: "Clés chiffrées", status: "DONE" }]);
  });

  it("stores names and titles NFC-normalised, whichever form they arrive in", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const { projectId } = await importChecklist(lead, { text: "# Café\n## Re\u0301seau\n- [ ] Pare-feu activé\n".normalize("NFD"), name: "Cafe\u0301" });
    const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, include: { categories: true, items: true } });
    expect(project.name).toBe("Café".normalize("NFC"));
    expect(project.categories[0].name).toBe("Réseau".normalize("NFC"));
    expect(project.items[0].title).toBe("Pare-feu activé".normalize("NFC"));
  });

  it("runs concurrent imports into one project one at a time: one copy of each category and item", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const { projectId } = await importChecklist(lead, { text: "# Payments\n## Setup\n- [x] Merchant account\n", name: "Payments" });
    // A project without items: there is no item row an import could lock.
    await db.item.deleteMany({ where: { projectId } });
    const rows = Array.from({ length: 40 }, (_, i) => `| Dispute case ${i + 1} | ${i % 2 ? "Done" : "Missing"} |`);
    const text = ["# Payments", "## Chargebacks", "| Item | Status |", "|---|---|", ...rows, "## Refunds", "- [ ] Partial refunds", "- [x] Full refunds"].join("\n");
    const results = await Promise.all(Array.from({ length: 4 }, () => importChecklist(lead, { text, projectId })));
    expect(results.map((r) => r.counts.categories).sort()).toEqual([0, 0, 0, 2]);
    const categories = await db.category.findMany({ where: { projectId }, select: { name: true } });
    expect(categories.map((c) => c.name).sort()).toEqual(["Chargebacks", "Refunds", "Setup"]);
    const items = await db.item.findMany({ where: { projectId }, select: { title: true } });
    expect(items).toHaveLength(42);
    expect(new Set(items.map((i) => i.title)).size).toBe(42);
  });

  it("answers an import that meets a category someone else is adding under the same name with a conflict, and writes nothing", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const { projectId } = await importChecklist(lead, { text: "# Shop\n## Setup\n- [x] Merchant account\n", name: "Shop" });
    const { teamId } = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { teamId: true } });
    // Another writer has added "Chargebacks" and not yet committed: the import
    // cannot see it, plans to create it, and waits on the unique index.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(`INSERT INTO category (id, "teamId", "projectId", name, position) VALUES ($1, $2, $3, 'Chargebacks', 50)`, [`other-${Date.now()}`, teamId, projectId]);
      const importing = code(importChecklist(lead, { text: "# Shop\n## Chargebacks\n- [ ] Dispute flow\n", projectId }));
      // Commit once the import waits on that row's lock, not before.
      const waiting = async () => (await other.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].n as number;
      for (let tries = 0; (await waiting()) === 0; tries += 1) {
        if (tries > 400) throw new Error("The import never waited on the uncommitted category.");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await other.query("COMMIT");
      expect(await importing).toBe("CONFLICT");
    } finally {
      await other.end();
    }
    expect(await db.item.count({ where: { projectId, title: "Dispute flow" } })).toBe(0);
  });

  it("refuses a second category whose name differs only in case, form or surrounding space, in the database too", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const { projectId } = await importChecklist(lead, { text: "# P\n## Sécurité\n- [ ] One\n", name: "P" });
    expect(await code(addCategory(lead, { projectId, name: " SE\u0301CURITE\u0301 " }))).toBe("VALIDATION");
    const category = await db.category.findFirstOrThrow({ where: { projectId } });
    await expect(db.category.create({ data: { teamId: category.teamId, projectId, name: "sécurité", position: 9 } })).rejects.toThrow(/Unique constraint/);
  });
});
