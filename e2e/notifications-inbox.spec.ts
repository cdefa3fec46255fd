import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { startServer, type RunningServer, scratchDatabase, type ScratchDatabase } from "./servers";
import { completeSetup, createCatalogueProject, invitePerson, itemRow, snapshot, type Person } from "./support";

// Notifications in the app: an engineer asks for a waiver; the lead sees the
// bell's count, opens the inbox, follows the entry and approves the waiver;
// the engineer's bell then shows one unread, and the inbox the approval. A
// server and database of its own, set up here, so that the counts do not
// depend on what other specs did before.
test.describe.configure({ mode: "serial" });

const LEAD: Person = { name: "Nia Lead", email: "nia.inbox@example.com", password: "nia passphrase 2026", role: "LEAD" };
const ENGINEER: Person = { name: "Eli Engineer", email: "eli.inbox@example.com", password: "eli passphrase 2026", role: "ENGINEER" };
const LAPTOP = { width: 1366, height: 900 };

let server: RunningServer;
let database: ScratchDatabase;
let lead: Page;
let engineer: Page;
let projectUrl: string;

const bell = (page: Page) => page.getByTestId("notification-bell");

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  database = await scratchDatabase();
  // Beside the suite's server, on the next port: a known one, not any free one.
  const port = Number(process.env.E2E_PORT || 3100) + 1;
  server = await startServer(port, { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString("base64url"), APP_URL: `http://localhost:${port}` });
  const context = await browser.newContext({ baseURL: server.base, viewport: LAPTOP });
  const admin = await context.newPage();
  await completeSetup(admin);
  projectUrl = await createCatalogueProject(admin, "Notify service", ["Security"]);
  lead = await invitePerson(admin, browser, LEAD, LAPTOP);
  engineer = await invitePerson(admin, browser, ENGINEER, LAPTOP);
  await context.close();
});

test.afterAll(async () => {
  await lead?.context().close();
  await engineer?.context().close();
  await server?.stop();
  await database?.drop();
});

test("an engineer's waiver request reaches the lead's inbox, and the decision reaches the engineer's", async () => {
  await expect(bell(lead)).toHaveAccessibleName("Notifications, none unread");

  await engineer.goto(projectUrl);
  await itemRow(engineer, "security.authentication").getByRole("link", { name: "Proven authentication" }).click();
  await engineer.getByLabel("Why is the risk acceptable?").fill("Single sign-on arrives after the beta; the beta is invite-only");
  await engineer.getByLabel("Waiver expires on").fill("2027-06-30");
  await engineer.getByRole("button", { name: "Request waiver" }).click();
  await expect(engineer.getByText("Awaiting decision")).toBeVisible();

  await lead.goto("/");
  await expect(bell(lead)).toHaveAccessibleName("Notifications, 1 unread");
  await expect(bell(lead)).toHaveText("1");
  await bell(lead).click();
  await expect(lead.getByRole("heading", { name: "Inbox", exact: true })).toBeVisible();
  const group = lead.getByRole("region", { name: "Notify service" });
  const entry = group.getByTestId("inbox-entry").first();
  await expect(entry).toHaveAttribute("data-read", "false");
  await expect(entry.getByText("New", { exact: true })).toBeVisible();
  await expect(entry).toContainText("A waiver waits for your decision");
  const link = entry.getByRole("link", { name: "Eli Engineer asked for a waiver on “Proven authentication” in Notify service" });
  await expect(link).toBeVisible();
  await lead.setViewportSize({ width: 1100, height: 560 });
  await lead.screenshot({ path: "test-results/screenshots/inbox.png" });
  await lead.setViewportSize(LAPTOP);

  await link.click();
  await expect(lead.getByRole("heading", { name: "Proven authentication" })).toBeVisible();
  await lead.getByLabel("Decision note (optional)").fill("Fine while the beta is invite-only");
  await lead.getByRole("button", { name: "Approve waiver" }).click();
  await expect(lead.getByText("Approved", { exact: true })).toBeVisible();
  // Following the entry marked it read.
  await expect(async () => {
    await lead.goto("/inbox");
    await expect(bell(lead)).toHaveAccessibleName("Notifications, none unread");
  }).toPass();
  await expect(lead.getByTestId("inbox-entry").first()).toHaveAttribute("data-read", "true");

  await engineer.goto("/");
  await expect(bell(engineer)).toHaveAccessibleName("Notifications, 1 unread");
  await bell(engineer).click();
  const approval = engineer.getByTestId("inbox-entry").first();
  await expect(approval.getByRole("link", { name: "Nia Lead approved the waiver on “Proven authentication” in Notify service" })).toBeVisible();
  await expect(approval).toHaveAttribute("data-read", "false");
  await snapshot(engineer, "inbox-engineer");
  await engineer.getByRole("button", { name: "Mark all read" }).click();
  await expect(bell(engineer)).toHaveAccessibleName("Notifications, none unread");
  await expect(approval).toHaveAttribute("data-read", "true");
  await expect(engineer.getByRole("button", { name: "Mark all read" })).toBeDisabled();
});

// Entries written straight into the outbox's tables: many of them, one with a
// title written to cause trouble, one leading to an item deleted since.
async function seedEntries(email: string, titles: { title: string; link: string }[]) {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ userId: string; teamId: string }>(
      `SELECT m."userId", m."teamId" FROM membership m JOIN "user" u ON u.id = m."userId" WHERE u.email = $1`,
      [email],
    );
    const [{ userId, teamId }] = rows;
    for (const [n, { title, link }] of titles.entries()) {
      const id = `e2e-${Date.now()}-${n}`;
      await client.query(`INSERT INTO notification_event (id, "teamId", kind, "actorLabel", payload) VALUES ($1, $2, 'MENTIONED', 'Nia Lead', '{"v":1}')`, [id, teamId]);
      await client.query(
        `INSERT INTO notification (id, "teamId", "userId", "eventId", kind, title, link, "createdAt") VALUES ($1, $2, $3, $1, 'MENTIONED', $4, $5, now() - make_interval(secs => $6))`,
        [id, teamId, userId, title, link, titles.length - n],
      );
    }
  } finally {
    await client.end();
  }
}

const HOSTILE = `<img src=x onerror="window.__xss=1">\u202Eevil **bold** ${"very long title ".repeat(12)}`;

test("two tabs, the bell after navigating, a stale page address, hostile titles and a phone", async () => {
  await seedEntries(ENGINEER.email, [
    { title: "Nia Lead mentioned you on a deleted item", link: "/projects/gone/items/gone" },
    { title: HOSTILE, link: "/inbox" },
    ...Array.from({ length: 40 }, (_, n) => ({ title: `Nia Lead mentioned you (${n + 1})`, link: "/inbox" })),
  ]);
  const tabA = engineer;
  const tabB = await engineer.context().newPage();
  await tabA.goto("/inbox");
  await tabB.goto("/inbox");
  await expect(bell(tabA)).toHaveAccessibleName("Notifications, 42 unread");
  // Paged: 30 on the first page, the rest behind "Older notifications".
  await expect(tabA.getByTestId("inbox-entry")).toHaveCount(30);

  // Markup in a title is text; the direction override is gone.
  await tabA.goto(`/inbox?cursor=${encodeURIComponent("not a cursor")}`);
  await expect(tabA).toHaveURL(/\/inbox$/);
  await expect(tabA.getByRole("heading", { name: "Inbox", exact: true })).toBeVisible();
  await tabA.getByRole("link", { name: "Older notifications" }).click();
  // The 42 and the approval from before.
  await expect(tabA.getByTestId("inbox-entry")).toHaveCount(13);
  const hostile = tabA.getByTestId("inbox-entry").filter({ hasText: "evil **bold**" });
  await expect(hostile).toContainText('<img src=x onerror="window.__xss=1">');
  expect(await tabA.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await tabA.locator('main img[src="x"]').count()).toBe(0);

  // An entry whose item was deleted since leads to the not-found page, not an error.
  await tabA.getByRole("link", { name: "Nia Lead mentioned you on a deleted item" }).click();
  await expect(tabA.getByRole("heading", { name: "Page not found" })).toBeVisible();

  // Mark all read in one tab, then "Mark read" in the other, stale, one.
  await tabA.goto("/inbox");
  await tabA.getByRole("button", { name: "Mark all read" }).click();
  await expect(bell(tabA)).toHaveAccessibleName("Notifications, none unread");
  await tabB.getByRole("button", { name: /^Mark read: / }).first().click();
  await expect(bell(tabB)).toHaveAccessibleName("Notifications, none unread");
  await expect(tabB.locator("main").getByRole("alert")).toHaveCount(0);

  // News while the other tab moves around the app: the bell says so after a navigation.
  await seedEntries(ENGINEER.email, [{ title: "Nia Lead mentioned you again", link: "/inbox" }]);
  await tabB.getByRole("link", { name: "My work" }).first().click();
  await expect(tabB).toHaveURL(/\/my-work$/);
  await expect(bell(tabB)).toHaveAccessibleName("Notifications, 1 unread");
  await tabB.close();

  // A 390 px phone: the bell in the header, the entries readable, nothing wider than the screen.
  await tabA.setViewportSize({ width: 390, height: 844 });
  await tabA.goto("/inbox");
  await expect(bell(tabA)).toBeVisible();
  expect(await tabA.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await tabA.screenshot({ path: "test-results/screenshots/inbox-phone.png", fullPage: false });
  await tabA.getByRole("link", { name: "Older notifications" }).click();
  await expect(hostile).toBeVisible();
  expect(await tabA.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await tabA.screenshot({ path: "test-results/screenshots/inbox-phone-hostile.png", fullPage: true });
  await tabA.setViewportSize(LAPTOP);

  // axe on a full inbox, unread and read entries alike.
  await tabA.goto("/inbox");
  const audit = await new AxeBuilder({ page: tabA }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(audit.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
