import "server-only";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import type { ItemPriority } from "@/lib/domain/readiness/vocabulary";

// The key of prisma/catalogue/catalogue.yaml, loaded by the seed.
export const BUILT_IN_TEMPLATE_KEY = "shipshape-standard";

export type CatalogueCategoryView = {
  key: string;
  name: string;
  description: string;
  enabledByDefault: boolean;
  items: { key: string; title: string; priority: ItemPriority; effortHours: number | null }[];
};

export type CatalogueView = { id: string; name: string; version: number; categories: CatalogueCategoryView[] } | null;

export async function builtInCatalogue(actor: Actor): Promise<CatalogueView> {
  authorize(actor, "project.create");
  const template = await db.template.findFirst({
    where: { teamId: null, key: BUILT_IN_TEMPLATE_KEY },
    relationLoadStrategy: "join",
    select: {
      id: true,
      name: true,
      version: true,
      categories: {
        orderBy: { position: "asc" },
        select: {
          key: true,
          name: true,
          description: true,
          enabledByDefault: true,
          items: { orderBy: { position: "asc" }, select: { key: true, title: true, priority: true, effortHours: true } },
        },
      },
    },
  });
  return template;
}
