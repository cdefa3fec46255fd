import { describe, expect, it } from "vitest";
import { afterFailure, judgeAttempt, retryDelayMs, signatureHeader, verifySignature, webhookMessage, type WebhookEvent } from "./webhook-formats";
import { maskedWebhookUrl } from "./webhook-destinations";

const event: WebhookEvent = {
  id: "ev1",
  createdAt: "2026-11-30T00:00:00.000Z",
  payload: { v: 1, kind: "LEVEL_LOWERED", summary: "Checkout fell to level 1", project: { id: "p1", name: "Checkout" }, item: null, actor: "Shipshape", details: { level: 1 } },
};

describe("webhook formats", () => {
  it("links back to the project, and signs JSON with the documented header", () => {
    const slack = JSON.parse(webhookMessage("SLACK", event, { appUrl: "https://app.test", deliveryId: "d1", now: new Date() }).body);
    expect(slack.blocks[1].elements[0].url).toBe("https://app.test/projects/p1");
    const now = new Date("2026-11-30T00:00:10Z");
    const t = now.getTime() / 1000;
    const json = webhookMessage("JSON", event, { appUrl: "https://app.test", deliveryId: "d1", secret: "whsec_x", now });
    expect(JSON.parse(json.body)).toEqual({ id: "ev1", type: "LEVEL_LOWERED", createdAt: event.createdAt, data: event.payload });
    expect(json.headers["shipshape-signature"]).toBe(signatureHeader("whsec_x", t, json.body));
    expect(verifySignature("whsec_x", json.headers["shipshape-signature"], json.body, t + 300)).toBe(true);
    expect(verifySignature("whsec_x", json.headers["shipshape-signature"], json.body, t - 301)).toBe(false);
    expect(verifySignature("whsec_x", "t=t,v1=zz", json.body, t)).toBe(false);
    expect(() => webhookMessage("JSON", event, { appUrl: "https://app.test", deliveryId: "d1", now })).toThrow(/secret/);
  });

  it("retries network errors, 5xx and 429 with a doubling wait for a day, and fails other 4xx at once", () => {
    expect([null, 200, 204, 301, 400, 404, 429, 500, 503].map(judgeAttempt)).toEqual(["retry", "succeeded", "succeeded", "failed", "failed", "failed", "retry", "retry", "retry"]);
    expect([1, 2, 3, 7, 20].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 3_600_000, 3_600_000]);
    const first = new Date("2026-11-30T00:00:00Z");
    expect(afterFailure("retry", 1, first, first)).toEqual({ retry: true, nextAttemptAt: new Date("2026-11-30T00:01:00Z") });
    expect(afterFailure("retry", 30, first, new Date("2026-11-30T23:30:00Z"))).toEqual({ retry: false });
    expect(afterFailure("failed", 1, first, first)).toEqual({ retry: false });
  });

  it("masks an address to its origin and last four characters", () => {
    expect(maskedWebhookUrl("https://hooks.slack.com/services/T0/B0/abcdWXYZ")).toBe("https://hooks.slack.com/…WXYZ");
    expect(maskedWebhookUrl("https://ci.example.com/")).toBe("https://ci.example.com");
  });
});
