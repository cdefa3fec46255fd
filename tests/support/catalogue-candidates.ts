// The built-in catalogue's items as the matcher sees a project made from all
// of it: title, category name and background (why, how to verify), read from
// prisma/catalogue/*.yaml.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { MatchCandidate } from "@/lib/import/matching/match";

const catalogueDir = path.join(process.cwd(), "prisma/catalogue");

export const catalogueCandidates: MatchCandidate[] = readdirSync(catalogueDir)
  .filter((file) => /^\d+-.*\.yaml$/.test(file))
  .flatMap((file) => {
    const category = parse(readFileSync(path.join(catalogueDir, file), "utf8")) as { name: string; items: { key: string; title: string; why?: string; verify?: string }[] };
    return category.items.map((item) => ({ id: item.key, title: item.title, category: category.name, context: `${item.why ?? ""}\n${item.verify ?? ""}` }));
  });
