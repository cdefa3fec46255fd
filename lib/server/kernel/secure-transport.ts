import "server-only";
import { config } from "@/lib/server/kernel/config";

// Whether this request reached Shipshape over HTTPS, which decides whether
// its cookies are `Secure`. A browser drops a Secure cookie set over plain
// HTTP (except on localhost), so marking cookies Secure merely because
// NODE_ENV is production broke sign-in for plain-HTTP installs on a LAN.
// HTTPS is known from APP_URL, or per request from X-Forwarded-Proto, which
// only a trusted proxy (TRUSTED_PROXY_HOPS > 0) may set. See ADR 0021.

/**
 * Pure form of `reachedOverHttps`: true when `appUrl` is https://, or when
 * there are trusted proxies and the outermost one says the client used https.
 */
export function isHttps(appUrl: string, trustedProxyHops: number, forwardedProto: string | null): boolean {
  if (appUrl.startsWith("https://")) return true;
  if (trustedProxyHops === 0) return false;
  const outermost = (forwardedProto ?? "").split(",")[0]?.trim().toLowerCase();
  return outermost === "https";
}

/** Whether the request behind `headers` came over HTTPS (cookies are then Secure). */
export function reachedOverHttps(headers: Headers): boolean {
  const { APP_URL, TRUSTED_PROXY_HOPS } = config();
  return isHttps(APP_URL, TRUSTED_PROXY_HOPS, headers.get("x-forwarded-proto"));
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

/**
 * Why a sign-in from the page at `origin` (the browser's Origin header) could
 * not keep its session when cookies are Secure: the browser is on plain HTTP
 * at an address other than localhost, so it would drop the cookie. Null when
 * the cookie will stick.
 */
export function plainHttpSignInProblem(secureCookies: boolean, origin: string | null, appUrl: string): string | null {
  if (!secureCookies || !origin) return null;
  let page: URL;
  try {
    page = new URL(origin);
  } catch {
    return null;
  }
  if (page.protocol !== "http:" || LOOPBACK.test(page.hostname)) return null;
  return `This Shipshape keeps you signed in only over HTTPS (its address is ${appUrl}). Open it at ${appUrl} to sign in, or ask your admin to set APP_URL to the http:// address you use.`;
}
