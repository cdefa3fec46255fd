import { randomBytes } from "node:crypto";
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
