// Automation from end to end: an admin creates an API token in the app, a
// script creates a project through the REST API, a CI step runs
// `shipshape evidence add … --status DONE`, and the dashboard shows the item
// done with the run as evidence, recorded as the token. Revoking the token
// stops it at once.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { ADMIN, signIn, snapshot, itemRow, readinessPercent } from "./support";

const run = promisify(execFile);
const CI_RUN = "https://ci.example.com/acme/billing/actions/runs/9001";

test("a CI pipeline marks an item done through the API and the CLI", async ({ page, request, baseURL }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();

  // An admin creates a write token; the secret is shown once.
  await page.goto("/settings");
  await expect(page.getByTestId("team-slug")).toHaveText("launch-crew");
  await page.getByLabel("Token name").fill("GitHub Actions");
  await page.getByLabel("Scope").selectOption("write");
  await page.getByLabel("Expires in (days)").fill("90");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = await page.getByTestId("api-token-secret").inputValue();
  expect(secret).toMatch(/^shp_[A-Za-z0-9_-]{43}$/);
  const tokens = page.getByRole("list", { name: "API tokens" });
  await expect(tokens.getByRole("listitem").filter({ hasText: "GitHub Actions" })).toHaveAttribute("data-token-state", "active");
  await expect(tokens.getByText(secret.slice(0, 12))).toBeVisible();
  await expect(tokens).not.toContainText(secret.slice(12));
  await snapshot(page, "20-api-token-created");

  // A script creates a project from the catalogue.
  const auth = { authorization: `Bearer ${secret}` };
  const created = await request.post("/api/v1/projects", { headers: auth, data: { name: "Billing API", categories: ["Testing", "Security"], targetDate: "2027-05-01" } });
  expect(created.status()).toBe(201);
  const project = await created.json();
  expect(project.summary).toMatchObject({ readinessPercent: 0, level: 0 });

  // The CI step: evidence first, then the status, in one command.
  const cli = await run(
    process.execPath,
    ["scripts/shipshape.mjs", "evidence", "add", "--project", project.id, "--item", "testing.unit", "--url", CI_RUN, "--kind", "CI_RUN", "--status", "DONE", "--json"],
    { cwd: path.resolve(__dirname, ".."), env: { ...process.env, SHIPSHAPE_URL: baseURL, SHIPSHAPE_TOKEN: secret } },
  );
  const result = JSON.parse(cli.stdout);
  expect(result).toMatchObject({ created: true, evidence: { url: CI_RUN, kind: "CI_RUN" }, item: { key: "testing.unit", status: "DONE", version: 2 } });
  // Run again (a retried job): nothing is duplicated.
  const again = JSON.parse((await run(process.execPath, ["scripts/shipshape.mjs", "evidence", "add", "--project", project.id, "--item", "testing.unit", "--url", CI_RUN, "--status", "DONE", "--json"], { cwd: path.resolve(__dirname, ".."), env: { ...process.env, SHIPSHAPE_URL: baseURL, SHIPSHAPE_TOKEN: secret } })).stdout);
  expect(again).toMatchObject({ created: false, item: { status: "DONE", version: 2 } });

  // The dashboard shows it, scored by the same rules.
  await page.goto(`/projects/${project.id}`);
  await expect(page.getByRole("heading", { name: "Billing API" })).toBeVisible();
  await expect(itemRow(page, "testing.unit")).toHaveAttribute("data-standing", "DONE");
  const summary = await (await request.get(`/api/v1/projects/${project.id}`, { headers: auth })).json();
  expect(summary.summary.counts.DONE).toBe(1);
  expect(summary.summary.readinessPercent).toBeGreaterThan(0);
  await expect(readinessPercent(page)).toHaveText(`${summary.summary.readinessPercent}%`);

  await itemRow(page, "testing.unit").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: /ci\.example\.com/ })).toHaveAttribute("href", CI_RUN);
  await expect(page.getByText("API token “GitHub Actions”").first()).toBeVisible();
  await snapshot(page, "21-item-done-from-ci");

  // The reference page renders every endpoint from the OpenAPI document.
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  await expect(page.locator("section[id]").filter({ hasText: "/api/v1/projects/{projectId}/items/{key}" }).first()).toBeVisible();
  expect(await page.locator("section[id] h3 code").count()).toBeGreaterThanOrEqual(9);
  await snapshot(page, "22-api-reference");

  // Revoking takes effect on the next request.
  await page.goto("/settings");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Revoke token GitHub Actions" }).click();
  await expect(tokens.getByRole("listitem").filter({ hasText: "GitHub Actions" })).toHaveAttribute("data-token-state", "revoked");
  const refused = await request.get("/api/v1/projects", { headers: auth });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.message).toBe("This API token has been revoked.");
  await snapshot(page, "23-api-token-revoked");
});
