import { expect, test, type Page } from "@playwright/test";
import { ADMIN, invitePerson, itemCell, setItemField, signIn, snapshot, type Person, itemRow, readinessPercent } from "./support";

// The daily journey: a lead creates a project from the catalogue, an engineer
// completes a critical item with evidence, the score moves, a viewer reads
// without editing, and a waiver goes through two different leads.
test.describe.configure({ mode: "serial" });

const LEAD: Person = { name: "Lena Lead", email: "lena@example.com", password: "lead passphrase 2026", role: "LEAD" };
const OTHER_LEAD: Person = { name: "Omar Lead", email: "omar@example.com", password: "omar passphrase 2026", role: "LEAD" };
const ENGINEER: Person = { name: "Erin Engineer", email: "erin@example.com", password: "erin passphrase 2026", role: "ENGINEER" };
const READER: Person = { name: "Rita Reader", email: "rita@example.com", password: "rita passphrase 2026", role: "VIEWER" };

const LAPTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

let lead: Page;
let otherLead: Page;
let engineer: Page;
let reader: Page;
let projectUrl: string;

const level = (page: Page) => page.getByTestId("readiness-level");
const matrixRow = (page: Page, category: string) => page.getByTestId("readiness-matrix").getByRole("row", { name: new RegExp(`^${category}`) });

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ viewport: LAPTOP });
  const admin = await context.newPage();
  await signIn(admin, ADMIN.email, ADMIN.password);
  await expect(admin.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  lead = await invitePerson(admin, browser, LEAD, LAPTOP);
  otherLead = await invitePerson(admin, browser, OTHER_LEAD, LAPTOP);
  engineer = await invitePerson(admin, browser, ENGINEER, LAPTOP);
  reader = await invitePerson(admin, browser, READER, PHONE);
  await context.close();
});

test("a lead creates a project from the catalogue", async () => {
  await lead.getByRole("link", { name: "New project" }).click();
  await expect(lead.getByRole("checkbox", { name: /^Mobile/ })).not.toBeChecked();
  await expect(lead.getByRole("checkbox", { name: /^Security/ })).toBeChecked();
  await lead.getByRole("button", { name: "Create project" }).click();
  await expect(lead.getByText("Enter a project name.")).toBeVisible();

  await lead.getByLabel("Project name").fill("Checkout API");
  await lead.getByLabel("Description").fill("Card payments for the web shop, launching with the spring sale.");
  await lead.getByLabel("Production URL").fill("https://checkout.example.com");
  await lead.getByLabel("Target launch date").fill("2027-03-01");
  // Keep the journey small: Testing (no critical items) and Database (one).
  for (const name of ["Environments", "Security", "CI/CD", "Infrastructure", "Backup", "Monitoring", "Operations", "Performance", "Documentation", "Compliance"]) {
    await lead.getByRole("checkbox", { name: new RegExp(`^${name.replace("/", "\\/")}`) }).uncheck();
  }
  await expect(lead.getByText("2 categories · 16 items")).toBeVisible();
  await snapshot(lead, "10-new-project");
  await lead.getByRole("button", { name: "Create project" }).click();

  await expect(lead.getByRole("heading", { name: "Checkout API" })).toBeVisible();
  projectUrl = lead.url();
  await expect(readinessPercent(lead)).toHaveText("0%");
  await expect(level(lead)).toHaveText("Not launch ready");
  await expect(matrixRow(lead, "Database & Persistence")).toContainText("○");
  await expect(lead.getByTestId("item-row")).toHaveCount(16);
});

test("an engineer marks a critical item done, is asked for evidence, and adds a PR link", async () => {
  await engineer.goto(projectUrl);
  const migrations = itemRow(engineer, "database.migrations");
  await setItemField(migrations, "Status", "DONE");
  await expect(migrations.getByText("asks for evidence before a critical item is marked done")).toBeVisible();
  // Refused: the row shows the status it has, not the one asked for.
  await expect(itemCell(migrations, "Status")).toContainText("Missing");
  // An engineer reads the priority but does not set it.
  await expect(itemCell(migrations, "Priority")).toHaveCount(0);
  await expect(migrations.getByText("Critical", { exact: true })).toBeVisible();
  await snapshot(engineer, "11-evidence-asked");

  await migrations.getByLabel("Link or repository path").fill("javascript:alert(1)");
  await migrations.getByRole("button", { name: "Add evidence and mark done" }).click();
  await expect(migrations.getByText("Enter a full http:// or https:// address.")).toBeVisible();
  await migrations.getByLabel("Link or repository path").fill("https://github.com/acme/checkout/pull/42");
  await migrations.getByRole("button", { name: "Add evidence and mark done" }).click();

  await expect(migrations).toHaveAttribute("data-standing", "DONE");
  await expect(readinessPercent(engineer)).toHaveText("10%");
  await expect(level(engineer)).toHaveText("Level 1 — Blockers cleared");
  await expect(matrixRow(engineer, "Database & Persistence")).toContainText("◐");
  await expect(matrixRow(engineer, "Database & Persistence").getByRole("link", { name: "1 done in Database & Persistence" })).toBeVisible();

  // Matrix cells filter the checklist.
  await matrixRow(engineer, "Database & Persistence").getByRole("link", { name: "1 done in Database & Persistence" }).click();
  await expect(engineer.getByTestId("item-row")).toHaveCount(1);
  await expect(engineer.getByText("1 of 16 items")).toBeVisible();

  await engineer.getByRole("link", { name: "Versioned schema migrations" }).click();
  await expect(engineer.getByRole("link", { name: "github.com/acme/checkout/pull/42" })).toHaveAttribute("href", "https://github.com/acme/checkout/pull/42");
  await expect(engineer.getByText("set status to Done (was Missing)")).toBeVisible();
  await snapshot(engineer, "12-item-detail");
});

test("a stale edit of a field changed meanwhile is refused in words, keeping the edit to apply again", async () => {
  await lead.goto(projectUrl);
  await engineer.goto(projectUrl);
  await setItemField(itemRow(engineer, "testing.unit"), "Status", "PARTIAL");
  await expect(itemRow(engineer, "testing.unit")).toHaveAttribute("data-standing", "PARTIAL");

  const stale = itemRow(lead, "testing.unit");
  const status = itemCell(stale, "Status");
  await setItemField(stale, "Status", "DONE");
  await expect(stale.getByText(`${ENGINEER.name} changed the status from Missing to Partial at`)).toBeVisible();
  await expect(stale.getByText("You set the status to Done; your change stays in the form until you choose.")).toBeVisible();
  await expect(status).toContainText("Done");
  await snapshot(lead, "13-conflict");
  await stale.getByRole("button", { name: "Keep theirs" }).click();
  await expect(status).toContainText("Partial");
});

test("a viewer sees the score but cannot edit", async () => {
  await reader.goto(projectUrl);
  await expect(readinessPercent(reader)).toHaveText("13%");
  await expect(reader.getByTestId("item-row")).toHaveCount(16);
  await expect(reader.getByRole("combobox", { name: /^Status of/ })).toHaveCount(0);
  // The same compact rows, as text only: no field opens an editor, nothing to select.
  await expect(reader.getByRole("button", { name: /^(Status|Priority|Owner|Due date|Effort in hours) of / })).toHaveCount(0);
  await expect(reader.getByRole("checkbox", { name: /^Select / })).toHaveCount(0);
  await expect(itemRow(reader, "testing.unit")).toContainText("Partial");
  await expect(reader.getByRole("link", { name: "Settings" })).toHaveCount(0);
  expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await snapshot(reader, "14-viewer-phone");
  expect((await reader.goto("/projects/new"))?.status()).toBe(403);
  expect((await reader.goto(`${projectUrl}/settings`))?.status()).toBe(403);
});

test("a waiver requested by one lead is approved by another, and shows as waived", async () => {
  await lead.goto(projectUrl);
  await itemRow(lead, "testing.end-to-end").getByRole("link", { name: "End-to-end tests of the main user journeys" }).click();
  await lead.getByLabel("Why is the risk acceptable?").fill("Manual QA script covers checkout for the beta");
  await lead.getByLabel("Waiver expires on").fill("2027-06-30");
  await lead.getByRole("button", { name: "Request waiver" }).click();
  await expect(lead.getByText("Awaiting decision")).toBeVisible();
  await expect(lead.getByText("Another lead or admin must decide on your own request.")).toBeVisible();
  await expect(lead.getByRole("button", { name: "Approve waiver" })).toHaveCount(0);

  await otherLead.goto(lead.url());
  await otherLead.getByLabel("Decision note (optional)").fill("Fine for the beta");
  await otherLead.getByRole("button", { name: "Approve waiver" }).click();
  await expect(otherLead.getByText("Approved", { exact: true })).toBeVisible();
  await expect(otherLead.getByText(/approved by Omar Lead/)).toBeVisible();
  await snapshot(otherLead, "15-waiver-approved");

  await otherLead.goto(projectUrl);
  const e2e = itemRow(otherLead, "testing.end-to-end");
  await expect(e2e).toHaveAttribute("data-standing", "WAIVED");
  await expect(e2e.getByText("Waived", { exact: false }).first()).toBeVisible();
  await expect(e2e.getByText(/Waived until/)).toBeVisible();
  await expect(readinessPercent(otherLead)).toHaveText("21%");
  await expect(matrixRow(otherLead, "Testing").getByRole("link", { name: "1 waived in Testing" })).toBeVisible();
  await snapshot(otherLead, "16-project-laptop");
  // The README's first picture: the top of a worked project's page on a laptop.
  await otherLead.setViewportSize({ width: 1280, height: 1400 });
  await otherLead.evaluate(() => window.scrollTo(0, 0));
  await otherLead.screenshot({ path: "docs/screenshots/project.png" });

  await otherLead.setViewportSize(PHONE);
  await otherLead.reload();
  expect(await otherLead.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await snapshot(otherLead, "17-project-phone");
});

test("the portfolio lists the project with its score, and the feed records every change", async () => {
  await lead.goto("/");
  const portfolio = lead.getByTestId("portfolio");
  await expect(portfolio.getByRole("row", { name: /Checkout API/ })).toContainText("21%");
  await expect(portfolio.getByRole("row", { name: /Checkout API/ })).toContainText("Level 1 — Blockers cleared");
  await snapshot(lead, "18-portfolio");

  await lead.goto(`${projectUrl}/activity`);
  for (const text of ["created the project with 16 items", "added evidence", "set status to Done (was Missing)", "requested a waiver", "approved the waiver"]) {
    await expect(lead.getByText(text).first()).toBeVisible();
  }
  await snapshot(lead, "19-activity");
});
