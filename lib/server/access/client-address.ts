import "server-only";
import { config } from "@/lib/server/kernel/config";

// The client's address as seen by the outermost trusted hop. Next appends the
// socket address to X-Forwarded-For; TRUSTED_PROXY_HOPS says how many reverse
// proxies in front of Shipshape appended theirs, so spoofed entries a client
// sends itself are never used.
export function clientAddress(headers: Headers): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const index = chain.length - 1 - config().TRUSTED_PROXY_HOPS;
  return chain[Math.max(0, index)] ?? "unknown";
}
