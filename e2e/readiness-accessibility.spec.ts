import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADMIN, createCatalogueProject, invitePerson, signIn, type Person } from "./support";

// Every page of the app, audited with axe as a lead and as a viewer (the two
// see different controls): no serious or critical violation of WCAG 2.1 A/AA
// anywhere. The pages that need a project run against one made from the
// catalogue, with some of its items worked, so that badges, waivers and
// evidence are on screen too.
test.describe.configure({ mode: "serial" });

const LEAD: Person = { name: "Lena Lead", email: "lena.a11y@example.com", password: "lead passphrase for axe 1", role: "LEAD" };
const VIEWER: Person = { name: "Vera Viewer", email: "vera.a11y@example.com", password: "viewer passphrase axe 1", role: "VIEWER" };

let projectUrl = "";
let itemUrl = "";
let shareUrl = "";

/** The violations axe finds on the page as it stands, serious and critical only, in words. */
async function seriousViolations(page: Page) {
  const audit = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return audit.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 5).join(", ")}`);
}

async function audit(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  expect(await seriousViolations(page), `axe on ${path}`).toEqual([]);
}

async function personPage(browser: Browser, admin: Page, person: Person) {
  return invitePerson(admin, browser, person);
}

let lead: Page;
let viewer: Page;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, ADMIN.email, ADMIN.password);
  await expect(admin.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  projectUrl = new URL(await createCatalogueProject(admin, "Accessible Launch", ["Security", "Testing", "Monitoring"])).pathname;
  await admin.goto(projectUrl);
  itemUrl = new URL(await admin.locator('[data-testid="item-row"] a[href*="/items/"]').first().evaluate((link) => (link as HTMLAnchorElement).href)).pathname;
  await admin.goto(`${projectUrl}/report`);
  await admin.getByLabel("Expires in (days)").fill("30");
  await admin.getByRole("button", { name: "Create share link" }).click();
  shareUrl = new URL(await admin.getByTestId("share-link-url").inputValue()).pathname;
  lead = await personPage(browser, admin, LEAD);
  viewer = await personPage(browser, admin, VIEWER);
  await context.close();
});

const TEAM_PAGES = ["/", "/my-work", "/inbox", "/report", "/templates", "/members", "/settings", "/api-docs", "/account"];
const PROJECT_PAGES = ["", "/activity", "/history", "/report", "/checks", "/settings"];

for (const who of ["lead", "viewer"] as const) {
  test(`every team page passes axe as a ${who}`, async () => {
    const page = who === "lead" ? lead : viewer;
    for (const path of TEAM_PAGES) await audit(page, path);
  });

  test(`every project page passes axe as a ${who}`, async () => {
    const page = who === "lead" ? lead : viewer;
    for (const path of PROJECT_PAGES) await audit(page, `${projectUrl}${path}`);
    await audit(page, itemUrl);
  });
}

test("the pages a lead alone opens pass axe", async () => {
  for (const path of ["/projects/new", "/projects/import", `${projectUrl}/checks/set-up`]) await audit(lead, path);
});

test("the pages seen signed out pass axe: sign-in and the shared report", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await audit(page, "/sign-in");
  await audit(page, shareUrl);
  await context.close();
});
