import { expect, test } from "@playwright/test";
import { ADMIN, signIn, snapshot } from "./support";

// Days are the team's, times of day the viewer's: an admin whose browser is
// in Tokyo starts a team, which takes Tokyo's zone, and moves it to New York
// where the team works; the activity feed still reads in Tokyo time.
test.use({ timezoneId: "Asia/Tokyo" });

test("a browser in Tokyo sees times in its own zone, named, and sets its team's zone to New York", async ({ page, context }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  // The browser has told the server its zone.
  await expect.poll(async () => (await context.cookies()).find((cookie) => cookie.name === "shipshape_tz")?.value).toBe("Asia%2FTokyo");

  // A new team starts in its creator's zone.
  await page.goto("/welcome");
  await page.getByLabel("Team name").fill("Night Shift");
  await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Tokyo");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("button", { name: /Current team: Night Shift/ })).toBeVisible();

  await page.goto("/settings");
  await expect(page.getByTestId("team-time-zone")).toHaveText("Now Asia/Tokyo (UTC+09:00)");
  const zone = page.getByLabel("Team time zone");
  await expect(zone).toHaveValue("Asia/Tokyo");
  await zone.fill("New York");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByText("Choose a time zone from the list, such as Europe/Berlin or America/New_York.")).toBeVisible();
  await expect(page.getByTestId("team-time-zone")).toHaveText("Now Asia/Tokyo (UTC+09:00)");

  await zone.fill("America/New_York");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByText("Time zone set to America/New_York.")).toBeVisible();
  await expect(page.getByTestId("team-time-zone")).toHaveText(/^Now America\/New_York \(UTC−0[45]:00\)$/);
  await expect(zone).toHaveValue("America/New_York");
  // The browser's own zone stays one click away.
  await expect(page.getByRole("button", { name: "Use my browser's zone, Asia/Tokyo" })).toBeVisible();
  await snapshot(page, "46-team-time-zone");

  // The team's first project: its activity reads in Tokyo time, the zone named.
  await page.goto("/projects/new");
  await page.getByLabel("Project name").fill("Overnight Batch");
  await page.getByRole("radio", { name: /Blank/ }).check();
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: "Overnight Batch" })).toBeVisible();
  const time = page.getByRole("list", { name: "Activity" }).locator("time").first();
  await expect(time).toHaveText(/^\d{1,2} [A-Z][a-z]{2}, \d{2}:\d{2} GMT\+9$/);
  const at = new Date((await time.getAttribute("datetime")) as string);
  const tokyo = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Tokyo", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  await expect(time).toHaveText(`${tokyo} GMT+9`);
  await expect(time).toHaveAttribute("title", /Japan Standard Time$/);

  // "Due this week" sits next to "Overdue", and travels in the URL.
  await page.getByRole("link", { name: "Due this week" }).click();
  await expect(page).toHaveURL(/[?&]dueThisWeek=1/);
  await snapshot(page, "47-activity-in-the-viewer-zone");

  // Back to the team the other journeys use.
  await page.getByRole("button", { name: /Current team/ }).click();
  await page.getByRole("menuitem", { name: ADMIN.team }).click();
  await expect(page.getByRole("button", { name: /Current team: Launch Crew/ })).toBeVisible();
});
