import "server-only";
import { config } from "@/lib/server/kernel/config";

// The client's address as the nearest untrusted hop is seen. The server is
// started with scripts/socket-address.cjs, which appends the socket's peer
// address to X-Forwarded-For, so the chain's last entry is always real.
// TRUSTED_PROXY_HOPS says how many reverse proxies in front of Shipshape
// appended theirs: the address is that many entries before the last, and
// entries a client sent itself (further left) are never used. See ADR 0021.

/**
 * The address `hops` trusted proxies back from the socket in an
 * X-Forwarded-For chain; the socket's own (last) entry when the chain is
 * shorter than configured, so a misconfigured hop count never hands the
 * choice to the client. "unknown" when there is no chain at all.
 */
export function addressFromChain(forwardedFor: string | null, hops: number): string {
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (chain.length === 0) return "unknown";
  const index = chain.length - 1 - hops;
  const address = chain[index >= 0 ? index : chain.length - 1];
  // IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d; one key per client.
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice("::ffff:".length) : address;
}

/** The requesting client's address, for per-address throttles and limits. */
export function clientAddress(headers: Headers): string {
  return addressFromChain(headers.get("x-forwarded-for"), config().TRUSTED_PROXY_HOPS);
}
