// The layer rule of eslint.config.mjs (docs/adr/0019-layers.md), run through
// ESLint on small sources placed at the paths they would have: wrong imports
// are reported, right ones pass.
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const LAYER_RULES = new Set(["no-restricted-imports", "no-restricted-syntax"]);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "..") });
});

/** The layer rule's messages for `code` placed at `filePath`. */
async function layerProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n\nexport const used = 1;\n`, { filePath });
  return result.messages.filter((m) => m.ruleId && LAYER_RULES.has(m.ruleId)).map((m) => m.message);
}

const refused: [string, string, string][] = [
  ["components import no routes", "components/projects/x.tsx", 'import Page from "@/app/(app)/page";'],
  ["components call no services, only server actions", "components/team/x.tsx", 'import { listMembers } from "@/lib/server/services/members";'],
  ["lib/domain imports nothing outside it", "lib/domain/readiness/x.ts", 'import { text } from "@/lib/schemas/fields";'],
  ["lib/domain takes no types from above either", "lib/domain/x.ts", 'import type { Actor } from "@/lib/server/kernel/actor";'],
  ["lib/domain does not touch the database client", "lib/domain/x.ts", 'import { Prisma } from "@/generated/prisma/client";'],
  ["services do not import access", "lib/server/services/x.ts", 'import { currentActor } from "@/lib/server/access/current-actor";'],
  ["services do not load access lazily either", "lib/server/services/x.ts", 'export const load = () => import("@/lib/server/access/operator");'],
  ["read-models do not import services", "lib/server/read-models/x.ts", 'import { recordReadinessSnapshot } from "@/lib/server/services/snapshots";'],
  ["the kernel does not import upward", "lib/server/kernel/x.ts", 'import { currentIdentity } from "@/lib/server/identity/identity";'],
  ["schemas do not import the server", "lib/schemas/x.ts", 'import { AppError } from "@/lib/server/kernel/errors";'],
  ["one adapter does not import another", "lib/server/api/x.ts", 'import { runAction } from "@/lib/server/actions/action-result";'],
  ["production code does not import test fixtures", "lib/server/report/x.ts", 'import { FIXED_REPORT } from "@/tests/fixtures/report";'],
  ["a relative import may not leave its folder", "lib/domain/report/x.ts", 'import { AppError } from "../../server/kernel/errors";'],
];

const allowed: [string, string, string][] = [
  ["components import server actions", "components/team/x.tsx", 'import { inviteMember } from "@/lib/server/actions/members";'],
  ["components take view types from read-models", "components/items/x.tsx", 'import type { ItemView } from "@/lib/server/read-models/item-view";'],
  ["components import the domain and other components", "components/items/x.tsx", 'import { STATUS_LABEL } from "@/lib/domain/readiness/vocabulary";\nimport { cn } from "@/components/ui/cn";'],
  ["lib/domain imports lib/domain, relatively within its folder too", "lib/domain/report/x.ts", 'import { LEVELS } from "@/lib/domain/readiness/score";\nimport { reportFileName } from "./formats";'],
  ["services use read-models, the kernel and the database client", "lib/server/services/x.ts", 'import { itemView } from "@/lib/server/read-models/item-view";\nimport { db } from "@/lib/server/kernel/db";\nimport { Prisma } from "@/generated/prisma/client";'],
  ["access uses services and identity", "lib/server/access/x.ts", 'import { hashApiToken } from "@/lib/server/services/api-tokens";\nimport { recentToken } from "@/lib/server/identity/recent-tokens";'],
  ["the CLI uses access, read-models and the report renderer", "lib/cli/commands/x.ts", 'import { operatorForTeam } from "@/lib/server/access/operator";\nimport { renderReport } from "@/lib/server/report/render";'],
  ["a colocated test imports the shared fixtures", "lib/domain/report/x.test.ts", 'import { FIXED_REPORT } from "@/tests/fixtures/report";'],
  ["routes import anything below them", "app/(app)/x/page.tsx", 'import { listMembers } from "@/lib/server/services/members";\nimport { MemberList } from "@/components/team/member-list";'],
];

describe("layer rule", { timeout: 60_000 }, () => {
  it.each(refused)("reports it: %s", async (_name, filePath, code) => {
    const problems = await layerProblems(filePath, code);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/docs\/adr\/0019-layers\.md|from the root/);
  });

  it.each(allowed)("lets it pass: %s", async (_name, filePath, code) => {
    expect(await layerProblems(filePath, code)).toEqual([]);
  });

  it("names both folders in its message", async () => {
    const [problem] = await layerProblems("lib/server/services/x.ts", 'import { currentActor } from "@/lib/server/access/current-actor";');
    expect(problem).toContain("lib/server/services may not import lib/server/access");
  });
});
