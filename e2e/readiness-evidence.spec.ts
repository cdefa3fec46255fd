import { expect, test, type Page } from "@playwright/test";
import { ADMIN, createCatalogueProject, invitePerson, setItemField, signIn, snapshot, type Person, itemRow, readinessPercent } from "./support";

// Evidence that is removed stops vouching: an engineer proves a critical
// item, later removes the only evidence, is told what that does before
// confirming, and the dashboard then shows the item as needing evidence and
// counts it as partial, not done.
test.describe.configure({ mode: "serial" });

const ENGINEER: Person = { name: "Nia Engineer", email: "nia@example.com", password: "nia passphrase 2026", role: "ENGINEER" };
const LAPTOP = { width: 1366, height: 900 };

let engineer: Page;
let projectUrl: string;


test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ viewport: LAPTOP });
  const admin = await context.newPage();
  await signIn(admin, ADMIN.email, ADMIN.password);
  await expect(admin.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  // A project with one category: Database & Persistence, one critical item.
  projectUrl = await createCatalogueProject(admin, "Ledger service", ["Database"]);
  engineer = await invitePerson(admin, browser, ENGINEER, LAPTOP);
  await context.close();
});

test("removing the only evidence of a done critical item asks first, then counts the item as needing evidence", async () => {
  await engineer.goto(projectUrl);
  const migrations = itemRow(engineer, "database.migrations");
  await setItemField(migrations, "Status", "DONE");
  await migrations.getByLabel("Link or repository path").fill("https://github.com/acme/ledger/pull/7");
  await migrations.getByRole("button", { name: "Add evidence and mark done" }).click();
  await expect(migrations).toHaveAttribute("data-standing", "DONE");
  // The score follows once the server has answered.
  await expect(readinessPercent(engineer)).not.toHaveText("0%");
  const proven = Number((await readinessPercent(engineer).textContent())?.replace("%", ""));
  expect(proven).toBeGreaterThan(0);

  await migrations.getByRole("link", { name: "Versioned schema migrations" }).click();
  await engineer.getByRole("button", { name: "Remove evidence github.com/acme/ledger/pull/7" }).click();
  const dialog = engineer.getByRole("dialog", { name: "Remove the evidence “github.com/acme/ledger/pull/7”?" });
  await expect(dialog).toContainText("will show as Needs evidence and count as partial");
  await snapshot(engineer, "32-remove-evidence-confirm");

  // Keeping it changes nothing.
  await dialog.getByRole("button", { name: "Keep it" }).click();
  await expect(dialog).toBeHidden();
  await expect(engineer.getByRole("link", { name: "github.com/acme/ledger/pull/7" })).toBeVisible();

  await engineer.getByRole("button", { name: "Remove evidence github.com/acme/ledger/pull/7" }).click();
  await engineer.getByRole("dialog").getByRole("button", { name: "Remove evidence" }).click();
  await expect(engineer.getByText("No evidence yet.")).toBeVisible();
  await expect(engineer.getByText("It counts as partial, and clears no level, until someone adds evidence.")).toBeVisible();
  await expect(engineer.getByText(/removed evidence “github.com\/acme\/ledger\/pull\/7” \(the item went from Done to Needs evidence\)/)).toBeVisible();

  await engineer.goto(projectUrl);
  await expect(itemRow(engineer, "database.migrations")).toHaveAttribute("data-standing", "NEEDS_EVIDENCE");
  await expect(itemRow(engineer, "database.migrations").getByText("Needs evidence").first()).toBeVisible();
  await expect(engineer.getByTestId("readiness-level")).toHaveText("Not launch ready");
  await expect(readinessPercent(engineer)).not.toHaveText(`${proven}%`);
  expect(Number((await readinessPercent(engineer).textContent())?.replace("%", ""))).toBeLessThan(proven);
  await snapshot(engineer, "33-needs-evidence");
});
