import { expect, test } from "@playwright/test";
import { ADMIN, signIn, snapshot, readinessPercent } from "./support";

// A lead's (here: the admin's) structural work on a project: categories,
// custom items, moving an item, archive/restore, and deleting the project.
test.describe.configure({ mode: "serial" });

test("categories and custom items are managed from settings and the checklist", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  await page.goto("/projects/new");
  await page.getByLabel("Project name").fill("Internal Wiki");
  await page.getByRole("radio", { name: /Blank/ }).check();
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: "Internal Wiki" })).toBeVisible();
  await expect(readinessPercent(page)).toHaveText("0%");
  const projectUrl = page.url();

  await page.getByRole("link", { name: "Settings" }).last().click();
  for (const name of ["Security", "Docs"]) {
    await page.getByLabel("New category").fill(name);
    await page.getByRole("button", { name: "Add category" }).click();
    await expect(page.getByRole("textbox", { name: `Name of category ${name}` })).toBeVisible();
  }
  await page.getByRole("textbox", { name: "Name of category Docs" }).fill("Documentation");
  await page.getByRole("textbox", { name: "Name of category Docs" }).press("Enter");
  await expect(page.getByRole("textbox", { name: "Name of category Documentation" })).toBeVisible();
  await page.getByRole("button", { name: "Move Documentation up" }).click();
  await expect(page.getByRole("list", { name: "Categories" }).getByRole("textbox").first()).toHaveValue("Documentation");
  await snapshot(page, "20-project-settings");

  await page.goto(projectUrl);
  await page.getByRole("button", { name: "+ Add item to Security" }).click();
  await page.getByRole("form", { name: "Add item to Security" }).getByLabel("Title").fill("Single sign-on");
  await page.getByRole("form", { name: "Add item to Security" }).getByLabel("Priority").selectOption("CRITICAL");
  await page.getByRole("button", { name: "Add item", exact: true }).click();
  const item = page.locator('[data-item-key="security.single-sign-on"]');
  await expect(item).toBeVisible();
  await expect(page.getByText("1 critical item still to finish:")).toBeVisible();

  await item.getByRole("link", { name: "Single sign-on" }).click();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  await page.getByRole("combobox", { name: "Category", exact: true }).selectOption({ label: "Documentation" });
  await page.getByRole("button", { name: "Save item" }).click();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Documentation");
  await page.getByRole("button", { name: "Add notes" }).click();
  await page.getByLabel("Notes").fill("Use the **company IdP**.\n\n<script>alert(1)</script>");
  await page.getByRole("button", { name: "Save notes" }).click();
  await expect(page.locator("strong", { hasText: "company IdP" })).toBeVisible();
  await expect(page.locator(".prose-notes script")).toHaveCount(0);

  await page.goto(`${projectUrl}/settings`);
  await page.getByRole("button", { name: "Delete Security" }).click();
  await page.getByRole("button", { name: "Delete with 0 items" }).click();
  await expect(page.getByRole("textbox", { name: "Name of category Security" })).toHaveCount(0);

  await page.goto(`${projectUrl}/activity`);
  for (const text of ["added the category “Security”", "renamed the category “Docs” to “Documentation”", "moved the category", "added the item “Single sign-on”", "moved it to another category", "deleted the category “Security”"]) {
    await expect(page.getByText(text).first()).toBeVisible();
  }
  // A mangled link to older activity shows the newest entries, saying so.
  await page.goto(`${projectUrl}/activity?after=not-a-cursor`);
  await expect(page.getByRole("status")).toContainText("That link to older activity is not valid for this project");
  await expect(page.getByText("deleted the category “Security”").first()).toBeVisible();
});

test("a project is archived read-only, restored, then deleted by an admin after confirming", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Internal Wiki" }).click();
  await expect(page.getByRole("heading", { name: "Internal Wiki" })).toBeVisible();
  const projectUrl = page.url();
  await page.goto(`${projectUrl}/settings`);
  await page.getByRole("button", { name: "Archive project" }).click();
  await expect(page.getByRole("button", { name: "Restore project" })).toBeVisible();

  await page.goto(projectUrl);
  await expect(page.getByText("Archived — read only")).toBeVisible();
  // Read only: the rows show their fields as text, none opens an editor.
  await expect(page.getByTestId("item-row").first()).toBeVisible();
  await expect(page.getByRole("button", { name: /^Status of/ })).toHaveCount(0);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Internal Wiki" })).toHaveCount(0);
  await page.getByRole("link", { name: "Show them" }).click();
  await expect(page.getByRole("link", { name: "Internal Wiki" })).toBeVisible();

  await page.goto(`${projectUrl}/settings`);
  await page.getByRole("button", { name: "Restore project" }).click();
  await expect(page.getByRole("button", { name: "Archive project" })).toBeVisible();
  await page.getByLabel("Type “Internal Wiki” to confirm").fill("internal wiki");
  await page.getByRole("button", { name: "Delete project" }).click();
  await expect(page.getByText("Type the project name exactly to confirm.")).toBeVisible();
  await page.getByLabel("Type “Internal Wiki” to confirm").fill("Internal Wiki");
  await page.getByRole("button", { name: "Delete project" }).click();
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Internal Wiki" })).toHaveCount(0);
  expect((await page.goto(projectUrl))?.status()).toBe(404);
});
