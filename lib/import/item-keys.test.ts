// One key rule for every way an item gets a key: created in the app, named in
// the API's path, imported from YAML (projects and templates) or from a
// Markdown table's key column. A key the API cannot address is never stored.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isItemKey, readItemKey } from "@/lib/domain/item-key";
import { itemPath } from "@/lib/schemas/api";
import { createItemInput } from "@/lib/schemas/item";
import { parseMarkdownChecklist } from "./markdown";
import { ChecklistYamlError, parseChecklistYaml } from "./yaml-checklist";

const UNADDRESSABLE = ["a..b", "a.-b", ".a", "a.", "-a", "a-", "a b", "a/b", "a_b", "ä", "a".repeat(121)];
const yamlWithKey = (key: string) => `schema: shipshape.checklist/v1\nname: Keys\ncategories:\n  - name: Security\n    items:\n      - key: ${JSON.stringify(key)}\n        title: TLS\n`;

describe("item keys", () => {
  it.each(UNADDRESSABLE)("refuses %j wherever a key is given", (key) => {
    expect(isItemKey(key)).toBe(false);
    expect(createItemInput.safeParse({ categoryId: "c1", title: "TLS", key }).error?.issues[0].path).toEqual(["key"]);
    expect(itemPath.safeParse({ projectId: "p1", key }).success).toBe(false);
    expect(() => parseChecklistYaml(yamlWithKey(key))).toThrow(ChecklistYamlError);
    expect(() => parseChecklistYaml(yamlWithKey(key))).toThrow(/line 6: categories\.0\.items\.0\.key: Use (lower-case letters|at most)/);
  });

  it("takes the same keys everywhere, as the API reads them", () => {
    for (const key of ["security.tls", "a", "ops.on-call-2", "a".repeat(120)]) {
      expect(createItemInput.parse({ categoryId: "c1", title: "TLS", key }).key).toBe(key);
      expect(itemPath.parse({ projectId: "p1", key }).key).toBe(key);
      expect(parseChecklistYaml(yamlWithKey(key)).categories[0].items[0].key).toBe(key);
    }
    expect(readItemKey(" Security.TLS ")).toBe("security.tls");
    expect(parseChecklistYaml(yamlWithKey("Security.TLS")).categories[0].items[0].key).toBe("security.tls");
  });

  it("agrees between the API path and the rule for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "Z", "0", ".", "-", "_", " ", "/", "é"), maxLength: 12 }), (text) => {
        expect(itemPath.safeParse({ projectId: "p1", key: text }).success).toBe(readItemKey(text) !== null);
      }),
    );
  });

  it("does not take an unaddressable key from a Markdown key column, and says so on its line", () => {
    const checklist = parseMarkdownChecklist("## Security\n| Key | Item | Status |\n|---|---|---|\n| a..b | TLS | Done |\n| SEC-1 | Secrets | Done |\n");
    const [tls, secrets] = checklist.categories[0].items;
    expect(tls.key).toBeUndefined();
    expect(secrets.key).toBe("sec-1");
    expect(checklist.warnings).toEqual([{ line: 4, message: "Key “a..b” of “TLS” was not used: Use lower-case letters, digits, dots and dashes, e.g. security.rate-limiting. The item gets a key made from its title." }]);
  });
});
