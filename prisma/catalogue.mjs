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

const catalogueItem = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/),
  title: text.max(200),
  priority: z.enum(["CRITICAL", "HIGH", "MEDIUM", "LOW"]),
  effort: z.number().positive().max(1000),
  why: text,
  verify: text,
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
