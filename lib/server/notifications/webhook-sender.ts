import "server-only";
import { DELIVERY_TIMEOUT_MS, judgeAttempt, responseExcerpt, type AttemptVerdict, type WebhookMessage } from "@/lib/domain/notifications/webhook-formats";
import { CheckFailure, guardedRequest, NetworkRefusal, pinHost } from "@/lib/server/checks/network-guard";
import { networkPolicyFromEnv, type NetworkPolicy } from "@/lib/server/checks/network-policy";
import type { LookupFunction } from "@/lib/server/checks/resolvers";

// One POST to a chat or webhook destination, through the same SSRF guard as
// the automated checks (docs/adr/0028-check-runners-and-network-guard.md):
// the host is looked up and judged at every delivery, since its DNS may have
// changed since it was added. Public receivers are reached over https only;
// plain http only to a network the operator allows (CHECKS_ALLOWED_NETWORKS),
// such as an internal relay, or loopback in tests.

/** What a delivery may be given; every field defaults to the real thing. Tests allow loopback with `network`. */
export type WebhookContext = {
  /** Addresses destinations may be reached at; default from CHECKS_ALLOWED_NETWORKS. */
  network?: NetworkPolicy;
  /** Name → addresses (default: the system resolver). */
  lookup?: LookupFunction;
  now?: () => Date;
  /** The app's address for links back (default APP_URL). */
  appUrl?: string;
};

const USER_AGENT = "Shipshape-Webhook/1";

/**
 * Whether `url` may receive messages now: its host resolves to an address
 * the policy allows, and it is https unless that address is in a network the
 * operator allowed. Returns the reason it may not, in words, or null.
 */
export async function refusalOf(url: string, context: WebhookContext = {}): Promise<string | null> {
  const policy = context.network ?? networkPolicyFromEnv();
  const parsed = new URL(url);
  try {
    const pinned = await pinHost(parsed.hostname, { policy, lookup: context.lookup });
    const explicitlyAllowed = policy.blockList.check(pinned.address, pinned.family === 4 ? "ipv4" : "ipv6");
    if (parsed.protocol !== "https:" && !explicitlyAllowed) return "Use an https:// address: messages carry the team's events.";
    return null;
  } catch (error) {
    if (error instanceof NetworkRefusal) return `This address cannot receive messages: ${error.message.replace(/^refused: /, "")}.`;
    if (error instanceof CheckFailure) return `This address cannot be reached: ${error.message}.`;
    throw error;
  }
}

/** How one attempt went. `status` null: no answer (refused, network error, timeout). */
export type AttemptResult = { verdict: AttemptVerdict; status: number | null; response: string | null; error: string | null };

/** POSTs `message` to `url`, within DELIVERY_TIMEOUT_MS, following no redirect. Never throws for the receiver's failures. */
export async function postWebhook(url: string, message: WebhookMessage, context: WebhookContext = {}): Promise<AttemptResult> {
  const refusal = await refusalOf(url, context);
  // A refused address will not be allowed a minute later unless DNS changes: failed, not retried.
  if (refusal) return { verdict: "failed", status: null, response: null, error: refusal };
  try {
    const response = await guardedRequest(url, {
      method: "POST",
      headers: { ...message.headers, "user-agent": USER_AGENT },
      body: Buffer.from(message.body, "utf8"),
      timeoutMs: DELIVERY_TIMEOUT_MS,
      maxBytes: 4096,
      maxRedirects: 0,
      policy: context.network ?? networkPolicyFromEnv(),
      lookup: context.lookup,
    });
    return { verdict: judgeAttempt(response.status), status: response.status, response: responseExcerpt(response.body.toString("utf8")), error: null };
  } catch (error) {
    if (error instanceof NetworkRefusal) return { verdict: "failed", status: null, response: null, error: error.message };
    if (error instanceof CheckFailure) {
      // A redirect is the receiver's answer, not a network error: a destination must be its own address.
      if (Array.isArray(error.details.redirects)) return { verdict: "failed", status: null, response: null, error: "The receiver redirected; give its final address." };
      return { verdict: "retry", status: null, response: null, error: error.message };
    }
    throw error;
  }
}
