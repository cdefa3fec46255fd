// Planning a merge: keys for titles in any script, never matching by a key
// the plan only made up from a title, and names compared whatever their
// Unicode form, case or surrounding space.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isItemKey } from "@/lib/domain/item-key";
import type { ImportedChecklist, ImportedItem } from "./checklist";
import { nameKey, planImport, type ExistingProject } from "./plan";
import { parseChecklistYaml } from "./yaml-checklist";

const item = (title: string, extra: Partial<ImportedItem> = {}): ImportedItem => ({ title, status: "MISSING", priority: null, effortHours: null, evidence: [], line: 1, ...extra });
const checklist = (categories: Record<string, ImportedItem[]>): ImportedChecklist => ({ title: null, warnings: [], categories: Object.entries(categories).map(([name, items]) => ({ name, items })) });
const project = (items: { key: string; title: string; category?: string }[] = [], categories: string[] = []): ExistingProject => ({
  evidencePolicy: "NONE",
  categories: categories.map((name, i) => ({ id: `c${i}`, name })),
  items: items.map((it, i) => ({ id: `i${i}`, status: "MISSING", priority: null, evidence: [], category: categories[0] ?? "General", context: "", ...it })),
});

describe("planImport", () => {
  it("gives distinct, valid keys to distinct titles in one category, in any script", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 30, selector: nameKey }), fc.string({ unit: "grapheme", maxLength: 20 }), (titles, category) => {
        fc.pre(titles.every((t) => nameKey(t) !== ""));
        const plan = planImport(checklist({ [category || "General"]: titles.map((t) => item(t)) }), project());
        const keys = plan.items.map((i) => i.key);
        expect(new Set(keys).size).toBe(titles.length);
        for (const key of keys) expect(isItemKey(key), key).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps Russian titles apart: readable keys, no shared stem", () => {
    const plan = planImport(checklist({ Безопасность: [item("Резервное копирование"), item("Мониторинг")] }), project());
    expect(plan.items.map((i) => i.key)).toEqual(["bezopasnost.rezervnoe-kopirovanie", "bezopasnost.monitoring"]);
  });

  it("never matches an item by a key made up from a title", () => {
    // An item whose key an older version made up from a Russian title.
    const existing = project([{ key: "general.item", title: "Резервное копирование" }], ["General"]);
    const plan = planImport(checklist({ General: [item("Мониторинг", { status: "DONE" })] }), existing);
    expect(plan.items).toMatchObject([{ action: "create", title: "Мониторинг" }]);
    expect(plan.items[0].key).not.toBe("general.item");
    // A key the document gives still matches.
    const given = planImport(checklist({ General: [item("Backups", { key: "general.item", status: "DONE" })] }), existing);
    expect(given.items).toMatchObject([{ action: "update", existingId: "i0" }]);
  });

  it("matches names whatever their Unicode form, case and surrounding space, and outputs NFC", () => {
    const existing = project([{ key: "securite.cles", title: "Clés chiffrées" }], ["Sécurité"]);
    const plan = planImport(checklist({ [" SE\u0301CURITE\u0301 "]: [item("  cle\u0301s   CHIFFRE\u0301ES ", { status: "DONE" })], ["Re\u0301seau"]: [item("Pare-feu activé".normalize("NFD"))] }), existing);
    expect(plan.categoriesToCreate).toEqual(["Réseau".normalize("NFC")]);
    expect(plan.items).toMatchObject([
      { action: "update", existingId: "i0", category: "Sécurité" },
      { action: "create", category: "Réseau".normalize("NFC"), title: "Pare-feu activé".normalize("NFC") },
    ]);
  });
});

describe("planImport: matching by meaning and the person's choices", () => {
  const existing = () => ({
    ...project(
      [
        { key: "backup.automated", title: "Automated backups", category: "Backup" },
        { key: "backup.encrypted", title: "Backups encrypted", category: "Backup" },
        { key: "security.rate-limiting", title: "Rate limiting on public endpoints", category: "Security" },
      ],
      ["Backup", "Security"],
    ),
  });
  const team = () => checklist({ Platform: [item("DB backups", { status: "DONE", line: 3 }), item("Rate limiting", { status: "PARTIAL", line: 4 })], Other: [item("Launch party booked", { line: 7 })] });

  it("updates the item a row means, in the item's own category, and creates no category for rows that all matched", () => {
    const plan = planImport(team(), existing());
    expect(plan.items).toMatchObject([
      { row: 1, action: "update", existingId: "i0", title: "Automated backups", category: "Backup", status: "DONE", statusBefore: "MISSING", match: { how: "meaning" } },
      { row: 2, action: "update", existingId: "i2", title: "Rate limiting on public endpoints", category: "Security", match: { how: "meaning" } },
      { row: 3, action: "create", title: "Launch party booked", category: "Other", match: null, priority: null },
    ]);
    expect(plan.items[0].match!.confidence).toBeGreaterThanOrEqual(0.6);
    expect(plan.categoriesToCreate).toEqual(["Other"]);
  });

  it("follows the person's choices: a refused match becomes a new item that still shows what it was offered, a changed one updates the chosen item", () => {
    const plan = planImport(team(), existing(), new Map([[1, "i1"], [2, null]]));
    expect(plan.items).toMatchObject([
      { row: 1, action: "update", existingId: "i1", title: "Backups encrypted", match: { how: "chosen", confidence: 1 } },
      { row: 2, action: "create", existingId: null, title: "Rate limiting", category: "Platform", match: null, suggestion: { itemId: "i2", title: "Rate limiting on public endpoints" } },
      { row: 3, action: "create" },
    ]);
    expect(plan.categoriesToCreate).toEqual(["Platform", "Other"]);
  });

  it("keeps how a row was matched when the person's choice only confirms the proposal", () => {
    const plan = planImport(team(), existing(), new Map([[1, "i0"], [2, "i2"], [3, null]]));
    expect(plan.items.map((i) => i.match?.how ?? null)).toEqual(["meaning", "meaning", null]);
  });

  it("gives an item the person chose to the choosing row, not to a row of the same title", () => {
    const plan = planImport(checklist({ A: [item("Automated backups"), item("Nightly dumps")] }), existing(), new Map([[2, "i0"]]));
    expect(plan.items).toMatchObject([
      { row: 1, action: "create", title: "Automated backups" },
      { row: 2, existingId: "i0", match: { how: "chosen" } },
    ]);
  });
});

describe("YAML checklists", () => {
  it("refuse a category listed twice under names that differ only in case or form", () => {
    const yaml = ["schema: shipshape.checklist/v1", "name: T", "categories:", "  - name: Sécurité", "    items: []", `  - name: "SE\u0301CURITE\u0301"`, "    items: []", ""].join("\n");
    expect(() => parseChecklistYaml(yaml)).toThrow(/listed twice/);
  });
});

describe("YAML text", () => {
  it("is read NFC-normalised", () => {
    const yaml = ["schema: shipshape.checklist/v1", "name: Café", "categories:", "  - name: Réseau", "    items:", "      - key: net.fw", "        title: Pare-feu activé", ""].join("\n").normalize("NFD");
    const document = parseChecklistYaml(yaml);
    expect([document.name, document.categories[0].name, document.categories[0].items[0].title]).toEqual(["Café", "Réseau", "Pare-feu activé"].map((t) => t.normalize("NFC")));
  });
});
