import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, createCatalogueProject, invitePerson, itemRow, signIn, type Person } from "./support";

// An item's discussion: a lead comments on an item, mentioning a member
// picked from the @ list with the keyboard alone; the mention shows as a
// chip; the comment is edited, then deleted after a confirmation; Markdown
// that tries to run script stays inert.
test.describe.configure({ mode: "serial" });

const LEAD: Person = { name: "Quinn Lead", email: "quinn.comments@example.com", password: "quinn passphrase 2026", role: "LEAD" };
const MEMBER: Person = { name: "Mo Member", email: "mo.comments@example.com", password: "mo passphrase 2026", role: "ENGINEER" };
const LAPTOP = { width: 1366, height: 900 };

let lead: Page;
let itemUrl: string;
const dialogs: string[] = [];

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ viewport: LAPTOP });
  const admin = await context.newPage();
  await signIn(admin, ADMIN.email, ADMIN.password);
  await expect(admin.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  const projectUrl = await createCatalogueProject(admin, "Comment service", ["Security"]);
  await invitePerson(admin, browser, MEMBER, LAPTOP);
  lead = await invitePerson(admin, browser, LEAD, LAPTOP);
  await context.close();
  await lead.goto(projectUrl);
  await itemRow(lead, "security.authentication").getByRole("link", { name: "Proven authentication" }).click();
  await expect(lead.getByRole("heading", { name: "Discussion" })).toBeVisible();
  itemUrl = lead.url();
  // Nothing on this page may ever open a dialog by itself (an alert() run by a comment would).
  lead.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

const discussion = () => lead.locator("#discussion");
const composer = () => lead.getByRole("combobox", { name: "Add a comment" });

test("a lead mentions a member picked from the @ list with the keyboard, and the mention shows as a chip", async () => {
  await composer().focus();
  await lead.keyboard.type("Can you confirm the session timeout, @mo");
  const list = lead.getByRole("listbox", { name: "Team members" });
  await expect(list).toBeVisible();
  await expect(composer()).toHaveAttribute("aria-expanded", "true");
  // The arrows move the active option (announced through aria-activedescendant).
  const first = await composer().getAttribute("aria-activedescendant");
  await lead.keyboard.press("ArrowDown");
  await lead.keyboard.press("ArrowUp");
  expect(await composer().getAttribute("aria-activedescendant")).toBe(first);
  await expect(list.getByRole("option", { selected: true })).toContainText(MEMBER.name);
  await lead.keyboard.press("Enter");
  await expect(list).toBeHidden();
  await lead.keyboard.type("? It should be **15 minutes**.");
  await expect(composer()).toHaveValue(/^Can you confirm the session timeout, @\[Mo Member\]\(user:[\w-]+\) \? It should be \*\*15 minutes\*\*\.$/);
  await lead.keyboard.press("Control+Enter");

  const comment = discussion().getByTestId("comment").first();
  await expect(comment.locator("[data-mention]")).toHaveText(`@${MEMBER.name}`);
  await expect(comment.locator("strong")).toHaveText("15 minutes");
  await expect(comment).toContainText(LEAD.name);
  await expect(composer()).toHaveValue("");
  await expect(composer()).toBeFocused();
  // The server's copy survives a reload, and the header counts it.
  await lead.reload();
  await expect(discussion().getByTestId("comment").first().locator("[data-mention]")).toHaveText(`@${MEMBER.name}`);
  await expect(lead.getByRole("link", { name: "1 comment" })).toBeVisible();
});

test("the lead edits the comment, which then says it was edited", async () => {
  const comment = discussion().getByTestId("comment").first();
  await comment.getByRole("button", { name: "Edit" }).click();
  const editor = comment.getByRole("combobox", { name: "Edit your comment" });
  await expect(editor).toBeFocused();
  await editor.fill("Confirmed with @mo.comments@example.com: 15 minutes.");
  await editor.press("Control+Enter");
  await expect(comment).toContainText("(edited)");
  // A typed address of a member became a mention too.
  await expect(comment.locator("[data-mention]")).toHaveText(`@${MEMBER.name}`);
  await expect(comment).toContainText("15 minutes.");
});

test("Markdown that tries to run script stays inert", async () => {
  // Inline, so that the Markdown keeps the text around the HTML it drops.
  await composer().fill('Try this: <script>window.__commentPwned = 1</script><img src=x onerror="window.__commentPwned = 2"> [click me](javascript:window.__commentPwned=3) [runbook](https://example.com/runbook)');
  await composer().press("Control+Enter");
  const inert = discussion().getByTestId("comment").nth(1);
  await expect(inert).toContainText("Try this:");
  await expect(inert).toContainText("click me");
  // The tags are dropped; what was between them is only text.
  await expect(inert).toContainText("window.__commentPwned = 1");
  await expect(inert.locator("script, img")).toHaveCount(0);
  await expect(inert.locator('a[href^="javascript"]')).toHaveCount(0);
  await expect(inert.getByRole("link", { name: "runbook" })).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await inert.getByText("click me").click();
  expect(await lead.evaluate(() => (window as unknown as { __commentPwned?: number }).__commentPwned)).toBeUndefined();
  expect(dialogs).toEqual([]);

  await discussion().scrollIntoViewIfNeeded();
  mkdirSync("docs/screenshots", { recursive: true });
  await discussion().screenshot({ path: "docs/screenshots/comments.png" });
});

test("deleting a comment asks first, and focus returns to the composer", async () => {
  const comment = discussion().getByTestId("comment").first();
  await comment.getByRole("button", { name: "Delete" }).click();
  const confirm = comment.getByRole("group", { name: "Confirm deletion" });
  await expect(confirm).toContainText("Delete this comment?");
  await confirm.getByRole("button", { name: "Keep" }).click();
  await expect(comment.getByRole("button", { name: "Delete" })).toBeFocused();
  await comment.getByRole("button", { name: "Delete" }).click();
  await comment.getByRole("group", { name: "Confirm deletion" }).getByRole("button", { name: "Delete" }).click();
  await expect(discussion().getByTestId("comment")).toHaveCount(1);
  await expect(discussion()).not.toContainText("Confirmed with");
  await expect(composer()).toBeFocused();
  await lead.goto(itemUrl);
  await expect(discussion().getByTestId("comment")).toHaveCount(1);
  await expect(lead.getByText(/deleted their comment “Confirmed with @Mo Member: 15 minutes\.”/)).toBeVisible();
});
