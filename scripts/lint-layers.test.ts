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

// What each case imports, where, and whether the rule refuses it.
const cases: [name: string, filePath: string, code: string, verdict: "refused" | "allowed"][] = [
  ["components import no routes", "components/projects/x.tsx", 'import Page from "@/app/(app)/page";', "refused"],
  ["components call no services, only server actions", "components/team/x.tsx", 'import { listMembers } from "@/lib/server/services/members";', "refused"],
  ["lib/domain imports nothing outside it", "lib/domain/readiness/x.ts", 'import { text } from "@/lib/schemas/fields";', "refused"],
  ["lib/domain takes no types from above either", "lib/domain/x.ts", 'import type { Actor } from "@/lib/server/kernel/actor";', "refused"],
  ["lib/domain does not touch the database client", "lib/domain/x.ts", 'import { Prisma } from "@/generated/prisma/client";', "refused"],
  ["services do not import access", "lib/server/services/x.ts", 'import { currentActor } from "@/lib/server/access/current-actor";', "refused"],
  ["services do not load access lazily either", "lib/server/services/x.ts", 'export const load = () => import("@/lib/server/access/operator");', "refused"],
  ["read-models do not import services", "lib/server/read-models/x.ts", 'import { recordReadinessSnapshot } from "@/lib/server/services/snapshots";', "refused"],
  ["the kernel does not import upward", "lib/server/kernel/x.ts", 'import { currentIdentity } from "@/lib/server/identity/identity";', "refused"],
  ["schemas do not import the server", "lib/schemas/x.ts", 'import { AppError } from "@/lib/server/kernel/errors";', "refused"],
  ["one adapter does not import another", "lib/server/api/x.ts", 'import { runAction } from "@/lib/server/actions/action-result";', "refused"],
  ["production code does not import test fixtures", "lib/server/report/x.ts", 'import { FIXED_REPORT } from "@/tests/fixtures/report";', "refused"],
  ["a relative import may not leave its folder", "lib/domain/report/x.ts", 'import { AppError } from "../../server/kernel/errors";', "refused"],
  ["only the CLI backs up the whole database", "lib/server/api/x.ts", 'import { backupDatabase } from "@/lib/server/backup/backup";', "refused"],
  ["the backup layer uses nothing of the server", "lib/server/backup/x.ts", 'import { db } from "@/lib/server/kernel/db";', "refused"],
  ["the CLI backs up and restores", "lib/cli/commands/x.ts", 'import { restoreDatabase } from "@/lib/server/backup/restore";', "allowed"],
  ["components import server actions", "components/team/x.tsx", 'import { inviteMember } from "@/lib/server/actions/members";', "allowed"],
  ["components take view types from read-models", "components/items/x.tsx", 'import type { ItemView } from "@/lib/server/read-models/item-view";', "allowed"],
  ["components import the domain and other components", "components/items/x.tsx", 'import { STATUS_LABEL } from "@/lib/domain/readiness/vocabulary";\nimport { cn } from "@/components/ui/cn";', "allowed"],
  ["lib/domain imports lib/domain, relatively within its folder too", "lib/domain/report/x.ts", 'import { LEVELS } from "@/lib/domain/readiness/score";\nimport { reportFileName } from "./formats";', "allowed"],
  ["services use read-models, the kernel and the database client", "lib/server/services/x.ts", 'import { itemView } from "@/lib/server/read-models/item-view";\nimport { db } from "@/lib/server/kernel/db";\nimport { Prisma } from "@/generated/prisma/client";', "allowed"],
  ["access uses services and identity", "lib/server/access/x.ts", 'import { hashApiToken } from "@/lib/server/services/api-tokens";\nimport { recentToken } from "@/lib/server/identity/recent-tokens";', "allowed"],
  ["the CLI uses access, read-models and the report renderer", "lib/cli/commands/x.ts", 'import { operatorForTeam } from "@/lib/server/access/operator";\nimport { renderReport } from "@/lib/server/report/render";', "allowed"],
  ["a colocated test imports the shared fixtures", "lib/domain/report/x.test.ts", 'import { FIXED_REPORT } from "@/tests/fixtures/report";', "allowed"],
  ["routes import anything below them", "app/(app)/x/page.tsx", 'import { listMembers } from "@/lib/server/services/members";\nimport { MemberList } from "@/components/team/member-list";', "allowed"],
];

describe("layer rule", { timeout: 60_000 }, () => {
  it.each(cases)("%s", async (_name, filePath, code, verdict) => {
    const problems = await layerProblems(filePath, code);
    if (verdict === "allowed") expect(problems).toEqual([]);
    else expect(problems).toEqual([expect.stringMatching(/docs\/adr\/0019-layers\.md|from the root/)]);
  });

  it("names both folders in its message", async () => {
    const [problem] = await layerProblems("lib/server/services/x.ts", 'import { currentActor } from "@/lib/server/access/current-actor";');
    expect(problem).toContain("lib/server/services may not import lib/server/access");
  });
});
