import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADMIN, createCatalogueProject, invitePerson, itemCell, setItemField, signIn, snapshot, type Person, itemRow, type ItemField } from "./support";

// Two people, each in their own browser, edit the same item from the same
// version. Different fields both land; the same field shows the second person
// who changed it, in words and in their own time zone, and keeps their input.
test.describe.configure({ mode: "serial" });

const DANA: Person = { name: "Dana Kim", email: "dana.kim@example.com", password: "dana passphrase 2026", role: "LEAD" };
const SAM: Person = { name: "Sam Ortiz", email: "sam.ortiz@example.com", password: "sam passphrase 2026", role: "LEAD" };
const LAPTOP = { width: 1366, height: 900 };
const ITEM = "Unit tests for core logic";

let dana: Page;
let sam: Page;
let projectUrl: string;

const row = (page: Page) => itemRow(page, "testing.unit");
// A field of the row as it reads ("◐ Partial", "16 h").
const cell = (page: Page, field: ItemField) => itemCell(row(page), field);
// A server action's answer (its POST to the page).
const saved = (page: Page) => page.waitForResponse((response) => response.request().method() === "POST" && response.request().headers()["next-action"] !== undefined);

// Sam works from Berlin, in a browser of his own.
async function signInElsewhere(browser: Browser, person: Person, timezoneId: string) {
  const context = await browser.newContext({ baseURL: `http://localhost:${process.env.E2E_PORT || "3100"}`, viewport: LAPTOP, timezoneId, locale: "en-GB" });
  const page = await context.newPage();
  await signIn(page, person.email, person.password);
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  return page;
}

test.beforeAll(async ({ browser }) => {
  // Two invitations, two sign-ins and a project: more than one test's worth of work.
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: LAPTOP });
  const admin = await context.newPage();
  await signIn(admin, ADMIN.email, ADMIN.password);
  await expect(admin.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  dana = await invitePerson(admin, browser, DANA, LAPTOP);
  await (await invitePerson(admin, browser, SAM, LAPTOP)).context().close();
  await context.close();
  sam = await signInElsewhere(browser, SAM, "Europe/Berlin");

  projectUrl = await createCatalogueProject(dana, "Payments gateway", ["Testing"]);
});

test("two people change different fields of one item: both changes land, without a conflict", async () => {
  await dana.goto(projectUrl);
  await sam.goto(projectUrl);
  await Promise.all([saved(dana), setItemField(row(dana), "Status", "PARTIAL")]);
  await expect(row(dana)).toHaveAttribute("data-standing", "PARTIAL");

  // Sam's page still shows the item as it was; his change lands on top of Dana's.
  await expect(cell(sam, "Status")).toContainText("Missing");
  await Promise.all([saved(sam), setItemField(row(sam), "Priority", "CRITICAL")]);
  await expect(cell(sam, "Status")).toContainText("Partial");
  await expect(cell(sam, "Priority")).toHaveText("Critical");
  await expect(sam.getByTestId("edit-conflict")).toHaveCount(0);

  await dana.reload();
  await expect(cell(dana, "Status")).toContainText("Partial");
  await expect(cell(dana, "Priority")).toHaveText("Critical");
});

test("both change the effort: the second sees who changed it, when in their own zone, and keeps their input", async () => {
  await dana.goto(projectUrl);
  await sam.goto(projectUrl);
  await Promise.all([saved(dana), setItemField(row(dana), "Effort in hours", "3")]);

  await expect(cell(sam, "Effort in hours")).toHaveText("16 h");
  await Promise.all([saved(sam), setItemField(row(sam), "Effort in hours", "5")]);
  const conflict = row(sam).getByTestId("edit-conflict");
  await expect(conflict).toContainText("Not saved: this was changed while you were editing.");
  await expect(conflict.getByRole("listitem")).toHaveText(/^Dana Kim changed the effort from 16 h to 3 h at \d{1,2} \w{3}, \d{2}:\d{2} CES?T\.$/);
  await expect(conflict).toContainText("You set the effort to 5 h; your change stays in the form until you choose.");
  await expect(cell(sam, "Effort in hours")).toHaveText("5 h");
  await expect(conflict).not.toContainText(/\bc[a-z0-9]{20,}\b/);
  await snapshot(sam, "40-edit-conflict");

  await Promise.all([saved(sam), conflict.getByRole("button", { name: "Apply my change again" }).click()]);
  await expect(conflict).toHaveCount(0);
  await expect(cell(sam, "Effort in hours")).toHaveText("5 h");
  await dana.reload();
  await expect(cell(dana, "Effort in hours")).toHaveText("5 h");
});

test("both edit the notes on the item page: the second keeps their text next to the current notes", async () => {
  await dana.goto(projectUrl);
  const itemUrl = (await row(dana).getByRole("link", { name: ITEM }).getAttribute("href")) as string;
  await dana.goto(itemUrl);
  await sam.goto(itemUrl);

  await dana.getByRole("button", { name: "Add notes" }).click();
  await dana.getByLabel("Notes").fill("Coverage gate at 80% in CI.");
  await Promise.all([saved(dana), dana.getByRole("button", { name: "Save notes" }).click()]);
  await expect(dana.getByText("Coverage gate at 80% in CI.")).toBeVisible();

  await sam.getByRole("button", { name: "Add notes" }).click();
  await sam.getByLabel("Notes").fill("Mutation testing on the pricing module.");
  await Promise.all([saved(sam), sam.getByRole("button", { name: "Save notes" }).click()]);
  const conflict = sam.getByTestId("edit-conflict");
  await expect(conflict.getByRole("listitem")).toHaveText(/^Dana Kim changed the notes at \d{1,2} \w{3}, \d{2}:\d{2} CES?T\.$/);
  await expect(sam.getByLabel("Notes")).toHaveValue("Mutation testing on the pricing module.");
  await conflict.getByText("The notes as they are now").click();
  await expect(conflict.getByTestId("current-notes")).toHaveText("Coverage gate at 80% in CI.");
  await snapshot(sam, "41-notes-conflict");

  // Sam merges both by hand and saves.
  await sam.getByLabel("Notes").fill("Coverage gate at 80% in CI.\n\nMutation testing on the pricing module.");
  await Promise.all([saved(sam), conflict.getByRole("button", { name: "Save my notes anyway" }).click()]);
  await expect(sam.getByLabel("Notes")).toHaveCount(0);
  await expect(sam.getByText("Mutation testing on the pricing module.")).toBeVisible();
  await dana.reload();
  await expect(dana.getByText("Mutation testing on the pricing module.")).toBeVisible();
});

test("a lead typing in the item's guidance keeps the text while a save elsewhere on the page lands", async () => {
  await dana.goto(projectUrl);
  const itemUrl = (await row(dana).getByRole("link", { name: ITEM }).getAttribute("href")) as string;
  await dana.goto(itemUrl);
  const form = dana.getByRole("form", { name: "Edit item" });
  await form.getByLabel("How to verify").fill("Coverage report attached to every release.");
  // The row above saves a new version of the same item.
  const itemRowOnPage = dana.getByTestId("item-row");
  const next = (await itemCell(itemRowOnPage, "Status").innerText()).includes("Missing") ? "Partial" : "Missing";
  await Promise.all([saved(dana), setItemField(itemRowOnPage, "Status", next.toUpperCase())]);
  await expect(itemCell(itemRowOnPage, "Status")).toContainText(next);
  await expect(form.getByLabel("How to verify")).toHaveValue("Coverage report attached to every release.");
  await Promise.all([saved(dana), form.getByRole("button", { name: "Save item" }).click()]);
  await dana.reload();
  await expect(dana.getByText("Coverage report attached to every release.").first()).toBeVisible();
});
