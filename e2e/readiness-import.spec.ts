// A lead arrives with a readiness document: uploads it, previews what will be
// created with its warnings linked to source lines, imports it, then merges
// an update into the same project.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ADMIN, signIn, snapshot, itemRow } from "./support";

test("a lead uploads a gap analysis, previews it with its warnings, imports it, and merges an update", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Import a document" }).click();
  await expect(page.getByRole("heading", { name: "Import a readiness document" })).toBeVisible();

  // A document without a checklist gets a clear answer.
  await page.getByLabel("Or paste it here").fill("# Notes\n\nJust prose, no checklist.");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText(/^No checklist found/)).toBeVisible();

  await page.getByLabel("Upload a Markdown file").setInputFiles(path.join(__dirname, "../lib/import/fixtures/gap-analysis.md"));
  await expect(page.getByLabel("Or paste it here")).toHaveValue(/The Launch Gap/);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByText("13 new items, 0 updated, 0 unchanged")).toBeVisible();
  await expect(preview.getByTestId("import-item")).toHaveCount(13);
  await expect(page.getByLabel("Project name")).toHaveValue("The Launch Gap");
  const warnings = page.getByRole("status", { name: "Warnings" });
  await expect(warnings).toContainText("3 warnings");
  await expect(warnings).toContainText("Status “maybe later” of “Queue retries” is not recognised");
  await warnings.getByRole("link").first().click();
  await expect(page).toHaveURL(/#source-L\d+$/);
  await snapshot(page, "30-import-preview");

  await page.getByRole("button", { name: "Import 13 items" }).click();
  await expect(page.getByRole("heading", { name: "The Launch Gap" })).toBeVisible();
  await expect(page.getByTestId("item-row")).toHaveCount(13);
  await expect(itemRow(page, "reliability.load-shedding")).toHaveAttribute("data-standing", "NOT_APPLICABLE");
  // The document gave most rows no priority: nobody has weighed them, so the
  // project says so and claims no level for them.
  await expect(page.getByTestId("needs-triage")).toContainText("10 items need triage");
  await expect(page.getByTestId("readiness-level")).toHaveText("Not launch ready");
  await expect(page.getByTestId("unestimated-items")).toContainText("open items not estimated");
  await snapshot(page, "31-imported-project");
  const projectUrl = page.url().replace(/\?.*$/, "");

  // A week later: the restore drill is done, with a run as evidence.
  await page.goto(`${projectUrl}/settings`);
  await page.getByRole("link", { name: "Import a document into this project" }).click();
  await page.getByLabel("Or paste it here").fill("## Reliability\n\n| Need | State | Evidence |\n|---|---|---|\n| Restore drill | ✅ Done | https://ci.example.com/acme/shop/pipelines/981 |\n");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-preview").getByText("0 new items, 1 updated, 0 unchanged")).toBeVisible();
  await expect(page.getByTestId("import-item")).toContainText("○ Missing → ● Done");
  await page.getByRole("button", { name: "Import 1 item" }).click();
  await expect(itemRow(page, "reliability.restore-drill")).toHaveAttribute("data-standing", "DONE");
  await expect(page.getByTestId("item-row")).toHaveCount(13);

  // The checklist as code: exported as YAML, then kept as a team template.
  await page.goto(`${projectUrl}/settings`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export as YAML (checklist as code)" }).click()]);
  expect(download.suggestedFilename()).toBe("the-launch-gap-checklist.yaml");
  const yaml = readFileSync((await download.path()) as string, "utf8");
  expect(yaml.startsWith("schema: shipshape.checklist/v1\nname: The Launch Gap\n")).toBe(true);
  expect(yaml).toContain("key: reliability.restore-drill");

  await page.goto("/templates");
  await page.getByLabel("Or paste it here").fill(yaml.replace("status: FINISHED", "").replace(/^name: .*$/m, "name: Launch gap template"));
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByText("Saved “launch-gap-template”, version 1.")).toBeVisible();
  await page.getByRole("link", { name: "Create a project" }).click();
  await expect(page.getByRole("heading", { name: "New project" })).toBeVisible();
  await page.getByLabel("Checklist", { exact: true }).selectOption("launch-gap-template");
  await expect(page.getByText("5 categories · 13 items")).toBeVisible();
  await page.getByLabel("Project name").fill("Second launch");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: "Second launch" })).toBeVisible();
  await expect(page.getByTestId("item-row")).toHaveCount(13);
});
