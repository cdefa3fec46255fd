// Shipshape's own checklist (docs/readiness/shipshape.yaml) must stay true:
// it reads as a checklist, every path it gives as evidence exists in this
// repository, its keys, titles and guidance are the built-in catalogue's, nothing open
// is claimed done, and with its waivers granted it reaches Level 3.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readinessOf } from "@/lib/domain/readiness/score";
import { DEFAULT_WEIGHTS } from "@/lib/domain/readiness/vocabulary";
import { parseChecklistYaml } from "./yaml-checklist";

const root = process.cwd();
const document = parseChecklistYaml(readFileSync(path.join(root, "docs/readiness/shipshape.yaml"), "utf8"));
const items = document.categories.flatMap((category) => category.items.map((item) => ({ ...item, category: category.name })));

type CatalogueCategory = { name: string; items: { key: string; title: string; priority: string; effort?: number; why?: string; verify?: string }[] };
const catalogue: CatalogueCategory[] = readdirSync(path.join(root, "prisma/catalogue"))
  .filter((file) => /^\d+-.*\.yaml$/.test(file))
  .map((file) => parse(readFileSync(path.join(root, "prisma/catalogue", file), "utf8")) as CatalogueCategory);

describe("Shipshape's own readiness checklist", () => {
  it("points only at paths that exist in the repository", () => {
    const paths = items.flatMap((item) => item.evidence.flatMap((evidence) => (evidence.path ? [{ key: item.key, path: evidence.path }] : [])));
    expect(paths.length).toBeGreaterThan(40);
    const missing = paths.filter((entry) => !existsSync(path.join(root, entry.path))).map((entry) => `${entry.key}: ${entry.path}`);
    expect(missing).toEqual([]);
  });

  it("uses the catalogue's categories, keys, titles, priorities, effort and guidance", () => {
    const byKey = new Map(catalogue.flatMap((category) => category.items.map((item) => [item.key, { ...item, category: category.name }] as const)));
    for (const item of items) {
      expect(byKey.get(item.key), item.key).toMatchObject({ title: item.title, priority: item.priority, category: item.category, effort: item.effortHours, why: item.why, verify: item.howToVerify });
    }
  });

  it("claims nothing open as done: done items carry evidence, the rest a reason or a waiver", () => {
    for (const item of items) {
      if (item.status === "DONE") expect(item.evidence.length, item.key).toBeGreaterThan(0);
      else if (item.status === "NOT_APPLICABLE") expect(item.notApplicableReason, item.key).toBeTruthy();
      else expect(item.waiver?.reason, `${item.key} is open: do the work, or request a waiver with a reason`).toBeTruthy();
    }
  });

  it("reaches Level 3 once its waivers are granted, while they last", () => {
    const now = new Date();
    const lapsed = items.filter((item) => item.waiver && new Date(`${item.waiver.expiresAt}T00:00:00Z`) <= now).map((item) => `${item.key} (${item.waiver!.expiresAt})`);
    // A lapsed waiver is a decision to take again: the work, or a new end date.
    expect(lapsed, "waivers that have ended").toEqual([]);
    const readiness = readinessOf(
      items.map((item) => ({
        status: item.status,
        priority: item.priority ?? null,
        effortHours: item.effortHours ?? null,
        evidenceExpiries: item.evidence.map((evidence) => (evidence.expiresAt ? new Date(`${evidence.expiresAt}T00:00:00Z`) : null)),
        waiverExpiresAt: item.waiver ? new Date(`${item.waiver.expiresAt}T00:00:00Z`) : null,
        // Its checks are attached after import (docs/readiness/README.md); none is pending here.
        pendingCheck: false,
        // The strictest evidence policy: every item needs evidence to count as done.
        evidenceRequired: true,
      })),
      DEFAULT_WEIGHTS,
      now,
    );
    expect(readiness).toMatchObject({ level: 3, percent: 100, needsTriage: 0, launchBlockers: 0, openItems: 0 });
  });
});
