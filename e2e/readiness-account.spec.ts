import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, createCatalogueProject, invitePerson, signIn, type Person } from "./support";

// The account page and passwords: a member changes their password and signs
// in with the new one; an admin creates a reset link for another member, who
// uses it in a browser of their own. Then the dark theme and the icon. The
// admin's own password is never changed: other journeys sign in with it.
test.describe.configure({ mode: "serial" });

const CHANGER: Person = { name: "Casey Changer", email: "casey@example.com", password: "casey passphrase 2026", role: "ENGINEER" };
const FORGETFUL: Person = { name: "Flynn Forgetful", email: "flynn@example.com", password: "flynn passphrase 2026", role: "VIEWER" };

let admin: Page;

test.beforeAll(async ({ browser }) => {
  admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN.email, ADMIN.password);
  await expect(admin.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
});

test("a member changes their password from the account page, and signs in with the new one only", async ({ browser }) => {
  const member = await invitePerson(admin, browser, CHANGER);
  await member.getByRole("button", { name: "Account menu" }).click();
  await member.getByRole("menuitem", { name: "Your account" }).click();
  await expect(member.getByRole("heading", { name: "Your account" })).toBeVisible();

  await member.getByLabel("Current password").fill("not my password at all");
  await member.getByLabel("New password", { exact: true }).fill("a much better passphrase");
  await member.getByLabel("Confirm new password").fill("a much better passphrase");
  await member.getByRole("button", { name: "Change password" }).click();
  await expect(member.getByText("That is not your current password.")).toBeVisible();

  await member.getByLabel("Current password").fill(CHANGER.password);
  await member.getByLabel("New password", { exact: true }).fill("a much better passphrase");
  await member.getByLabel("Confirm new password").fill("a much better passphrase");
  await member.getByRole("button", { name: "Change password" }).click();
  await expect(member.getByText("Your password has been changed.")).toBeVisible();
  // This session was renewed, not ended.
  await member.reload();
  await expect(member.getByRole("heading", { name: "Your account" })).toBeVisible();
  const audit = await new AxeBuilder({ page: member }).analyze();
  expect(audit.violations.map((violation) => violation.id)).toEqual([]);

  const fresh = await browser.newPage();
  await signIn(fresh, CHANGER.email, CHANGER.password);
  await expect(fresh.getByText("That email and password do not match an account.")).toBeVisible();
  await signIn(fresh, CHANGER.email, "a much better passphrase");
  await expect(fresh.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  await fresh.close();
  await member.context().close();
});

test("an admin creates a one-time reset link; the member sets a new password with it in their own browser", async ({ browser }) => {
  const member = await invitePerson(admin, browser, FORGETFUL);
  await admin.goto("/members");
  await admin.getByRole("button", { name: `Reset password of ${FORGETFUL.name}` }).click();
  const link = await admin.getByTestId("password-reset-link").inputValue();
  expect(link).toMatch(/\/reset-password\/[\w-]{43}$/);

  // On the sign-in page, without mail, "Forgot password?" says whom to ask.
  const elsewhere = await browser.newContext({ baseURL: new URL(admin.url()).origin });
  const page = await elsewhere.newPage();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByText("Ask an admin of your team for a password reset link")).toBeVisible();

  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("flynn remembers now");
  await page.getByLabel("Confirm new password").fill("flynn remembers now");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password has been changed. Sign in with the new one.")).toBeVisible();
  await signIn(page, FORGETFUL.email, "flynn remembers now");
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();

  // The member's earlier session ended with the reset.
  await member.goto("/");
  await expect(member).toHaveURL(/\/sign-in/);
  // The link works once.
  const again = await browser.newPage({ baseURL: new URL(admin.url()).origin });
  await again.goto(link);
  await again.getByLabel("New password", { exact: true }).fill("someone else tries this");
  await again.getByLabel("Confirm new password").fill("someone else tries this");
  await again.getByRole("button", { name: "Set new password" }).click();
  await expect(again.getByText("This reset link has been used or has expired.")).toBeVisible();
  await again.close();
  await elsewhere.close();
  await member.context().close();
});

test("the dark theme is chosen in the account menu and holds across a reload", async () => {
  const projectUrl = await createCatalogueProject(admin, "Dark launch", ["Security", "Testing"]);
  const html = admin.locator("html");
  await expect(html).toHaveClass(/\bsystem\b/);
  await admin.getByRole("button", { name: "Account menu" }).click();
  await admin.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(html).toHaveClass(/\bdark\b/);
  await admin.keyboard.press("Escape");
  await admin.reload();
  // Rendered dark by the server: the class is there before any script.
  await expect(html).toHaveClass(/\bdark\b/);
  const background = await admin.locator("body").evaluate((body) => getComputedStyle(body).backgroundColor);
  expect(background).not.toMatch(/rgb\(24[0-9], 25[0-9], 25[0-9]\)|oklch\(0\.98/);
  await admin.goto(projectUrl);
  await admin.screenshot({ path: "docs/screenshots/dark-project.png", fullPage: false });
  const contrast = await new AxeBuilder({ page: admin }).withRules(["color-contrast"]).analyze();
  expect(contrast.violations.flatMap((violation) => violation.nodes.map((node) => node.target.join(" ")))).toEqual([]);

  await admin.getByRole("button", { name: "Account menu" }).click();
  await admin.getByRole("menuitemradio", { name: "System" }).click();
  await expect(html).toHaveClass(/\bsystem\b/);
  await admin.keyboard.press("Escape");
  await admin.reload();
  await expect(html).toHaveClass(/\bsystem\b/);
});

test("the icon is linked from every page and served as SVG", async ({ request }) => {
  await admin.goto("/");
  const href = await admin.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
  expect(await response.text()).toContain("<svg");
});
