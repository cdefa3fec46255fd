import { createServer, type Server } from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, VIEWER, createCatalogueProject, invitePerson, itemRow, signIn, snapshot, type Person } from "./support";

// Automated checks in the browser (after onboarding.spec.ts, which creates
// the admin and the viewer; files run in name order): a lead adds an HTTP check to an item
// through the form, against a server this spec starts on loopback (the e2e
// server allows 127.0.0.0/8, scripts/e2e-server.mjs) and whose answer it
// sets; re-checks make the item Done, then, after two failures in a row,
// Missing; the Checks tab shows the results; a viewer sees state only.
test.describe.configure({ mode: "serial" });

const LEAD: Person = { name: "Lena Lead", email: "lena.checks@example.com", password: "lena passphrase 2026", role: "LEAD" };
const WATCHER: Person = { name: "Walt Watcher", email: "walt.checks@example.com", password: "walt passphrase 2026", role: "VIEWER" };
const LAPTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const ITEM = { key: "monitoring.uptime", title: "External uptime monitoring" };

let answer = 200;
let target: Server;
let healthUrl: string;
let lead: Page;
let viewer: Page;
let projectUrl: string;
let itemUrl: string;

test.beforeAll(async ({ browser }) => {
  target = createServer((request, response) => {
    response.writeHead(request.url === "/health" ? answer : 404, { "content-type": "text/plain" });
    response.end(answer < 400 ? "ok" : "down");
  }).listen(0, "127.0.0.1");
  await once(target, "listening");
  healthUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/health`;

  const context = await browser.newContext({ viewport: LAPTOP });
  const admin = await context.newPage();
  await signIn(admin, ADMIN.email, ADMIN.password);
  await expect(admin.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  projectUrl = await createCatalogueProject(admin, "Status page", ["Monitoring"]);
  lead = await invitePerson(admin, browser, LEAD, LAPTOP);
  viewer = await invitePerson(admin, browser, WATCHER, LAPTOP);
  await context.close();
});

test.afterAll(async () => {
  target?.closeAllConnections();
  await new Promise((resolve) => target?.close(resolve));
});

const checkSection = (page: Page) => page.getByTestId("item-check");
const stateLine = (page: Page) => page.getByTestId("check-state-line");

test("the Checks tab explains checks before there are any", async () => {
  await lead.goto(projectUrl);
  await lead.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Checks" }).click();
  await expect(lead.getByTestId("checks-empty")).toContainText("A check verifies an item for you");
  await expect(lead.getByRole("link", { name: "Add a check" })).toBeVisible();
  await expect(lead.getByRole("link", { name: "Set up checks" })).toHaveAttribute("href", /\/checks\/set-up$/);
});

test("a lead adds an HTTP check through the form; a bad address is a field error", async () => {
  await lead.goto(projectUrl);
  await itemRow(lead, ITEM.key).getByRole("link", { name: ITEM.title }).click();
  await expect(lead.getByRole("heading", { name: ITEM.title })).toBeVisible();
  itemUrl = lead.url();
  await expect(lead.getByText("No automated checks.")).toBeVisible();

  await lead.getByRole("button", { name: "Add a check" }).click();
  const form = lead.getByRole("form", { name: "Add a check" });
  await expect(form.getByLabel("Kind of check")).toHaveValue("http");
  await form.getByLabel("Address").fill("health endpoint");
  await form.getByRole("button", { name: "Add check" }).click();
  await expect(form.getByText("Enter a full http:// or https:// address.")).toBeVisible();
  await expect(form.getByLabel("Address")).toHaveValue("health endpoint");
  await expect(form.getByLabel("Address")).toHaveAttribute("aria-invalid", "true");
  await snapshot(lead, "checks-01-field-error");

  // Another kind shows its own fields.
  await form.getByLabel("Kind of check").selectOption("tls");
  await expect(form.getByLabel("Host")).toBeVisible();
  await expect(form.getByLabel("Address")).toHaveCount(0);
  await form.getByLabel("Kind of check").selectOption("http");

  await form.getByLabel("Address").fill(healthUrl);
  await form.getByLabel("Every (minutes)").fill("30");
  await form.getByRole("button", { name: "Add check" }).click();
  await expect(lead.getByText("Check added.")).toBeVisible();
  await expect(checkSection(lead)).toHaveCount(1);
  await expect(checkSection(lead)).toHaveAttribute("data-state", "PENDING");
  await expect(stateLine(lead)).toHaveText("Not evaluated yet");
  await expect(checkSection(lead)).toContainText("Runs every 30 min; the item becomes Missing after 2 failures in a row.");
});

test("the add form works from the keyboard, and another kind's fields start afresh", async () => {
  await lead.goto(itemUrl);
  const open = lead.getByRole("button", { name: "Add a check" });
  await open.focus();
  await lead.keyboard.press("Enter");
  const form = lead.getByRole("form", { name: "Add a check" });
  // Opened, the form takes the focus: its first field.
  await expect(form.getByLabel("Kind of check")).toBeFocused();
  await lead.keyboard.press("Tab");
  await expect(form.getByLabel("Address")).toBeFocused();
  await lead.keyboard.type("javascript:alert(1)");
  await lead.keyboard.press("Enter");
  await expect(form.getByText("Enter a full http:// or https:// address.")).toBeVisible();
  await expect(form.getByLabel("Address")).toBeFocused();

  // The security headers check has an Address too: it starts empty, without the HTTP check's error.
  await form.getByLabel("Kind of check").selectOption("headers");
  await expect(form.getByLabel("Address")).toHaveValue("");
  await expect(form.getByLabel("Address")).not.toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Enter a full http:// or https:// address.")).toHaveCount(0);

  // Cancelled, the focus goes back to the button that opened it.
  await form.getByRole("button", { name: "Cancel" }).press("Enter");
  await expect(form).toHaveCount(0);
  await expect(open).toBeFocused();
  await expect(checkSection(lead)).toHaveCount(1);
});

test("Re-check now verifies the item: Done, with the result's details", async () => {
  await lead.goto(itemUrl);
  await lead.getByRole("button", { name: `Re-check ${healthUrl} now` }).click();
  await expect(stateLine(lead)).toContainText(/^Verified (just now|1 min ago) — 200 from /);
  await expect(checkSection(lead)).toHaveAttribute("data-state", "PASSING");
  await expect(itemRow(lead, ITEM.key)).toHaveAttribute("data-standing", "DONE");
  const latest = checkSection(lead).getByRole("list", { name: "Latest results", exact: true }).getByRole("listitem").first();
  await expect(latest.getByText("Status", { exact: true })).toBeVisible();
  await expect(latest.getByText("Latency", { exact: true })).toBeVisible();

  await lead.goto(projectUrl);
  await expect(itemRow(lead, ITEM.key)).toHaveAttribute("data-standing", "DONE");
});

test("when the endpoint answers 503 twice in a row, the check fails and the item falls", async () => {
  answer = 503;
  await lead.goto(itemUrl);
  const recheck = lead.getByRole("button", { name: `Re-check ${healthUrl} now` });
  await recheck.click();
  // One failure is not enough: the item stays Done.
  await expect(stateLine(lead)).toContainText("(1 of 2 failures before it fails)");
  await expect(itemRow(lead, ITEM.key)).toHaveAttribute("data-standing", "DONE");

  await recheck.click();
  await expect(stateLine(lead)).toContainText(/^Failing since \d\d:\d\d \S+ — 503 from http:\/\/127\.0\.0\.1:\d+\/health in \d+ ms: expected 200–399$/);
  await expect(checkSection(lead)).toHaveAttribute("data-state", "FAILING");
  await expect(itemRow(lead, ITEM.key)).toHaveAttribute("data-standing", "MISSING");
  await expect(checkSection(lead).getByTestId("result-dots").getByRole("listitem")).toHaveCount(3);
  await snapshot(lead, "checks-02-item-failing");

  await lead.goto(projectUrl);
  await expect(itemRow(lead, ITEM.key)).toHaveAttribute("data-standing", "MISSING");
});

test("an approved waiver decides the item while its check fails, and says so", async ({ browser }) => {
  await lead.goto(itemUrl);
  await lead.getByLabel("Why is the risk acceptable?").fill("The vendor's status page covers the beta.");
  await lead.getByLabel("Waiver expires on").fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
  await lead.getByRole("button", { name: "Request waiver" }).click();
  await expect(lead.getByText("Awaiting decision")).toBeVisible();

  const context = await browser.newContext({ viewport: LAPTOP });
  const admin = await context.newPage();
  await signIn(admin, ADMIN.email, ADMIN.password);
  await expect(admin.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  await admin.goto(itemUrl);
  await admin.getByRole("button", { name: "Approve waiver" }).click();
  await expect(admin.getByText("Approved", { exact: true })).toBeVisible();
  await context.close();

  await lead.reload();
  await expect(itemRow(lead, ITEM.key)).toHaveAttribute("data-standing", "WAIVED");
  await expect(lead.getByTestId("check-waived")).toHaveText("Waived — the check is failing, the waiver decides.");
  await lead.goto(`${projectUrl}/checks`);
  await expect(lead.getByTestId("check-row")).toContainText("Waived — the waiver decides");

  await lead.goto(itemUrl);
  await lead.getByRole("button", { name: "End waiver now" }).click();
  await expect(itemRow(lead, ITEM.key)).toHaveAttribute("data-standing", "MISSING");
  await expect(lead.getByTestId("check-waived")).toHaveCount(0);
});

test("the Checks tab lists the check with its state and both kinds of result in its history", async () => {
  await lead.goto(`${projectUrl}/checks`);
  const row = lead.getByTestId("check-row");
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute("data-state", "FAILING");
  await expect(row.getByRole("link", { name: ITEM.title })).toHaveAttribute("href", itemUrl.replace(/^https?:\/\/[^/]+/, ""));
  await expect(row).toContainText(ITEM.key);
  await expect(row).toContainText("HTTP endpoint");
  await expect(row).toContainText(healthUrl);
  await expect(row.getByText(/^since \d\d:\d\d/)).toBeVisible();
  const dots = row.getByTestId("result-dots").getByRole("listitem");
  await expect(dots).toHaveCount(3);
  await expect(dots.first()).toHaveAttribute("data-passed", "true");
  await expect(dots.last()).toHaveAttribute("data-passed", "false");
  await expect(dots.first()).toHaveAttribute("title", /passed — 200 from/);
  await expect(dots.last()).toHaveAttribute("title", /failed — 503 from/);
  await expect(lead.getByText("1 check: 0 passing, 1 failing, 0 not evaluated yet.")).toBeVisible();
  mkdirSync("docs/screenshots", { recursive: true });
  await lead.screenshot({ path: "docs/screenshots/checks-tab.png", fullPage: true });

  // The server recovers: re-checking the whole project makes the item Done again.
  answer = 200;
  await lead.getByRole("button", { name: "Re-check all checks now" }).click();
  await expect(lead.getByText("1 check run: 1 passed, 0 failed.")).toBeVisible();
  await expect(row).toHaveAttribute("data-state", "PASSING");
  await expect(row.getByTestId("result-dots").getByRole("listitem")).toHaveCount(4);
});

test("on a phone the Checks tab and the item's checks fit the width", async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE });
  const phone = await context.newPage();
  await signIn(phone, LEAD.email, LEAD.password);
  await expect(phone.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  for (const [url, name] of [
    [`${projectUrl}/checks`, "checks-03-tab-phone"],
    [itemUrl, "checks-04-item-phone"],
  ] as const) {
    await phone.goto(url);
    await expect(phone.getByRole("button", { name: /Re-check/ }).first()).toBeVisible();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${url} scrolls sideways`).toBeLessThanOrEqual(0);
    await snapshot(phone, name);
  }
  await phone.getByTestId("item-check").screenshot({ path: "test-results/screenshots/checks-05-item-check-phone.png" });
  await context.close();
});

test("an engineer may re-check but not add or remove; a viewer sees the state only", async ({ browser }) => {
  // Vic joined as a viewer and is an engineer since onboarding.spec.ts.
  const context = await browser.newContext({ viewport: LAPTOP });
  const engineer = await context.newPage();
  await signIn(engineer, "vic@example.com", VIEWER.password);
  await expect(engineer.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  await engineer.goto(itemUrl);
  await expect(stateLine(engineer)).toContainText(/^Verified/);
  await expect(engineer.getByRole("button", { name: `Re-check ${healthUrl} now` })).toBeVisible();
  await expect(engineer.getByRole("button", { name: /Remove check/ })).toHaveCount(0);
  await expect(engineer.getByRole("button", { name: "Add a check" })).toHaveCount(0);
  await context.close();

  await viewer.goto(itemUrl);
  await expect(stateLine(viewer)).toContainText(/^Verified/);
  await expect(checkSection(viewer).getByRole("list", { name: "Latest results", exact: true })).toBeVisible();
  await expect(viewer.getByRole("button", { name: /Re-check/ })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /Remove check/ })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Add a check" })).toHaveCount(0);
  await viewer.goto(`${projectUrl}/checks`);
  await expect(viewer.getByTestId("check-row")).toHaveAttribute("data-state", "PASSING");
  await expect(viewer.getByRole("button", { name: /Re-check/ })).toHaveCount(0);
  await expect(viewer.getByRole("link", { name: "Set up checks" })).toHaveCount(0);
});

test("the lead removes the check after confirming; the item keeps its status", async () => {
  await lead.goto(itemUrl);
  await lead.getByRole("button", { name: `Remove check ${healthUrl}` }).click();
  const dialog = lead.getByRole("dialog", { name: `Remove the check of ${healthUrl}?` });
  await expect(dialog).toContainText("The item keeps its status");
  await dialog.getByRole("button", { name: "Remove check" }).click();
  await expect(dialog).toBeHidden();
  await expect(lead.getByText("No automated checks.")).toBeVisible();
  await expect(itemRow(lead, ITEM.key)).toHaveAttribute("data-standing", "DONE");
});
