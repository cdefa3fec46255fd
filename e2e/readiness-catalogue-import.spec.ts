// A lead whose team kept its own shorthand checklist imports it into a
// project made from the built-in catalogue: the preview proposes the
// catalogue item each row means, with how sure it is, and the lead accepts
// most, refuses one, changes one and takes up a weaker suggestion before
// anything is written.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, createCatalogueProject, itemRow, signIn, snapshot } from "./support";

// A row's match picker, named after the row ("Match for “DB backups” (line 9)"), and the row holding it.
const picker = (page: Page, title: string) => page.getByRole("combobox", { name: `Match for “${title}”` });
const row = (page: Page, title: string) => page.getByTestId("import-item").filter({ has: picker(page, title) });

test("a lead merges the team's shorthand into a catalogue project, checking each match by meaning", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  const projectUrl = await createCatalogueProject(page, "Storefront launch", ["Environments", "Testing", "Security", "CI/CD", "Infrastructure", "Backup", "Monitoring", "Operations"]);

  await page.goto(`${projectUrl}/settings`);
  await page.getByRole("link", { name: "Import a document into this project" }).click();
  await page.getByLabel("Upload a Markdown file").setInputFiles(path.join(__dirname, "../lib/import/fixtures/team-shorthand.md"));
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByTestId("meaning-summary")).toContainText("matched by meaning");

  // Each proposal names the catalogue item and how sure it is.
  const backups = row(page, "DB backups");
  await expect(backups.getByRole("combobox")).toHaveValue(/.+/);
  await expect(backups.getByRole("combobox").locator("option:checked")).toHaveText("Automated backups");
  await expect(backups).toContainText(/by meaning · \d+ %/);
  await expect(backups).toHaveAttribute("data-action", "update");
  // Rows the catalogue does not hold become new items that need triage.
  await expect(row(page, "Launch party booked")).toHaveAttribute("data-action", "create");
  await expect(row(page, "Launch party booked").getByText("Needs triage")).toBeVisible();
  const before = Number((await page.getByRole("button", { name: /^Import \d+ items?$/ }).textContent())!.match(/\d+/)![0]);

  // Refuse one match: the row becomes a new item (previewed again at once),
  // and what it was offered stays in sight.
  const rateLimiting = row(page, "Rate limiting");
  await rateLimiting.getByRole("combobox").selectOption({ label: "New item" });
  await expect(rateLimiting).toHaveAttribute("data-action", "create");
  await expect(rateLimiting).toContainText("maybe “Rate limiting on sign-in and expensive endpoints”");
  // The document gave the row no priority: as a new item it needs triage.
  await expect(rateLimiting.getByText("Needs triage")).toBeVisible();
  // Change one: the Sentry row is about the staging environment in this team's eyes.
  const sentry = row(page, "Sentry wired up");
  await sentry.getByRole("combobox").selectOption({ label: "Staging or preview environment" });
  await expect(sentry).toContainText("your choice");
  // Take up a weaker suggestion the preview did not dare to accept.
  const rollback = row(page, "One-click rollback");
  await expect(rollback).toHaveAttribute("data-action", "create");
  await rollback.getByRole("button", { name: "use it" }).click();
  await expect(rollback.getByRole("combobox").locator("option:checked")).toHaveText("One-step rollback");
  await expect(rollback).toHaveAttribute("data-action", "update");
  await expect(rollback).toContainText("your choice");

  // Two rows on one item is flagged before anything is sent, and blocks the import.
  await row(page, "Restore drill").getByRole("combobox").selectOption({ label: "Automated backups" });
  await expect(row(page, "Restore drill")).toContainText(/Also chosen for row \d+/);
  await expect(page.getByRole("button", { name: /^Import \d+ items?$/ })).toBeDisabled();
  await row(page, "Restore drill").getByRole("combobox").selectOption({ label: "Restore rehearsed" });
  await expect(page.getByRole("button", { name: /^Import \d+ items?$/ })).toBeEnabled();
  await backups.scrollIntoViewIfNeeded();
  await snapshot(page, "32-import-matches-by-meaning");

  // Someone changes the project in another tab meanwhile: the import says so, writes nothing and keeps the preview.
  const other = await page.context().newPage();
  await other.goto(`${projectUrl}/settings`);
  await other.getByRole("link", { name: "Import a document into this project" }).click();
  await other.getByLabel("Or paste it here").fill("## Ops\n\n- [x] Status page live\n");
  await other.getByRole("button", { name: "Preview" }).click();
  await other.getByRole("button", { name: "Import 1 item" }).click();
  await expect(other.getByRole("heading", { name: "Storefront launch" })).toBeVisible();
  await other.close();
  await page.getByRole("button", { name: /^Import \d+ items?$/ }).click();
  await expect(page.getByText(/changed since the preview/)).toBeVisible();
  await expect(rateLimiting.getByRole("combobox")).toHaveValue("new");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(rateLimiting).toContainText("maybe “Rate limiting on sign-in and expensive endpoints”");

  // Each change turned a row that was going to be written into another that is: as many rows as before.
  await page.getByRole("button", { name: `Import ${before} items` }).click();
  await expect(page.getByRole("heading", { name: "Storefront launch" })).toBeVisible();
  await expect(itemRow(page, "environments.staging")).toHaveAttribute("data-standing", "DONE");
  await expect(itemRow(page, "monitoring.error-tracking")).toHaveAttribute("data-standing", "MISSING");
  await expect(itemRow(page, "security.rate-limiting")).toHaveAttribute("data-standing", "MISSING");
  await expect(itemRow(page, "ci-cd.rollback")).not.toHaveAttribute("data-standing", "MISSING");
  await expect(page.getByTestId("item-row").filter({ hasText: "Rate limiting" })).toHaveCount(2);
  await expect(page.getByTestId("needs-triage")).toBeVisible();
});
