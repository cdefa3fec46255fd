import type { Page } from "@playwright/test";

export const ADMIN = { name: "Avery Admin", email: "avery@example.com", password: "correct horse battery staple", team: "Launch Crew" };
export const VIEWER = { name: "Vic Viewer", password: "viewer passphrase 2026" };

// Full-page screenshots kept under test-results/screenshots for review.
export async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
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
