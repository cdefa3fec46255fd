import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { startServer, type RunningServer, scratchDatabase, type ScratchDatabase } from "./servers";
import { completeSetup, createCatalogueProject, snapshot } from "./support";

// "Set up checks" in one step: a catalogue project without URLs is told which
// to set; once they are set, the suggested checks are listed by category, all
// ticked, and the lead adds the ones they keep. Nothing is run, so nothing
// leaves the machine. A server and database of its own, set up here, so the
// spec does not depend on the order specs run in.

let server: RunningServer;
let database: ScratchDatabase;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  database = await scratchDatabase();
  // Beside the suite's server, on the next port: a known one, not any free one.
  const port = Number(process.env.E2E_PORT || 3100) + 1;
  server = await startServer(port, { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString("base64url"), APP_URL: `http://localhost:${port}` });
});

test.afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

test("a lead sets up the suggested checks of a catalogue project in one step", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.base });
  const page = await context.newPage();
  await completeSetup(page);
  const projectUrl = await createCatalogueProject(page, "Storefront", ["Security", "CI/CD", "Infrastructure", "Backup"]);

  await page.goto(`${projectUrl}/checks/set-up`);
  await expect(page.getByRole("heading", { name: "Set up checks" })).toBeVisible();
  const missing = page.getByTestId("missing-urls");
  await expect(missing).toContainText("Set the project's production URL");
  await expect(missing).toContainText("Set the project's repository URL");
  // The backup reports need no URL: offered already.
  await expect(page.getByRole("checkbox", { name: "The backup job reports a result at least weekly" })).toBeChecked();

  await missing.getByRole("link", { name: "Set the production URL in the project settings" }).click();
  await page.getByLabel("Production URL").fill("https://shop.example.com/");
  await page.getByLabel("Repository URL").fill("https://github.com/acme/storefront");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Project saved.")).toBeVisible();

  await page.goto(`${projectUrl}/checks/set-up`);
  await expect(page.getByTestId("missing-urls")).toHaveCount(0);
  await expect(page.locator("dd", { hasText: "https://github.com/acme/storefront" })).toBeVisible();
  for (const category of ["Security", "CI/CD", "Infrastructure", "Backup & Disaster Recovery"]) {
    await expect(page.getByRole("heading", { name: category, exact: true })).toBeVisible();
  }
  const proposals = page.getByTestId("check-proposal");
  const offered = await proposals.count();
  expect(offered).toBeGreaterThanOrEqual(10);
  await expect(page.getByRole("button", { name: `Add ${offered} checks` })).toBeEnabled();

  // Keep the liveness check on /healthz, and leave the readiness endpoint out.
  const liveness = page.locator('[data-proposal-id="infrastructure.health-checks:0"]');
  await liveness.getByRole("combobox").selectOption({ label: "https://shop.example.com/healthz" });
  await page.getByRole("checkbox", { name: "Readiness endpoint answers" }).uncheck();
  await expect(page.getByRole("button", { name: `Add ${offered - 1} checks` })).toBeVisible();
  await snapshot(page, "40-set-up-checks");

  await page.getByRole("button", { name: `Add ${offered - 1} checks` }).click();
  await page.waitForURL(new RegExp(`/checks\\?added=${offered - 1}$`));

  // Back on the page: what was added is set up, the readiness endpoint still offered.
  await page.goto(`${projectUrl}/checks/set-up`);
  await expect(page.getByText("Already set up", { exact: true })).toHaveCount(offered - 1);
  await expect(page.getByRole("checkbox", { name: "Readiness endpoint answers" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Readiness endpoint answers" })).toBeEnabled();
  await expect(liveness).toContainText("https://shop.example.com/healthz");
  await expect(page.getByRole("button", { name: "Add 1 check" })).toBeEnabled();
  await snapshot(page, "41-set-up-checks-after");

  await page.goto(`${projectUrl}/activity`);
  await expect(page.getByText(`set up ${offered - 1} suggested checks`)).toBeVisible();
  await context.close();
});
