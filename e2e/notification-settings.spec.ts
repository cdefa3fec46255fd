import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { startServer, type RunningServer, scratchDatabase, type ScratchDatabase } from "./servers";
import { completeSetup, createCatalogueProject, invitePerson, type Person } from "./support";

// The two places people choose where they hear of things: a project's "Chat
// and webhooks" settings (a lead adds a signed JSON destination pointing at a
// receiver started here, sends a test and checks its signature, adds a Slack
// destination whose address is never shown again, removes them; an engineer
// may not) and the account's "E-mail notifications" card. A server and
// database of their own, the server allowed to post to loopback, so that the
// spec does not depend on what other specs did before.
test.describe.configure({ mode: "serial" });

const LEAD: Person = { name: "Lou Lead", email: "lou.hooks@example.com", password: "lou passphrase 2026", role: "LEAD" };
const ENGINEER: Person = { name: "Ema Engineer", email: "ema.hooks@example.com", password: "ema passphrase 2026", role: "ENGINEER" };
const LAPTOP = { width: 1366, height: 900 };
const PROJECT = "Hooked service";

type Received = { method: string; path: string; headers: IncomingHttpHeaders; body: string };

let server: RunningServer;
let database: ScratchDatabase;
let receiver: Server;
let receiverBase: string;
const received: Received[] = [];
let lead: Page;
let engineer: Page;
let projectUrl: string;

/** The check docs/webhooks.md gives receivers: HMAC-SHA256 of "<t>.<raw body>", hex, within five minutes. */
function signatureValid(header: string, rawBody: string, secret: string): boolean {
  const parts = Object.fromEntries(header.split(",").map((part) => part.trim().split("=", 2)));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(Math.floor(Date.now() / 1000) - t) > 300) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${rawBody}`).digest();
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  // Beside the suite's server: the next port for the app, the one after for the receiver.
  const port = Number(process.env.E2E_PORT || 3100) + 1;
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ method: request.method ?? "", path: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(202, { "content-type": "text/plain" }).end("accepted");
    });
  }).listen(port + 1, "127.0.0.1");
  await once(receiver, "listening");
  receiverBase = `http://127.0.0.1:${port + 1}`;

  database = await scratchDatabase();
  server = await startServer(port, {
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_URL: `http://localhost:${port}`,
    // Destinations may be plain http on loopback: the receiver above.
    CHECKS_ALLOWED_NETWORKS: "127.0.0.0/8,::1/128",
    // Signing secrets and chat addresses are stored sealed with it.
    SHIPSHAPE_SECRET_KEY: randomBytes(32).toString("base64url"),
  });
  const context = await browser.newContext({ baseURL: server.base, viewport: LAPTOP });
  const admin = await context.newPage();
  await completeSetup(admin);
  projectUrl = await createCatalogueProject(admin, PROJECT, ["Security"]);
  lead = await invitePerson(admin, browser, LEAD, LAPTOP);
  engineer = await invitePerson(admin, browser, ENGINEER, LAPTOP);
  await context.close();
});

test.afterAll(async () => {
  await lead?.context().close();
  await engineer?.context().close();
  await server?.stop();
  await database?.drop();
  if (receiver) await new Promise((resolve) => receiver.close(resolve));
});

const addForm = (page: Page) => page.getByRole("form", { name: "Add a chat or webhook destination" });
const destinations = (page: Page) => page.getByRole("list", { name: "Chat and webhook destinations" });

test("a lead adds a signed JSON destination, tests it, adds a Slack one and removes both", async () => {
  await lead.goto(`${projectUrl}/settings`);
  const section = lead.locator("#webhooks");
  await expect(section.getByRole("heading", { name: "Chat and webhooks" })).toBeVisible();
  await expect(section.getByText("No destinations yet")).toBeVisible();

  // JSON, this project only, two kinds of event.
  const jsonUrl = `${receiverBase}/hooks/shipshape`;
  // Every destination is shown by its origin and last four characters.
  const jsonShown = `${receiverBase}/…hape`;
  const form = addForm(lead);
  await form.getByLabel("Address").fill(jsonUrl);
  await form.getByLabel("Format").selectOption({ label: "JSON, signed (your own endpoint)" });
  await expect(form.getByRole("radio", { name: `${PROJECT} only` })).toBeChecked();
  await form.getByText("Which events (none ticked: all of them)").click();
  await form.getByRole("checkbox", { name: "An item is assigned to you" }).check();
  await form.getByRole("checkbox", { name: "A project gains a launch blocker" }).check();
  await form.getByRole("button", { name: "Add destination" }).click();
  const secretField = lead.getByTestId("webhook-secret");
  await expect(secretField).toBeVisible();
  const secret = await secretField.inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{40,}$/);
  await expect(lead.getByText(`Added ${jsonShown}.`)).toBeVisible();
  const json = destinations(lead).getByRole("listitem").filter({ hasText: jsonShown });
  await expect(json).toContainText(`${PROJECT} · An item is assigned to you, A project gains a launch blocker`);
  await expect(json).toContainText(`by ${LEAD.name}`);

  // Shown once: gone after a reload.
  await lead.reload();
  await expect(destinations(lead).getByRole("listitem").filter({ hasText: jsonShown })).toBeVisible();
  await expect(lead.getByTestId("webhook-secret")).toHaveCount(0);
  expect(await lead.content()).not.toContain(secret);

  // Send a test: the receiver gets one signed POST, and the log shows its status code.
  await destinations(lead).getByRole("button", { name: `Send a test to ${jsonShown}` }).click();
  await expect(lead.getByRole("status").filter({ hasText: "The test message was delivered (202)." })).toBeVisible();
  expect(received).toHaveLength(1);
  const [message] = received;
  expect(message.method).toBe("POST");
  expect(message.path).toBe("/hooks/shipshape");
  expect(message.headers["content-type"]).toMatch(/^application\/json/);
  expect(message.headers["shipshape-event"]).toBe("TEST");
  expect(message.headers["shipshape-delivery"]).toBeTruthy();
  const signature = String(message.headers["shipshape-signature"] ?? "");
  expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  expect(signatureValid(signature, message.body, secret)).toBe(true);
  expect(signatureValid(signature, message.body, `${secret}x`)).toBe(false);
  const event = JSON.parse(message.body);
  expect(event).toMatchObject({ type: "TEST", data: { v: 1, kind: "TEST", project: { name: PROJECT }, actor: LEAD.name } });
  const log = lead.getByRole("table", { name: `Last deliveries to ${jsonShown}` });
  await expect(log.getByRole("row").nth(1)).toContainText("Test message");
  await expect(log.getByRole("row").nth(1)).toContainText("202");

  // Slack, for every project: its address is a secret, shown masked from the moment it is saved.
  const slackSecretPart = "T0SHIP001/B0SHAPE02/Zq8sLackS3cretT0ken9876";
  const slackUrl = `${receiverBase}/services/${slackSecretPart}`;
  const masked = `${receiverBase}/…9876`;
  await form.getByLabel("Address").fill(slackUrl);
  await form.getByLabel("Format").selectOption({ label: "Slack (incoming webhook)" });
  await form.getByRole("radio", { name: "Every project of the team" }).check();
  await form.getByRole("button", { name: "Add destination" }).click();
  await expect(form.getByRole("status")).toHaveText(`Added ${masked}.`);
  const slack = destinations(lead).getByRole("listitem").filter({ hasText: masked });
  await expect(slack).toContainText("Slack");
  await expect(slack).toContainText("Every project · every event");
  await expect(form.getByLabel("Address")).toHaveValue("");
  expect(await lead.content()).not.toContain("Zq8sLackS3cretT0ken");
  await expect(lead.locator("body")).not.toContainText("Zq8sLackS3cretT0ken");

  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: "test-results/screenshots/webhooks-settings.png" });

  await lead.reload();
  await expect(destinations(lead).getByRole("listitem")).toHaveCount(2);
  expect(await lead.content()).not.toContain("Zq8sLackS3cretT0ken");

  // Remove both, confirming each.
  lead.on("dialog", (dialog) => void dialog.accept());
  await destinations(lead).getByRole("button", { name: `Remove destination ${jsonShown}` }).click();
  await expect(destinations(lead).getByRole("listitem")).toHaveCount(1);
  await destinations(lead).getByRole("button", { name: `Remove destination ${masked}` }).click();
  await expect(lead.locator("#webhooks").getByText("No destinations yet")).toBeVisible();
  await lead.reload();
  await expect(lead.locator("#webhooks").getByText("No destinations yet")).toBeVisible();
  // Only the test message ever reached the receiver: nothing was delivered to Slack.
  expect(received).toHaveLength(1);
});

test("an engineer cannot add a destination", async () => {
  const response = await engineer.goto(`${projectUrl}/settings`);
  expect(response?.status()).toBe(403);
  await expect(engineer.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(addForm(engineer)).toHaveCount(0);
  await expect(engineer.getByText("Chat and webhooks")).toHaveCount(0);
});

test("a person chooses how often they hear of each kind by e-mail, and the choice is kept", async () => {
  await engineer.goto("/account");
  const card = engineer.getByRole("region", { name: "E-mail notifications" });
  await expect(card.getByRole("heading", { name: "E-mail notifications" })).toBeVisible();
  const mentions = card.getByLabel("Someone mentions you");
  const comments = card.getByLabel("A comment on an item you own");
  // Each kind names its default among the choices.
  await expect(mentions.locator("option:checked")).toHaveText("Immediately (default)");
  await expect(mentions.getByRole("option")).toHaveText(["Immediately (default)", "Daily digest", "Weekly digest", "Off"]);
  await expect(card.getByLabel("A project's launch level rises").locator("option:checked")).toHaveText("Weekly digest (default)");

  await mentions.selectOption({ label: "Off" });
  await comments.selectOption({ label: "Weekly digest" });
  await card.getByRole("button", { name: "Save e-mail settings" }).click();
  await expect(card.getByText("Your e-mail settings are saved.")).toBeVisible();

  await engineer.reload();
  await expect(mentions).toHaveValue("OFF");
  await expect(comments).toHaveValue("WEEKLY");
  await expect(card.getByLabel("An item is assigned to you")).toHaveValue("IMMEDIATE");
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: "test-results/screenshots/email-preferences.png" });
});
