// The catalogue's suggested checks (`checks:` of an item) against the settings
// schema the application adds checks with: every template, and every one of
// its alternatives, filled from sample project URLs, is a valid check.
import { describe, expect, it } from "vitest";
import { CHECK_PLACEHOLDERS as DOMAIN_PLACEHOLDERS, fillTemplate, placeholderValues, type CheckTemplate } from "@/lib/domain/checks/suggestions";
import { CHECK_KINDS, checkSettings } from "@/lib/schemas/check-settings";
import { CHECK_PLACEHOLDERS, readCatalogue } from "./catalogue.mjs";

type Catalogue = { categories: { items: { key: string; checks: CheckTemplate[] }[] }[] };

// Kinds the catalogue may suggest before this version of the application
// checks them (they are skipped until then); any other unknown kind is a typo.
const KINDS_TO_COME: string[] = [];

const items = (readCatalogue() as Catalogue).categories.flatMap((category) => category.items);
const templates = items.flatMap((item) => item.checks.map((template, index) => ({ name: `${item.key}:${index}`, template })));
const samples = [
  placeholderValues({ productionUrl: "https://app.example.com", repositoryUrl: "https://github.com/acme/app" }),
  placeholderValues({ productionUrl: "https://example.com/shop/", repositoryUrl: "https://gitlab.example.com/acme/app.git/" }),
];

describe("the catalogue's suggested checks", () => {
  it("are many, on the items they prove", () => {
    const keys = items.filter((item) => item.checks.length > 0).map((item) => item.key);
    expect(keys).toEqual(
      expect.arrayContaining(["infrastructure.health-checks", "security.https", "security.headers", "ci-cd.pipeline", "ci-cd.branch-protection", "operations.runbooks", "backup.automated"]),
    );
    expect(templates.length).toBeGreaterThanOrEqual(15);
  });

  it("name only the placeholders the application fills", () => {
    expect([...CHECK_PLACEHOLDERS]).toEqual([...DOMAIN_PLACEHOLDERS]);
  });

  it.each(templates)("$name parses as check settings when filled from a project's URLs", ({ template }) => {
    expect([...CHECK_KINDS, ...KINDS_TO_COME]).toContain(template.kind);
    for (const values of samples) {
      const filled = fillTemplate(template, values);
      if (!filled.ok) throw new Error(`unfilled placeholders: ${filled.missing.join(", ")}`);
      for (const settings of filled.choices) {
        expect(JSON.stringify(settings)).not.toMatch(/\{(productionUrl|productionHost|repositoryUrl)\}/);
        if (!(CHECK_KINDS as readonly string[]).includes(template.kind)) continue;
        const parsed = checkSettings.safeParse(settings);
        expect(parsed.success, parsed.error?.message).toBe(true);
      }
    }
  });
});
