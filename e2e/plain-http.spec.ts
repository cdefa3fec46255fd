// A plain-HTTP install reached at a LAN name rather than localhost: the
// browser's page is then not a secure context, so a `Secure` session cookie
// would be dropped and sign-in would loop back to the sign-in page. The
// browser resolves the made-up LAN name to this machine's loopback address,
// so no traffic leaves it.
import { expect, test } from "@playwright/test";
import { ADMIN, signIn, snapshot } from "./support";

const LAN_HOST = "shipshape-lan.test";

test("signing in over plain HTTP at a LAN address works, with a cookie that is not Secure", async ({ browser, baseURL }) => {
  const port = new URL(baseURL!).port;
  const lanBrowser = await browser.browserType().launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH === "" ? undefined : process.env.PLAYWRIGHT_CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", `--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1`],
  });
  try {
    const lanOrigin = `http://${LAN_HOST}:${port}`;
    const context = await lanBrowser.newContext({ baseURL: lanOrigin });
    const page = await context.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    const cookies = await context.cookies(lanOrigin);
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie.secure, cookie.name).toBe(false);
    // The session holds on the next navigation.
    await page.goto("/members");
    await expect(page).toHaveURL(new RegExp(`^${lanOrigin}/members`));
    await snapshot(page, "plain-http-lan-signed-in");
  } finally {
    await lanBrowser.close();
  }
});
