// Reads and checks the built-in catalogue in prisma/catalogue/*.yaml. Shared
// by the seed (which loads it into the database) and the unit tests.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";

const catalogueDirectory = path.join(path.dirname(fileURLToPath(import.meta.url)), "catalogue");

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const text = z.string().trim().min(1);

const catalogueHeader = z.strictObject({
  key: z.string().regex(slug),
  name: text,
  description: z.string().default(""),
  version: z.number().int().positive(),
});

// Placeholders a check template may hold, filled from the project's URLs
// (lib/domain/checks/suggestions.ts fills them; a unit test holds the lists equal).
export const CHECK_PLACEHOLDERS = ["productionUrl", "productionHost", "repositoryUrl"];

// `{name}`: a placeholder. Glob alternatives (`{a,b}`) hold a comma, a dot or a
// slash, so they are never read as one.
const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

// Every placeholder in any string of a template (nested lists and objects too).
function placeholdersIn(value) {
  if (typeof value === "string") return [...value.matchAll(PLACEHOLDER)].map((match) => match[1]);
  if (Array.isArray(value)) return value.flatMap(placeholdersIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(placeholdersIn);
  return [];
}

const knownPlaceholders = (value, context) => {
  for (const name of placeholdersIn(value)) {
    if (!CHECK_PLACEHOLDERS.includes(name)) {
      context.addIssue({ code: "custom", message: `Unknown placeholder {${name}}; use ${CHECK_PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}.` });
    }
  }
};

// A suggested check: the settings of one kind (lib/schemas/check-settings.ts)
// with placeholders, a label saying what it proves, and optionally
// alternatives (other values of the same settings, such as other paths of a
// health endpoint) a lead may pick instead. The settings themselves are read
// by the application's schema when a project's URLs fill them; here only
// their shape is checked, so a kind the application does not know yet is
// carried along and skipped there.
const checkTemplate = z
  .looseObject({
    kind: z.string().regex(/^[a-z][a-z-]*$/, "Name the kind of check, such as http or repository."),
    label: text.max(120),
    alternatives: z
      .array(z.looseObject({}).refine((alternative) => !("kind" in alternative) && !("label" in alternative), "An alternative changes settings, not the kind or label."))
      .min(1)
      .max(5)
      .optional(),
  })
  .superRefine(knownPlaceholders);

const catalogueItem = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/),
  title: text.max(200),
  priority: z.enum(["CRITICAL", "HIGH", "MEDIUM", "LOW"]),
  effort: z.number().positive().max(1000),
  why: text,
  verify: text,
  checks: z.array(checkTemplate).max(10).default([]),
});

const catalogueCategory = z.strictObject({
  key: z.string().regex(slug),
  name: text.max(100),
  description: z.string().default(""),
  enabledByDefault: z.boolean().default(true),
  items: z.array(catalogueItem).min(1),
});

export function readCatalogue(directory = catalogueDirectory) {
  const files = readdirSync(directory).filter((file) => file.endsWith(".yaml")).sort();
  const load = (file) => parse(readFileSync(path.join(directory, file), "utf8"));
  const header = catalogueHeader.parse(load("catalogue.yaml"));
  const categories = files
    .filter((file) => file !== "catalogue.yaml")
    .map((file) => {
      const result = catalogueCategory.safeParse(load(file));
      if (!result.success) throw new Error(`${file}: ${z.prettifyError(result.error)}`);
      return result.data;
    });
  const seen = new Set();
  for (const category of categories) {
    for (const item of category.items) {
      if (!item.key.startsWith(`${category.key}.`)) throw new Error(`${item.key} must start with "${category.key}."`);
      if (seen.has(item.key)) throw new Error(`Duplicate item key ${item.key}`);
      seen.add(item.key);
    }
  }
  return { ...header, categories };
}
