// `npm run bench`: times the readiness read paths on a scratch database and
// counts their SQL statements, runs 1,000 scheduled checks for three minutes
// (scripts/lib/check-load.mts), then loads the production server over HTTP
// (autocannon) to compare the REST API and the signed-in project page with
// the liveness endpoint (scripts/lib/page-bench.mts for the page). Numbers
// are printed, never asserted: timings depend on the machine; the statement
// budgets are asserted in the integration tests.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { createScratchDatabase, prepareDatabase } from "./lib/database.mjs";
import { loadOverHttp } from "./lib/http-load.mts";

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 40);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

// Signs the sessions of the bench's person and is handed to the server.
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");

const server = process.env.DATABASE_URL;
if (!server) throw new Error("Run through `npm run bench` (it provides DATABASE_URL).");
const scratch = await createScratchDatabase(server, "shipshape_bench");
await prepareDatabase(scratch.url);
process.env.DATABASE_URL = scratch.url;

// BENCH_ONLY=page: the signed-in project page alone, against /api/health
// (scripts/lib/page-bench.mts), in a few minutes.
if (process.env.BENCH_ONLY === "page") {
  try {
    const { seedPageProjects } = await import("./lib/page-bench.mts");
    const page = await seedPageProjects();
    await (await import("@/lib/server/kernel/db")).db.$disconnect();
    await loadOverHttp({ databaseUrl: scratch.url, page });
  } finally {
    await scratch.drop();
  }
  process.exit(0);
}

// BENCH_ONLY=checks: the scheduled checks alone (three minutes of real time).
if (process.env.BENCH_ONLY === "checks") {
  try {
    await (await import("./lib/check-load.mts")).benchScheduledChecks();
  } finally {
    await scratch.drop();
  }
  process.exit(0);
}

try {
  const { db, sqlStatementCount } = await import("@/lib/server/kernel/db");
  const { createProject } = await import("@/lib/server/services/projects");
  const { updateItem } = await import("@/lib/server/services/items");
  const { addEvidence } = await import("@/lib/server/services/evidence");
  const { loadProjectPage } = await import("@/lib/server/read-models/project-page");
  const { loadPortfolio } = await import("@/lib/server/read-models/portfolio");
  const { portfolioQuery } = await import("@/lib/schemas/project");

  const team = await db.team.create({ data: { name: "Bench", slug: "bench" } });
  const user = await db.user.create({ data: { name: "Bench Lead", email: "bench@example.com" } });
  await db.membership.create({ data: { teamId: team.id, userId: user.id, role: "ADMIN" } });
  const actor = { kind: "user" as const, userId: user.id, name: user.name, email: user.email, teamId: team.id, role: "ADMIN" as const, timeZone: team.timeZone };
  const everything = ["environments", "testing", "security", "ci-cd", "infrastructure", "database", "backup", "monitoring", "operations", "performance", "documentation", "compliance", "mobile"];

  const seedStarted = performance.now();
  const projectIds: string[] = [];
  for (let n = 0; n < PROJECTS; n += 1) {
    const { projectId } = await createProject(actor, { name: `Project ${n}`, source: "catalogue", categories: everything });
    projectIds.push(projectId);
    const items = await db.item.findMany({ where: { projectId }, select: { id: true, priority: true }, take: 30 });
    for (const [i, item] of items.entries()) {
      if (item.priority === "CRITICAL") await addEvidence(actor, { itemId: item.id, kind: "PULL_REQUEST", target: `https://example.com/pr/${i}` });
      await updateItem(actor, { itemId: item.id, version: 1, changes: { status: i % 3 === 0 ? "PARTIAL" : "DONE" } });
    }
  }
  const itemCount = await db.item.count({ where: { teamId: team.id } });
  console.log(`Seeded ${PROJECTS} projects, ${itemCount} items in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s\n`);

  async function measure(name: string, work: () => Promise<unknown>) {
    await work(); // warm-up
    const times: number[] = [];
    let statements = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const before = sqlStatementCount();
      const started = performance.now();
      await work();
      times.push(performance.now() - started);
      statements = sqlStatementCount() - before;
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
    console.log(`${name.padEnd(44)} median ${p(0.5).padStart(7)} ms   p95 ${p(0.95).padStart(7)} ms   ${statements} SQL statements`);
  }

  await measure(`project page (${itemCount / PROJECTS} items)`, () => loadProjectPage(actor, projectIds[0]));
  await measure(`portfolio (${PROJECTS} projects, ${itemCount} items)`, () => loadPortfolio(actor, portfolioQuery.parse({})));

  // The API's project read, for an 80-item project, in-process first (its
  // statements through Prisma; the two rate-limit upserts go through the
  // shared pg pool and are not counted here), then over HTTP.
  const { createApiToken } = await import("@/lib/server/services/api-tokens");
  const route = await import("@/app/api/v1/projects/[projectId]/route");
  const { projectId: apiProjectId } = await createProject(actor, { name: "API bench", source: "catalogue", categories: everything });
  const extra = await db.item.findMany({ where: { projectId: apiProjectId }, orderBy: { id: "asc" }, skip: 80, select: { id: true } });
  await db.item.deleteMany({ where: { id: { in: extra.map((item) => item.id) } } });
  for (const item of await db.item.findMany({ where: { projectId: apiProjectId }, take: 40, select: { id: true } })) {
    await addEvidence(actor, { itemId: item.id, kind: "CI_RUN", target: `https://ci.example.com/runs/${item.id}` });
    await updateItem(actor, { itemId: item.id, version: 1, changes: { status: "DONE" } });
  }
  const { secret } = await createApiToken(actor, { name: "Bench", scope: "read" });
  const apiPath = `/api/v1/projects/${apiProjectId}`;
  process.env.API_RATE_LIMIT_PER_TOKEN = process.env.API_RATE_LIMIT_PER_IP = "100000000";
  await measure("API project read handler (80 items)", () =>
    route.GET(new Request(`http://localhost${apiPath}`, { headers: { authorization: `Bearer ${secret}` } }), { params: Promise.resolve({ projectId: apiProjectId }) }),
  );
  // Exports of a 500-item project: the report read plus each renderer.
  const { loadProjectReport } = await import("@/lib/server/read-models/project-report");
  const { renderReport } = await import("@/lib/server/report/render");
  const { projectId: bigProjectId } = await createProject(actor, { name: "Big launch", source: "catalogue", categories: everything });
  const bigCategories = await db.category.findMany({ where: { projectId: bigProjectId }, select: { id: true } });
  const have = await db.item.count({ where: { projectId: bigProjectId } });
  await db.item.createMany({
    data: Array.from({ length: 500 - have }, (_, n) => ({
      teamId: team.id,
      projectId: bigProjectId,
      categoryId: bigCategories[n % bigCategories.length].id,
      key: `extra.item-${n}`,
      title: `Extra readiness item ${n}`,
      priority: (["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const)[n % 4],
      status: (["MISSING", "PARTIAL", "DONE"] as const)[n % 3],
      effortHours: 2,
      position: 1000 + n,
    })),
  });
  // A milestone, then changes since it, so the exports carry a comparison.
  const { createMilestone } = await import("@/lib/server/services/milestones");
  await createMilestone(actor, { projectId: bigProjectId, name: "Beta review" });
  await db.item.updateMany({ where: { projectId: bigProjectId, status: "MISSING", priority: { not: "CRITICAL" } }, data: { status: "PARTIAL" } });
  for (const format of ["md", "csv", "json", "pdf"] as const) {
    await measure(`export ${format} (500 items)`, async () => renderReport(await loadProjectReport(actor, bigProjectId), format));
  }
  const { loadProjectHistory } = await import("@/lib/server/read-models/project-history");
  await measure("history page (500 items)", () => loadProjectHistory(actor, bigProjectId));
  const { loadPortfolioReport } = await import("@/lib/server/read-models/portfolio-report");
  const { renderPortfolio } = await import("@/lib/server/report/render");
  for (const format of ["md", "pdf"] as const) {
    await measure(`portfolio export ${format} (${PROJECTS + 2} projects)`, async () => renderPortfolio(await loadPortfolioReport(actor), format));
  }
  // A 500-item project whose categories and items are named in eight
  // scripts: its PDF draws from the CJK, Arabic, Hebrew and emoji fallback
  // fonts and orders right-to-left text.
  const scripts = ["支付服务", "決済サービス", "결제 서비스", "خدمة الدفع (v2)", "שירות תשלומים 2", "Платёжный сервис", "Υπηρεσία πληρωμών", "🚀 Launch"];
  const { projectId: scriptsProjectId } = await createProject(actor, { name: "多语言 launch", source: "catalogue", categories: everything });
  const scriptsCategories = await db.category.findMany({ where: { projectId: scriptsProjectId }, orderBy: { position: "asc" }, select: { id: true } });
  for (const [c, category] of scriptsCategories.entries()) await db.category.update({ where: { id: category.id }, data: { name: `${scripts[c % scripts.length]} ${c + 1}` } });
  await db.item.deleteMany({ where: { projectId: scriptsProjectId } });
  await db.item.createMany({
    data: Array.from({ length: 500 }, (_, n) => ({
      teamId: team.id,
      projectId: scriptsProjectId,
      categoryId: scriptsCategories[n % scriptsCategories.length].id,
      key: `scripts.item-${n}`,
      title: `${scripts[n % scripts.length]} ${n}`,
      priority: (["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const)[n % 4],
      status: (["MISSING", "PARTIAL", "DONE"] as const)[n % 3],
      effortHours: 2,
      position: n,
    })),
  });
  await measure("export pdf, names in 8 scripts (500 items)", async () => renderReport(await loadProjectReport(actor, scriptsProjectId), "pdf"));

  // Import of a 1,000-item Markdown document into a new project: one
  // transaction, one activity record.
  const { importChecklist } = await import("@/lib/server/services/import");
  const thousand = Array.from({ length: 10 }, (_, c) => [
    `## Area ${c + 1}`,
    "| Item | Priority | Status | Effort | Evidence |",
    "|---|---|---|---|---|",
    ...Array.from({ length: 100 }, (_, i) => `| Check ${c + 1}.${i + 1} | ${["High", "Medium", "Low"][i % 3]} | ${["✅ Done", "🚧 Partial", "❌ Missing"][i % 3]} | ${(i % 8) + 1} hours | [run](https://ci.example.com/runs/${c}-${i}) |`),
    "",
  ].join("\n")).join("\n");
  let imports = 0;
  await measure("import 1,000 Markdown items (new project)", async () => importChecklist(actor, { text: thousand, name: `Imported ${++imports}` }));

  // Reading a document, no database: 1 MB of Markdown-ish lines, long runs of
  // spaces and markup among them, against a quarter of it (the ratio should
  // be about 4: reading is linear). The importer's promise: under 2 s per MB.
  const { readDocument } = await import("@/lib/import/read-document");
  const LINES = ["## Area", "- [ ] Secrets rotated (`ops/rotate.sh`)", "- [x] 500 concurrent users sustained", "| Item | Status | Effort |", "|---|---|---|", "| Backups ✅ verified | Done | 2 days |", "```", `├─ [ ] Image signed${" ".repeat(800)}x`, `  Packaging${" ".repeat(800)}x`, "```", "Phase 2 : Acceptance (0/12)", "CafÃ© âœ… Done “CAFÉ”", `- [ ] a${" ".repeat(400)}(b)${" ".repeat(400)}c`, "**Status:** ⚠️ Partial", "plain prose line"];
  const markdownOf = (bytes: number) => {
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < bytes; i += 1) {
      const line = LINES[(i * 7) % LINES.length];
      lines.push(line);
      size += Buffer.byteLength(line) + 1;
    }
    return lines.join("\n");
  };
  const readTime = (text: string) => {
    const times = Array.from({ length: 3 }, () => {
      const started = performance.now();
      readDocument(text);
      return performance.now() - started;
    }).sort((a, b) => a - b);
    return times[1];
  };
  const [quarter, whole] = [readTime(markdownOf(250_000)), readTime(markdownOf(1_000_000))];
  console.log(`${"read 1 MB of Markdown (no database)".padEnd(44)} median ${whole.toFixed(1).padStart(7)} ms   ×${(whole / quarter).toFixed(1)} the time of 250 kB`);

  // The mixed load: the lead signs in through the built-in auth (a password
  // on their account, then sign-in, whose cookie the page renders send), a
  // write token updates the seeded projects' items. The project page's own
  // figures use a team of their own (96 and 1,000 items, half of them worked).
  const { seedPageProjects, signInCookie } = await import("./lib/page-bench.mts");
  const sessionCookie = await signInCookie(user);
  const page = await seedPageProjects();
  const { secret: writeToken } = await createApiToken(actor, { name: "Bench writes", scope: "write" });
  const items = await db.item.findMany({ where: { projectId: { in: projectIds }, status: { in: ["MISSING", "PARTIAL", "DONE"] } }, select: { projectId: true, key: true, version: true, status: true } });

  // The scheduled checks: 1,000 HTTP checks due every minute for three minutes.
  await (await import("./lib/check-load.mts")).benchScheduledChecks();
  await db.$disconnect();

  await loadOverHttp({ databaseUrl: scratch.url, api: { token: secret, apiPath }, page, mixed: { pagePath: `/projects/${projectIds[0]}`, sessionCookie, items, writeToken } });
} finally {
  await scratch.drop();
}
