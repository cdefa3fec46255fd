// History of the project the readiness journey built: the trend and
// burn-down, a milestone named by a lead, a change, the comparison on the
// history page and in the report, and the team's portfolio report.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, setItemField, signIn, snapshot, itemRow, readinessPercent } from "./support";

test.describe.configure({ mode: "serial" });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Checkout API" }).first().click();
  await expect(page.getByRole("heading", { name: "Checkout API" })).toBeVisible();
});

test("a lead sees the trend and burn-down, and names the current state as a milestone", async () => {
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: "Readiness over time" })).toBeVisible();
  // The journey so far took snapshots: the charts draw them.
  // Overall, Testing, and Database & Persistence.
  await expect(page.getByTestId("trend-chart").locator("path.recharts-line-curve")).toHaveCount(3);
  await expect(page.getByTestId("trend-chart").getByText("Database & Persistence")).toBeVisible();
  await expect(page.getByTestId("burn-down-chart").locator('path[name="Remaining effort"]')).toBeAttached();
  await expect(page.getByTestId("burn-down-chart").locator(".recharts-line-dot").first()).toBeVisible();
  await expect(page.getByTestId("history-forecast")).toContainText("left.");
  await expect(page.getByTestId("history-forecast")).toContainText("Not enough history for a forecast yet");

  await page.getByRole("button", { name: "Save milestone" }).click();
  await expect(page.getByText("Enter a name for this milestone.")).toBeVisible();
  await page.getByLabel("Name the current state").fill("Beta review");
  await page.getByRole("button", { name: "Save milestone" }).click();
  await expect(page.getByRole("list", { name: "Milestones" }).getByText("Beta review", { exact: true })).toBeVisible();
  await snapshot(page, "27-history");

  await page.getByLabel("Name the current state").fill("beta REVIEW");
  await page.getByRole("button", { name: "Save milestone" }).click();
  await expect(page.getByText("This project already has a milestone with this name.")).toBeVisible();
});

test("after a change, the comparison with the milestone shows it, on the history page and in the report", async () => {
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Overview" }).click();
  const coverage = itemRow(page, "testing.coverage");
  const before = await readinessPercent(page).innerText();
  await setItemField(coverage, "Status", "PARTIAL");
  await expect(coverage).toHaveAttribute("data-standing", "PARTIAL");
  // The row changes at once; the score follows when the server answers.
  await expect(readinessPercent(page)).not.toHaveText(before);
  const percent = await readinessPercent(page).innerText();

  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "History" }).click();
  await page.getByRole("link", { name: "Compare with now (Beta review)" }).click();
  const comparison = page.getByTestId("state-comparison");
  await expect(comparison).toContainText(`to Now`);
  await expect(comparison).toContainText(`→ ${percent}`);
  await expect(comparison.getByText("Status changes (1)")).toBeVisible();
  await expect(comparison).toContainText("testing.coverage");
  await expect(comparison).toContainText("○ Missing → ◐ Partial");
  await snapshot(page, "28-milestone-compare");

  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Report" }).click();
  await expect(page.getByRole("heading", { name: "Changes since milestone “Beta review”" })).toBeVisible();
  await expect(page.getByTestId("report-forecast")).toContainText("Forecast:");
  await snapshot(page, "29-report-changes");
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Markdown", exact: true }).click()]);
  const markdown = readFileSync((await file.path()) as string, "utf8");
  expect(markdown).toContain("## Changes since milestone “Beta review”");
  expect(markdown).toContain("- `testing.coverage` ");
  expect(markdown).toContain("○ Missing → ◐ Partial");
});

test("the team's portfolio report carries every active project with the dashboard's numbers", async () => {
  await page.goto("/");
  const portfolioPercent = await page.getByRole("row", { name: /Checkout API/ }).first().getByTestId("portfolio-percent").innerText();
  const downloads = page.getByRole("group", { name: "Portfolio report" });
  const download = async (label: string) => {
    const [file] = await Promise.all([page.waitForEvent("download"), downloads.getByRole("link", { name: label, exact: true }).click()]);
    return { name: file.suggestedFilename(), body: readFileSync((await file.path()) as string) };
  };
  const markdown = await download("Markdown");
  expect(markdown.name).toMatch(/^launch-crew-portfolio-\d{4}-\d{2}-\d{2}\.md$/);
  const text = markdown.body.toString("utf8");
  expect(text).toContain("# Launch Crew — portfolio readiness");
  expect(text).toMatch(new RegExp(`\\| Checkout API \\| ${portfolioPercent} \\|`));
  const csv = (await download("CSV")).body.toString("utf8");
  expect(csv.split("\r\n")[0]).toContain("project,project_id,readiness_percent");
  expect((await download("PDF")).body.subarray(0, 5).toString()).toBe("%PDF-");
});
