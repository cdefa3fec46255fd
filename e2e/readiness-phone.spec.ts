// What a lead asks first and what an engineer plans, on a laptop; and the
// report, the shared report and the portfolio on a 390 px phone, without
// sideways scrolling even for a name and a URL that never break by themselves.
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { ADMIN, invitePerson, signIn, snapshot, type Person } from "./support";

test.describe.configure({ mode: "serial" });

const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const ENGINEER: Person = { name: "Pia Planner", email: "pia@example.com", password: "pia passphrase 2026", role: "ENGINEER" };

// 120 characters (the longest name a project may have) and 200 (an item title's), neither with a place to break.
const LONG_NAME = `Phone${"Q".repeat(115)}`;
const LONG_TITLE = `Unbroken${"W".repeat(192)}`;
const LONG_URL = `https://status.example.com/${"really-long-path-segment".repeat(8)}?with=${"q".repeat(80)}`;

let admin: Page;
let engineer: Page;
let api: APIRequestContext;
let token: string;
let projectId: string;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const TARGET = day(40);

async function openContext(browser: Browser, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, baseURL: new URL(admin.url()).origin });
  return context.newPage();
}

// The page never scrolls sideways and no element (within `scope`) is wider than the viewport.
async function expectNoSidewaysScroll(page: Page, scope = "body", { wholePage = true } = {}) {
  const { scrollWidth, clientWidth, tooWide } = await page.evaluate((scope) => {
    const root = document.documentElement;
    const tooWide = [...document.querySelectorAll(`${scope}, ${scope} *`)]
      .filter((element) => element.getBoundingClientRect().width > root.clientWidth + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}.${String(element.className).slice(0, 60)}`)
      .slice(0, 5);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, tooWide };
  }, scope);
  expect(tooWide).toEqual([]);
  if (wholePage) expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

async function patchItem(key: string, changes: Record<string, unknown>) {
  const path = `/api/v1/projects/${projectId}/items/${key}`;
  const current = await (await api.get(path, { headers: { authorization: `Bearer ${token}` } })).json();
  const answer = await api.patch(path, { headers: { authorization: `Bearer ${token}` }, data: { ...changes, version: current.version } });
  expect(answer.status(), await answer.text()).toBe(200);
  return answer.json();
}

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ viewport: LAPTOP });
  admin = await context.newPage();
  await signIn(admin, ADMIN.email, ADMIN.password);
  await expect(admin.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  engineer = await invitePerson(admin, browser, ENGINEER, LAPTOP);
  api = admin.request;

  await admin.goto("/settings");
  await admin.getByLabel("Token name").fill("Phone layout set-up");
  await admin.getByLabel("Scope").selectOption("write");
  await admin.getByRole("button", { name: "Create token" }).click();
  token = await admin.getByTestId("api-token-secret").inputValue();

  const created = await api.post("/api/v1/projects", {
    headers: { authorization: `Bearer ${token}` },
    data: { name: LONG_NAME, description: `Status page: ${LONG_URL}`, productionUrl: LONG_URL, targetDate: TARGET, categories: ["security", "testing", "database", "backup"] },
  });
  expect(created.status(), await created.text()).toBe(201);
  projectId = (await created.json()).id;

  // A blocker owned by the engineer and overdue, one due this week, one
  // unassigned; a high item due this week; evidence with a long URL.
  await patchItem("security.authentication", { ownerEmail: ENGINEER.email, dueDate: day(-2) });
  await patchItem("security.secrets", { dueDate: day(3) });
  await patchItem("testing.unit", { ownerEmail: ENGINEER.email, dueDate: day(1), effortHours: 6 });
  await patchItem("testing.load", { ownerEmail: ENGINEER.email });
  const evidence = await api.post(`/api/v1/projects/${projectId}/items/security.headers/evidence`, {
    headers: { authorization: `Bearer ${token}` },
    data: { url: LONG_URL, kind: "LINK" },
  });
  expect(evidence.status(), await evidence.text()).toBe(201);

  // A critical item with a 200-character title that never breaks.
  await admin.goto(`/projects/${projectId}`);
  await admin.getByRole("button", { name: "+ Add item to Security" }).click();
  const form = admin.getByRole("form", { name: "Add item to Security" });
  await form.getByLabel("Title").fill(LONG_TITLE);
  await form.getByLabel("Priority").selectOption("CRITICAL");
  await form.getByLabel("Key (optional)").fill("security.long-title");
  await form.getByRole("button", { name: "Add item" }).click();
  await expect(admin.getByRole("link", { name: LONG_TITLE }).first()).toBeVisible();

  // The engineer asks for a waiver on an item of theirs.
  const load = await (await api.get(`/api/v1/projects/${projectId}/items/testing.load`, { headers: { authorization: `Bearer ${token}` } })).json();
  await engineer.goto(new URL(load.webUrl).pathname);
  await engineer.getByLabel("Why is the risk acceptable?").fill("Traffic stays tiny until the spring campaign");
  await engineer.getByLabel("Waiver expires on").fill(day(60));
  await engineer.getByRole("button", { name: "Request waiver" }).click();
  await expect(engineer.getByText("Awaiting decision")).toBeVisible();
});

test("a lead sees the launch blockers with their owners, the waiver waiting for a decision and what is due this week", async () => {
  await admin.goto(`/projects/${projectId}`);
  const blockers = admin.getByTestId("overview-blockers");
  const first = blockers.getByRole("listitem").first();
  await expect(first).toContainText("Proven authentication");
  await expect(first).toContainText(ENGINEER.name);
  await expect(first.getByText(/^Overdue since/)).toHaveClass(/text-red-600/);
  await expect(blockers.getByRole("listitem").filter({ hasText: "Secrets kept out of code" }).getByText("Unassigned")).toBeVisible();
  await expect(blockers.getByRole("link", { name: /^and \d+ more in the checklist$/ })).toHaveAttribute("href", `/projects/${projectId}?priority=CRITICAL&open=1#items`);

  const waivers = admin.getByTestId("overview-waivers");
  await expect(waivers.getByRole("listitem")).toHaveCount(1);
  await expect(waivers).toContainText(`Requested by ${ENGINEER.name}`);
  await expect(waivers).toContainText("Traffic stays tiny until the spring campaign");

  const due = admin.getByTestId("overview-due");
  await expect(due.getByRole("link", { name: "Unit tests for core logic" })).toBeVisible();
  await expect(due).toContainText("Secrets kept out of code");
  await expect(due).not.toContainText("Proven authentication");
  await admin.getByTestId("project-overview").screenshot({ path: "docs/screenshots/overview.png" });

  // The lead's own list of decisions has the engineer's request.
  await admin.getByRole("link", { name: "My work" }).click();
  await expect(admin.getByTestId("my-work-decisions")).toContainText("Traffic stays tiny until the spring campaign");
});

test("an engineer's My work groups what is assigned to them, on a laptop and on a phone", async ({ browser }) => {
  await engineer.goto("/my-work");
  await expect(engineer.getByTestId("my-work-overdue")).toContainText("Proven authentication");
  await expect(engineer.getByTestId("my-work-due-this-week")).toContainText("Unit tests for core logic");
  await expect(engineer.getByTestId("my-work-no-due-date")).toContainText("Load test of the expected peak");
  await expect(engineer.getByTestId("my-work-overdue")).toContainText(LONG_NAME);
  // Engineers decide no waiver.
  await expect(engineer.getByTestId("my-work-decisions")).toHaveCount(0);
  await engineer.screenshot({ path: "docs/screenshots/my-work.png", fullPage: true });

  const phone = await openContext(browser, PHONE);
  await signIn(phone, ENGINEER.email, ENGINEER.password);
  await expect(phone.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  await expectNoSidewaysScroll(phone);
  await phone.getByRole("link", { name: "My work" }).click();
  await expect(phone.getByTestId("my-work-overdue")).toContainText("Proven authentication");
  await expectNoSidewaysScroll(phone);
  await snapshot(phone, "my-work-phone");
  await phone.context().close();
});

test("on a phone the report, the shared report and the portfolio fit the screen and show readiness, level, blockers and target", async ({ browser }) => {
  const phone = await openContext(browser, PHONE);
  await signIn(phone, ADMIN.email, ADMIN.password);
  await expect(phone.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  await expectNoSidewaysScroll(phone);

  // The project page and its overview (the readiness matrix scrolls within its own frame).
  await phone.goto(`/projects/${projectId}`);
  await expect(phone.getByTestId("overview-blockers")).toBeVisible();
  await expectNoSidewaysScroll(phone, '[data-testid="project-overview"]', { wholePage: false });
  await snapshot(phone, "project-phone");

  // The report.
  await phone.goto(`/projects/${projectId}/report`);
  const report = phone.getByTestId("project-report");
  await expect(report.getByTestId("report-percent")).toBeVisible();
  await expect(report.getByTestId("report-level")).not.toBeEmpty();
  await expect(report.getByTestId("report-blockers")).toHaveText(/^\d+$/);
  await expect(report.getByTestId("report-target")).not.toHaveText("—");
  await expect(report.getByText(LONG_TITLE).first()).toBeVisible();
  await expectNoSidewaysScroll(phone);
  await report.evaluate((element) => element.scrollIntoView());
  await phone.screenshot({ path: "docs/screenshots/report-phone.png" });
  const percent = await report.getByTestId("report-percent").innerText();
  const blockers = await report.getByTestId("report-blockers").innerText();

  // The shared report, for someone without an account.
  await phone.getByRole("button", { name: "Create share link" }).click();
  const url = await phone.getByTestId("share-link-url").inputValue();
  await expectNoSidewaysScroll(phone);
  const outsider = await browser.newContext({ viewport: PHONE });
  const shared = await outsider.newPage();
  await shared.goto(url);
  await expect(shared.getByRole("heading", { name: LONG_NAME })).toBeVisible();
  await expect(shared.getByTestId("report-percent")).toHaveText(percent);
  await expect(shared.getByTestId("report-blockers")).toHaveText(blockers);
  await expect(shared.getByTestId("report-level")).toBeVisible();
  await expect(shared.getByTestId("report-target")).not.toHaveText("—");
  await expectNoSidewaysScroll(shared);
  await outsider.close();

  // The portfolio: one card per project.
  await phone.goto("/");
  const card = phone.getByTestId("portfolio-card").filter({ hasText: LONG_NAME });
  await expect(card.getByTestId("portfolio-card-percent")).toHaveText(percent);
  await expect(card.getByTestId("portfolio-card-level")).toBeVisible();
  await expect(card.getByTestId("portfolio-card-blockers")).toHaveText(blockers);
  await expect(card.getByTestId("portfolio-card-target")).not.toHaveText("—");
  await expect(phone.getByTestId("portfolio")).toBeHidden();
  await expectNoSidewaysScroll(phone);
  await phone.screenshot({ path: "docs/screenshots/portfolio-phone.png" });
  await phone.context().close();
});
