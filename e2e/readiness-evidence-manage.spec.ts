import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, signIn } from "./support";

// Evidence people can manage: a link typed without https:// is saved as one,
// evidence is edited in place, a removal asks first and can be undone, a
// repository path links to the file on the project's GitLab, and a refused
// submission keeps what was typed.
test.describe.configure({ mode: "serial" });

const LAPTOP = { width: 1366, height: 900 };
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let page: Page;
let itemUrl: string;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ viewport: LAPTOP });
  page = await context.newPage();
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  await page.goto("/projects/new");
  await page.getByLabel("Project name").fill("Ledger evidence");
  // Typed without a scheme: saved with https://.
  await page.getByLabel("Repository URL").fill("gitlab.com/acme/platform/ledger");
  for (const category of ["Environments", "Testing", "Security", "CI/CD", "Infrastructure", "Backup", "Monitoring", "Operations", "Performance", "Documentation", "Compliance"]) {
    await page.getByRole("checkbox", { name: new RegExp(`^${category.replace("/", "\\/")}`) }).uncheck();
  }
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: "Ledger evidence" })).toBeVisible();
  await page.getByRole("link", { name: "Versioned schema migrations" }).first().click();
  await expect(page.getByRole("heading", { name: "Versioned schema migrations" })).toBeVisible();
  itemUrl = page.url();
});

test.afterAll(async () => {
  await page.context().close();
});

const addForm = () => page.getByRole("form", { name: "Add evidence" });

test("a link typed without a scheme is saved as https", async () => {
  await addForm().getByLabel("Kind").selectOption("PULL_REQUEST");
  await addForm().getByLabel("URL or repository path").fill("github.com/acme/ledger/pull/7");
  await addForm().getByRole("button", { name: "Add evidence" }).click();
  const link = page.getByRole("list", { name: "Evidence" }).getByRole("link", { name: "github.com/acme/ledger/pull/7" });
  await expect(link).toHaveAttribute("href", "https://github.com/acme/ledger/pull/7");
});

test("a refused submission keeps every field as typed", async () => {
  await addForm().getByLabel("Kind").selectOption("LINK");
  await addForm().getByLabel("URL or repository path").fill("javascript:alert(1)");
  await addForm().getByLabel("Label (optional)").fill("Sneaky");
  await addForm().getByLabel("Re-verify by (optional)").fill(inDays(30));
  await addForm().getByRole("button", { name: "Add evidence" }).click();
  await expect(addForm().getByText("Enter a full http:// or https:// address.")).toBeVisible();
  await expect(addForm().getByLabel("Kind")).toHaveValue("LINK");
  await expect(addForm().getByLabel("URL or repository path")).toHaveValue("javascript:alert(1)");
  await expect(addForm().getByLabel("Label (optional)")).toHaveValue("Sneaky");
  await expect(addForm().getByLabel("Re-verify by (optional)")).toHaveValue(inDays(30));
  await expect(page.getByRole("link", { name: "Sneaky" })).toHaveCount(0);
});

test("evidence is edited in place: its label and re-verify date", async () => {
  await page.getByRole("button", { name: "Edit evidence github.com/acme/ledger/pull/7" }).click();
  const edit = page.getByRole("form", { name: "Edit evidence github.com/acme/ledger/pull/7" });
  await edit.getByLabel("Label").fill("Ledger migrations PR");
  await edit.getByLabel("Re-verify by (blank for never)").fill(inDays(20));
  await edit.getByRole("button", { name: "Save evidence" }).click();
  await expect(edit).toBeHidden();
  const list = page.getByRole("list", { name: "Evidence" });
  await expect(list.getByRole("link", { name: "Ledger migrations PR" })).toHaveAttribute("href", "https://github.com/acme/ledger/pull/7");
  await expect(list.getByText(/^Re-verify by/)).toBeVisible();
  await expect(page.getByText(/edited evidence “Ledger migrations PR”: set the label to “Ledger migrations PR”/)).toBeVisible();
});

test("a repository path links to the file on the project's GitLab", async () => {
  await addForm().getByLabel("Kind").selectOption("FILE_PATH");
  await addForm().getByLabel("URL or repository path").fill("./docs/runbook.md#L10");
  await addForm().getByLabel("Label (optional)").fill("Migration runbook");
  await addForm().getByRole("button", { name: "Add evidence" }).click();
  await expect(page.getByRole("link", { name: "Migration runbook" })).toHaveAttribute("href", "https://gitlab.com/acme/platform/ledger/-/blob/HEAD/docs/runbook.md#L10");
  mkdirSync("docs/screenshots", { recursive: true });
  await page.screenshot({ path: "docs/screenshots/evidence.png", fullPage: true });
});

test("a removal asks first, and Undo puts the evidence back for good", async () => {
  await page.getByRole("button", { name: "Remove evidence Ledger migrations PR" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove the evidence “Ledger migrations PR”?" });
  await dialog.getByRole("button", { name: "Remove evidence" }).click();
  await expect(dialog).toBeHidden();
  const status = page.getByRole("status").filter({ hasText: "Evidence removed." });
  await expect(status).toBeVisible();
  await expect(page.getByRole("link", { name: "Ledger migrations PR" })).toHaveCount(0);
  // The offer takes the focus the removed row's button had: Enter undoes.
  const undo = status.getByRole("button", { name: "Undo" });
  await expect(undo).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(status).toBeHidden();
  await page.goto(itemUrl);
  await expect(page.getByRole("link", { name: "Ledger migrations PR" })).toHaveAttribute("href", "https://github.com/acme/ledger/pull/7");
  await expect(page.getByText(/undid the removal of evidence “Ledger migrations PR”/)).toBeVisible();
});

test("the offer to undo lapses after a few seconds", async () => {
  await page.getByRole("button", { name: "Remove evidence Migration runbook" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove evidence" }).click();
  const status = page.getByRole("status").filter({ hasText: "Evidence removed." });
  await expect(status).toBeVisible();
  await expect(status).toBeHidden({ timeout: 12_000 });
  await page.goto(itemUrl);
  await expect(page.getByRole("link", { name: "Migration runbook" })).toHaveCount(0);
});
