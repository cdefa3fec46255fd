import { expect, type Browser, type Locator, type Page } from "@playwright/test";

export const ADMIN = { name: "Avery Admin", email: "avery@example.com", password: "correct horse battery staple", team: "Launch Crew" };
export const VIEWER = { name: "Vic Viewer", password: "viewer passphrase 2026" };

// Full-page screenshots kept under test-results/screenshots for review.
export async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

// The first-run setup form, filled in as the admin at `setupUrl` ("/setup" on
// the suite's server); the admin arrives signed in on the Projects page.
export async function completeSetup(page: Page, setupUrl = "/setup") {
  await page.goto(setupUrl);
  await page.getByLabel("Your name").fill(ADMIN.name);
  await page.getByLabel("Work email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByLabel("Team name").fill(ADMIN.team);
  await page.getByRole("button", { name: "Create account and team" }).click();
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL("**/sign-in");
}

export type Person = { name: string; email: string; password: string; role: "ADMIN" | "LEAD" | "ENGINEER" | "VIEWER" };

// The signed-in admin invites someone; they accept in a browser context of
// their own and arrive signed in. Returns their page.
export async function invitePerson(admin: Page, browser: Browser, person: Person, viewport?: { width: number; height: number }) {
  await admin.goto("/members");
  await admin.getByLabel("Email", { exact: true }).fill(person.email);
  await admin.getByLabel("Role", { exact: true }).selectOption(person.role);
  await admin.getByRole("button", { name: "Create invitation" }).click();
  const link = await admin.getByTestId("invitation-link").inputValue();
  const context = await browser.newContext({ baseURL: new URL(admin.url()).origin, viewport });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Choose a password").fill(person.password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  return page;
}

// The catalogue's categories as the New project form lists them.
const CATALOGUE_CATEGORIES = ["Environments", "Testing", "Security", "CI/CD", "Infrastructure", "Database", "Backup", "Monitoring", "Operations", "Performance", "Documentation", "Compliance"];

// Creates a project from the built-in catalogue with only the named
// categories (by the start of their names), and returns its URL.
export async function createCatalogueProject(page: Page, name: string, keep: string[]) {
  await page.goto("/projects/new");
  await page.getByLabel("Project name").fill(name);
  for (const category of CATALOGUE_CATEGORIES.filter((c) => !keep.includes(c))) {
    await page.getByRole("checkbox", { name: new RegExp(`^${category.replace("/", "\\/")}`) }).uncheck();
  }
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return page.url();
}

// An item's row in the project checklist, found by its stable key.
export const itemRow = (page: Page, key: string) => page.locator(`[data-testid="item-row"][data-item-key="${key}"]`);

/** A field of a checklist row, as its editors name it ("Status of Unit tests"). */
export type ItemField = "Status" | "Priority" | "Owner" | "Due date" | "Effort in hours";

// A field of an item row as text: a button that opens its editor ("Status of
// Unit tests: ○ Missing"). Absent where the viewer may not change the field.
export const itemCell = (row: Locator, field: ItemField) => row.getByRole("button", { name: new RegExp(`^${field} of `) });

// The field's editor once open: a select, or a date or number input.
export const cellEditor = (row: Locator, field: ItemField) => row.locator(`select[aria-label^="${field} of "], input[aria-label^="${field} of "]`);

/** Sets a field of a checklist row as a person with a mouse does: a click on its text, then a choice (value or label), or typed text and Enter. */
export async function setItemField(row: Locator, field: ItemField, value: string | { label: string }) {
  await itemCell(row, field).click();
  const editor = cellEditor(row, field);
  if (typeof value === "string" && (field === "Due date" || field === "Effort in hours")) {
    await editor.fill(value);
    await editor.press("Enter");
  } else {
    await editor.selectOption(value);
  }
}

// The project's readiness percentage on its dashboard ("44%").
export const readinessPercent = (page: Page) => page.getByTestId("readiness-percent");

/**
 * Waits until the project page's checklist has hydrated: its rows stream in
 * after the top of the page, and its keyboard shortcuts work from then on.
 */
export async function checklistReady(page: Page) {
  await expect(page.locator("html[data-checklist-keys]")).toBeAttached();
}

/** Opens a project page and waits for its checklist to take keys. */
export async function openChecklist(page: Page, url: string) {
  await page.goto(url);
  await checklistReady(page);
}
