import { describe, expect, it } from "vitest";
import { readCatalogue } from "./catalogue.mjs";

type Catalogue = {
  version: number;
  categories: { key: string; name: string; enabledByDefault: boolean; items: { key: string; priority: string; effort: number }[] }[];
};

describe("built-in catalogue", () => {
  const catalogue = readCatalogue() as Catalogue;
  const items = catalogue.categories.flatMap((category) => category.items);

  it("covers the categories teams expect, with Mobile off by default", () => {
    expect(catalogue.categories.map((category) => category.name)).toEqual([
      "Environments",
      "Testing",
      "Security",
      "CI/CD",
      "Infrastructure",
      "Database & Persistence",
      "Backup & Disaster Recovery",
      "Monitoring & Observability",
      "Operations",
      "Performance",
      "Documentation",
      "Compliance & Legal",
      "Mobile",
    ]);
    expect(catalogue.categories.filter((category) => !category.enabledByDefault).map((c) => c.key)).toEqual(["mobile"]);
  });

  it("has at least 90 items with unique, category-prefixed keys", () => {
    expect(items.length).toBeGreaterThanOrEqual(90);
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
    for (const category of catalogue.categories) {
      for (const item of category.items) expect(item.key.startsWith(`${category.key}.`)).toBe(true);
    }
  });

  it("gives every category at least one critical or high item", () => {
    for (const category of catalogue.categories) {
      expect(category.items.some((item) => item.priority === "CRITICAL" || item.priority === "HIGH")).toBe(true);
    }
  });
});
