import { expect, test, type Page } from "@playwright/test";
import { ADMIN, checklistReady, createCatalogueProject, itemCell, itemRow, openChecklist, signIn } from "./support";

// A lead works through a category with the keyboard alone: into the list with
// Tab, along it with j/k and the arrows, each field changed by its shortcut;
// focus stays where it was after every save, and the changes hold on reload.
// Then search, folding, order, the page's size, and the bulk bar.
test.describe.configure({ mode: "serial" });

const LAPTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let page: Page;
let projectUrl: string;

// Where focus is: the row's key and, on a field, which one.
const focus = (p: Page) =>
  p.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    const row = active?.closest<HTMLElement>('[data-testid="item-row"]');
    return { key: row?.dataset.itemKey ?? null, cell: active?.dataset.cell ?? (active === row ? "row" : active?.tagName ?? null) };
  });
// A server action's answer (its POST to the page): a save has landed.
const saved = (p: Page) => p.waitForResponse((response) => response.request().method() === "POST" && response.request().headers()["next-action"] !== undefined);
const rowKeys = (p: Page) => p.getByTestId("item-row").evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.itemKey));

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  page = await (await browser.newContext({ viewport: LAPTOP })).newPage();
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  projectUrl = await createCatalogueProject(page, "Keyboard triage", ["Testing"]);
});

test("Tab reaches the list as one stop, and the skip link goes straight to it", async () => {
  await openChecklist(page, projectUrl);
  let presses = 0;
  while ((await focus(page)).cell !== "row" && presses < 60) {
    await page.keyboard.press("Tab");
    presses += 1;
  }
  console.log(`Tab presses to the first item: ${presses}`);
  const first = (await rowKeys(page))[0];
  expect(await focus(page)).toEqual({ key: first, cell: "row" });
  // One stop: the next Tab goes through this row's fields, not to the next row.
  await page.keyboard.press("Tab");
  expect((await focus(page)).key).toBe(first);

  await openChecklist(page, projectUrl);
  await page.getByRole("link", { name: "Skip to checklist" }).focus();
  await expect(page.getByRole("link", { name: "Skip to checklist" })).toBeVisible();
  await page.keyboard.press("Enter");
  expect(await focus(page)).toEqual({ key: first, cell: "row" });
});

test("keyboard-only triage: status, owner and due date, focus never lost, all kept on reload", async () => {
  await openChecklist(page, projectUrl);
  const keys = await rowKeys(page);
  await page.getByRole("link", { name: "Skip to checklist" }).focus();
  await page.keyboard.press("Enter");
  expect((await focus(page)).key).toBe(keys[0]);
  await page.keyboard.press("j");
  expect((await focus(page)).key).toBe(keys[1]);
  await page.keyboard.press("ArrowDown");
  expect((await focus(page)).key).toBe(keys[2]);
  await page.keyboard.press("k");
  await page.keyboard.press("ArrowUp");
  expect((await focus(page)).key).toBe(keys[0]);
  await page.keyboard.press("j");
  const key = keys[1] as string;
  const row = itemRow(page, key);
  const title = (await row.getByRole("link").first().innerText()).trim();

  // s: status. The arrow only moves the choice; Enter saves it.
  await page.keyboard.press("s");
  await expect(page.getByRole("combobox", { name: `Status of ${title}` })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  let landed = saved(page);
  await page.keyboard.press("Enter");
  await expect(itemCell(row, "Status")).toContainText("Partial");
  expect(await focus(page)).toEqual({ key, cell: "status" });
  await landed;
  await expect(row).toHaveAttribute("data-standing", "PARTIAL");
  expect(await focus(page)).toEqual({ key, cell: "status" });

  // Tab and Shift-Tab go through the row's fields.
  await page.keyboard.press("Tab");
  expect(await focus(page)).toEqual({ key, cell: "priority" });
  await page.keyboard.press("Shift+Tab");
  expect(await focus(page)).toEqual({ key, cell: "status" });

  // o: owner. The first person after "Unassigned".
  await page.keyboard.press("o");
  await expect(page.getByRole("combobox", { name: `Owner of ${title}` })).toBeFocused();
  const owner = (await page.getByRole("combobox", { name: `Owner of ${title}` }).locator("option").nth(1).innerText()).trim();
  await page.keyboard.press("ArrowDown");
  landed = saved(page);
  await page.keyboard.press("Enter");
  await expect(itemCell(row, "Owner")).toHaveText(owner);
  expect(await focus(page)).toEqual({ key, cell: "ownerId" });
  await landed;
  expect(await focus(page)).toEqual({ key, cell: "ownerId" });

  // d: due date, typed; Enter saves.
  await page.keyboard.press("d");
  const due = page.getByLabel(`Due date of ${title}`, { exact: true });
  await expect(due).toBeFocused();
  await due.fill("2027-01-15");
  landed = saved(page);
  await page.keyboard.press("Enter");
  await expect(itemCell(row, "Due date")).toHaveText("15 Jan 2027");
  expect(await focus(page)).toEqual({ key, cell: "dueDate" });
  await landed;
  expect(await focus(page)).toEqual({ key, cell: "dueDate" });

  // e, then Escape: nothing saved, focus back on the field.
  await page.keyboard.press("e");
  await page.keyboard.type("7");
  await page.keyboard.press("Escape");
  expect(await focus(page)).toEqual({ key, cell: "effortHours" });
  const effortBefore = await itemCell(row, "Effort in hours").innerText();
  expect(effortBefore).not.toBe("7 h");

  // Every save landed: reload, and everything held.
  await expect(page.getByText("Not saved")).toHaveCount(0);
  await page.reload();
  await checklistReady(page);
  await expect(itemCell(row, "Status")).toContainText("Partial");
  await expect(itemCell(row, "Owner")).toHaveText(owner);
  await expect(itemCell(row, "Due date")).toHaveText("15 Jan 2027");
  await expect(itemCell(row, "Effort in hours")).toHaveText(effortBefore);
});

test("? lists the shortcuts; / focuses the search, which filters as you type and keeps the URL", async () => {
  await openChecklist(page, projectUrl);
  await page.getByTestId("item-row").first().focus();
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Change status");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  const all = await page.getByTestId("item-row").count();
  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: "Search items" })).toBeFocused();
  await page.keyboard.type("unit");
  await page.waitForURL(/[?&]q=unit/);
  await expect(page.getByTestId("item-row")).not.toHaveCount(all);
  await expect(itemRow(page, "testing.unit")).toBeVisible();
  // Typing in the search is typing: no shortcut fired.
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.reload();
  await checklistReady(page);
  await expect(page.getByRole("searchbox", { name: "Search items" })).toHaveValue("unit");
  await expect(page.getByTestId("item-row")).not.toHaveCount(all);
});

test("a folded category stays folded on reload, still counting its items", async () => {
  await openChecklist(page, projectUrl);
  const toggle = page.getByRole("button", { name: /^Testing/ });
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const count = await page.getByTestId("item-row").count();
  await Promise.all([saved(page), toggle.click()]);
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByTestId("item-row")).toHaveCount(0);
  await page.reload();
  await checklistReady(page);
  await expect(page.getByRole("button", { name: /^Testing/ })).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByTestId("item-row")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Testing/ })).toContainText(`${count} items · `);
  await Promise.all([saved(page), page.getByRole("button", { name: /^Testing/ }).click()]);
  await expect(page.getByTestId("item-row")).toHaveCount(count);
});

test("sorting by priority puts critical first and keeps it in the URL", async () => {
  await openChecklist(page, projectUrl);
  await page.getByLabel("Sort items by").selectOption("priority");
  await page.waitForURL(/[?&]sort=priority/);
  const rank = ["Critical", "High", "Medium", "Low", "Needs triage"];
  await expect(async () => {
    const priorities = await page.getByTestId("item-row").evaluateAll((rows) =>
      rows.map((row) => row.querySelector('[data-cell="priority"]')?.textContent ?? ""),
    );
    const ranks = priorities.map((p) => rank.indexOf(p));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBeGreaterThan(1);
  }).toPass();
});

test("the whole catalogue stays light: DOM size, and how it looks on a laptop and a phone", async () => {
  test.setTimeout(90_000);
  const url = await createCatalogueProject(page, "Whole catalogue", ["Environments", "Testing", "Security", "CI/CD", "Infrastructure", "Database", "Backup", "Monitoring", "Operations", "Performance", "Documentation", "Compliance"]);
  await openChecklist(page, url);
  const rows = await page.getByTestId("item-row").count();
  const elements = await page.evaluate(() => document.querySelectorAll("*").length);
  console.log(`Project page with ${rows} items: ${elements} DOM elements`);
  expect(rows).toBeGreaterThanOrEqual(90);
  expect(elements).toBeLessThanOrEqual(1500);
  // The checklist in view, its current item focused as after the skip link.
  await page.getByRole("link", { name: "Skip to checklist" }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("j");
  await page.evaluate(() => document.getElementById("items")?.scrollIntoView());
  await page.screenshot({ path: "docs/screenshots/checklist-laptop.png" });
  await page.locator("#items").screenshot({ path: "test-results/screenshots/checklist-laptop-list.png" });

  const phone = await (await page.context().browser()!.newContext({ viewport: PHONE, storageState: await page.context().storageState() })).newPage();
  await phone.goto(`${url}#items`);
  await expect(phone.getByTestId("item-row").first()).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await phone.locator("#items").scrollIntoViewIfNeeded();
  await phone.screenshot({ path: "docs/screenshots/checklist-phone.png" });
  await phone.context().close();
});

test("bulk N/A of a category with one reason, then what changed and what was left", async () => {
  await openChecklist(page, projectUrl);
  const count = await page.getByTestId("item-row").count();
  await page.getByRole("checkbox", { name: "Select all in Testing" }).check();
  const bar = page.getByRole("region", { name: "Change selected items" });
  await expect(bar).toContainText(`${count} selected`);
  await bar.getByRole("combobox", { name: "Change", exact: true }).selectOption("notApplicable");
  await bar.getByLabel("Why these items do not apply").fill("Internal tool, no automated tests planned this quarter.");
  await bar.getByRole("button", { name: `Apply to ${count} items` }).click();
  const outcome = page.getByTestId("bulk-outcome");
  await expect(outcome).toContainText(/^Updated \d+ items?/);
  const standings = await page.getByTestId("item-row").evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.standing));
  const refused = await outcome.getByRole("listitem").count();
  expect(standings.filter((s) => s === "NOT_APPLICABLE").length).toBe(count - refused);
  await page.reload();
  await checklistReady(page);
  await expect(page.locator('[data-testid="item-row"][data-standing="NOT_APPLICABLE"]')).toHaveCount(count - refused);
});
