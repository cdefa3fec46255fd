import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, createCatalogueProject, invitePerson, itemCell, setItemField, signIn, snapshot, type Person, itemRow } from "./support";

// People who leave: an admin removes an engineer who owns items and picks who
// takes them over; the successor later deletes her own account and leaves
// her items unassigned. Runs on the install the other journeys built, or sets
// one up when run alone.
test.describe.configure({ mode: "serial" });

const LEAVER: Person = { name: "Ellis Leaving", email: "ellis@example.com", password: "ellis passphrase 2026", role: "ENGINEER" };
const SUCCESSOR: Person = { name: "Sasha Successor", email: "sasha@example.com", password: "sasha passphrase 2026", role: "ENGINEER" };
const LAPTOP = { width: 1366, height: 900 };

let admin: Page;
let successor: Page;
let projectUrl: string;

const owner = (page: Page, key: string) => itemCell(itemRow(page, key), "Owner");

async function signInOrSetUp(page: Page) {
  await page.goto("/");
  if (page.url().endsWith("/setup")) {
    await page.getByLabel("Your name").fill(ADMIN.name);
    await page.getByLabel("Work email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByLabel("Team name").fill(ADMIN.team);
    await page.getByRole("button", { name: "Create account and team" }).click();
  } else {
    await signIn(page, ADMIN.email, ADMIN.password);
  }
  // Creating the first account hashes its password: slow on a small machine.
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible({ timeout: 30_000 });
}

test.beforeAll(async ({ browser }, testInfo) => {
  // Setting up an install and two accounts (memory-hard password hashing) is slow on a small machine.
  testInfo.setTimeout(180_000);
  admin = await (await browser.newContext({ viewport: LAPTOP })).newPage();
  await signInOrSetUp(admin);
  await invitePerson(admin, browser, LEAVER, LAPTOP);
  successor = await invitePerson(admin, browser, SUCCESSOR, LAPTOP);
});

test("the admin gives the engineer two open items and a done one", async () => {
  projectUrl = await createCatalogueProject(admin, "Payments gateway", ["Testing"]);

  for (const key of ["testing.unit", "testing.integration", "testing.coverage"]) {
    await setItemField(itemRow(admin, key), "Owner", { label: LEAVER.name });
    await expect(owner(admin, key)).toHaveText(LEAVER.name);
  }
  await setItemField(itemRow(admin, "testing.coverage"), "Status", "DONE");
  await expect(itemRow(admin, "testing.coverage")).toHaveAttribute("data-standing", "DONE");
});

test("removing the engineer asks who takes over their open items, per project, and hands them over", async () => {
  await admin.goto("/members");
  await admin.getByRole("button", { name: `Remove ${LEAVER.name}` }).click();
  const dialog = admin.getByRole("dialog", { name: `Remove ${LEAVER.name} from the team?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(`${LEAVER.name} owns 2 open items:`)).toBeVisible();
  await expect(dialog.getByRole("list", { name: `Open items of ${LEAVER.name} per project` }).getByRole("listitem")).toHaveText([/Payments gateway\s*2 open items/]);
  // Nothing happens until the question is answered.
  const confirm = dialog.getByRole("button", { name: `Remove ${LEAVER.name}` });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Who takes over these items?").selectOption({ label: SUCCESSOR.name });
  await expect(confirm).toBeEnabled();
  await snapshot(admin, "44-remove-member-dialog");
  const audit = await new AxeBuilder({ page: admin }).include('[role="dialog"]').analyze();
  expect(audit.violations.map((violation) => violation.id)).toEqual([]);

  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(admin.getByText(LEAVER.email)).toHaveCount(0);

  await admin.goto(projectUrl);
  for (const key of ["testing.unit", "testing.integration"]) await expect(owner(admin, key)).toHaveText(SUCCESSOR.name);
  // Finished work is not handed to someone who did not do it.
  await expect(owner(admin, "testing.coverage")).toHaveText("Unassigned");
  await admin.goto(`${projectUrl}?owner=none`);
  await expect(itemRow(admin, "testing.coverage")).toBeVisible();
  await expect(itemRow(admin, "testing.unit")).toHaveCount(0);

  await admin.goto(`${projectUrl}/activity`);
  await expect(admin.getByText(`handed the item over from ${LEAVER.name} to ${SUCCESSOR.name} (${LEAVER.name} left the team)`)).toHaveCount(2);
  await expect(admin.getByText(`left the item unassigned (${LEAVER.name} left the team)`)).toHaveCount(1);
});

test("the successor deletes her own account, leaving her items unassigned, and is signed out", async () => {
  await successor.goto("/");
  await successor.getByRole("button", { name: "Account menu" }).click();
  await successor.getByRole("menuitem", { name: "Delete my account…" }).click();
  await expect(successor.getByRole("heading", { name: "Delete my account" })).toBeVisible();
  await expect(successor.getByText("You own 2 open items here:")).toBeVisible();
  const remove = successor.getByRole("button", { name: "Delete my account" });
  await expect(remove).toBeDisabled();
  await successor.getByLabel(`Who takes over your open items in ${ADMIN.team}?`).selectOption({ label: "Leave them unassigned" });
  await successor.getByLabel(/Type your e-mail address/).fill("someone.else@example.com");
  await expect(remove).toBeDisabled();
  await successor.getByLabel(/Type your e-mail address/).fill(SUCCESSOR.email);
  await snapshot(successor, "45-delete-account");
  const audit = await new AxeBuilder({ page: successor }).analyze();
  expect(audit.violations.map((violation) => violation.id)).toEqual([]);
  await remove.click();

  await expect(successor).toHaveURL(/\/sign-in\?accountDeleted=1$/);
  await expect(successor.getByText("Your account has been deleted.")).toBeVisible();
  await successor.goto("/");
  await expect(successor).toHaveURL(/\/sign-in/);
  await signIn(successor, SUCCESSOR.email, SUCCESSOR.password);
  await expect(successor.getByText("That email and password do not match an account.")).toBeVisible();

  await admin.goto(projectUrl);
  for (const key of ["testing.unit", "testing.integration"]) await expect(owner(admin, key)).toHaveText("Unassigned");
  await admin.goto(`${projectUrl}/activity`);
  await expect(admin.getByText(`left the item unassigned (${SUCCESSOR.name} deleted their account)`)).toHaveCount(2);
});
