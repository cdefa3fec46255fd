// The status report of the project the readiness journey built: on screen,
// on paper, and as Markdown, CSV and JSON files with the dashboard's numbers.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { ADMIN, signIn, snapshot, readinessPercent } from "./support";

test("a stakeholder reads the report and downloads it as Markdown, CSV and JSON", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Checkout API" }).first().click();
  await expect(page.getByRole("heading", { name: "Checkout API" })).toBeVisible();
  const dashboardPercent = await readinessPercent(page).innerText();

  await page.getByRole("link", { name: "Report" }).click();
  await expect(page.getByTestId("project-report")).toBeVisible();
  await expect(page.getByTestId("report-percent")).toHaveText(dashboardPercent);
  await expect(page.getByRole("heading", { name: "Launch blockers" })).toBeVisible();
  await expect(page.getByTestId("report-matrix").getByRole("row")).toHaveCount(1 + 2);
  await snapshot(page, "24-report");

  // Laid out for paper: no app chrome, no download bar.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("link", { name: "Markdown" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Project" })).toBeHidden();
  await snapshot(page, "25-report-print");
  await page.emulateMedia({ media: "screen" });

  const download = async (label: string) => {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: label, exact: true }).click()]);
    return { name: file.suggestedFilename(), text: readFileSync((await file.path()) as string, "utf8") };
  };
  const markdown = await download("Markdown");
  expect(markdown.name).toMatch(/^checkout-api-readiness-\d{4}-\d{2}-\d{2}\.md$/);
  expect(markdown.text).toContain("# Checkout API — production readiness");
  expect(markdown.text).toContain(`**Readiness:** ${dashboardPercent}`);
  expect(markdown.text).toContain("## Readiness matrix");

  const csv = await download("CSV");
  expect(csv.text.charCodeAt(0)).toBe(0xfeff);
  expect(csv.text.split("\r\n")[0]).toBe("\uFEFFproject,category,key,title,priority,status,standing,owner,due_date,overdue,effort_hours,not_applicable_reason,evidence_count,evidence,waiver,waiver_expires,time_zone");

  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "PDF", exact: true }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect(readFileSync((await pdf.path()) as string).subarray(0, 5).toString()).toBe("%PDF-");

  const json = JSON.parse((await download("JSON")).text);
  expect(json.schema).toBe("shipshape.report/v1");
  expect(`${json.summary.readinessPercent}%`).toBe(dashboardPercent);
  expect(JSON.stringify(json)).not.toContain("@example.com");
});

test("a lead shares the report with someone without an account, with a badge, then revokes it", async ({ page, browser }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Checkout API" }).first().click();
  await expect(page.getByRole("heading", { name: "Checkout API" })).toBeVisible();
  await page.getByRole("link", { name: "Report" }).click();
  await expect(page.getByTestId("project-report")).toBeVisible();
  const percent = await page.getByTestId("report-percent").innerText();

  await page.getByLabel("Expires in (days)").fill("30");
  await page.getByRole("button", { name: "Create share link" }).click();
  const url = await page.getByTestId("share-link-url").inputValue();
  expect(url).toMatch(/\/share\/shs_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("share-badge-markdown")).toHaveValue(`![Readiness](${url}/badge.svg)`);
  await expect(page.getByRole("list", { name: "Share links" }).getByRole("listitem").first()).toHaveAttribute("data-share-state", "active");

  // A stakeholder without an account.
  const outsider = await browser.newContext();
  const shared = await outsider.newPage();
  await shared.goto(url);
  await expect(shared.getByRole("heading", { name: "Checkout API" })).toBeVisible();
  await expect(shared.getByTestId("report-percent")).toHaveText(percent);
  expect(await shared.content()).not.toContain("@example.com");
  await expect(shared.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await snapshot(shared, "26-shared-report");
  const badge = await shared.request.get(`${url}/badge.svg`);
  expect(badge.status()).toBe(200);
  expect(badge.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
  expect(await badge.text()).toContain(`readiness: ${percent}`);

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: /^Revoke share link/ }).first().click();
  await expect(page.getByRole("list", { name: "Share links" }).getByRole("listitem").first()).toHaveAttribute("data-share-state", "revoked");
  const gone = await shared.goto(url);
  expect(gone?.status()).toBe(404);
  await outsider.close();
});
