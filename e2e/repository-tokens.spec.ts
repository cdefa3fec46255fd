// An admin stores a read token for repository checks on the team settings
// page: the page shows its host, user name and last four characters, never
// the token, and the token can be replaced and removed.
import { expect, test } from "@playwright/test";
import { ADMIN, signIn, snapshot } from "./support";

const TOKEN = "ghp_e2eReadOnlyToken0123456789abcd";

test("an admin stores, replaces and removes a read token for a git host", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  await page.goto("/settings");
  const tokens = page.getByRole("list", { name: "Read tokens for repository checks" });
  const form = page.getByRole("form", { name: "Store a read token" });

  // A bad host is a field error, and the token typed is not kept in the form.
  await form.getByLabel("Git host").fill("ssh://git@github.com/acme/app.git");
  await form.getByLabel("Read token").fill(TOKEN);
  await form.getByRole("button", { name: "Store token" }).click();
  await expect(form.getByText("Enter only the git host, such as github.com or git.example.com:8443.")).toBeVisible();
  await expect(form.getByLabel("Read token")).toHaveValue("");

  await form.getByLabel("Git host").fill("https://GitHub.com/acme/app.git");
  await form.getByLabel("Read token").fill(TOKEN);
  await form.getByRole("button", { name: "Store token" }).click();
  await expect(form.getByRole("status")).toHaveText("Stored the read token for github.com.");
  const row = tokens.getByRole("listitem").filter({ hasText: "github.com" });
  await expect(row).toContainText("x-access-token:…abcd");
  await expect(row).toContainText(`by ${ADMIN.name}`);
  await expect(page.locator("body")).not.toContainText(TOKEN);
  expect(await page.content()).not.toContain(TOKEN);
  await snapshot(page, "60-repository-token-stored");

  // Storing again for the host replaces it.
  await form.getByLabel("Git host").fill("github.com");
  await form.getByLabel("User name").fill("ci-bot");
  await form.getByLabel("Read token").fill(`${TOKEN.slice(0, -4)}wxyz`);
  await form.getByRole("button", { name: "Store token" }).click();
  await expect(tokens.getByRole("listitem")).toHaveCount(1);
  await expect(row).toContainText("ci-bot:…wxyz");

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Remove read token for github.com" }).click();
  await expect(page.getByText("No read tokens yet: repository checks clone without one.")).toBeVisible();
});
