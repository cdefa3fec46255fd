// What the readers collect while walking a document: items by category, and warnings.
import type { ImportWarning, ImportedCategory } from "@/lib/import/checklist";

export type Context = { categories: Map<string, ImportedCategory>; warnings: ImportWarning[] };

export function categoryFor(context: Context, name: string): ImportedCategory {
  const key = name.toLowerCase();
  let category = context.categories.get(key);
  if (!category) context.categories.set(key, (category = { name, items: [] }));
  return category;
}

