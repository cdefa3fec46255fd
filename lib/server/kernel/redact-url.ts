// Share-link and invitation tokens are bearer secrets: whoever reads one from
// a log can open the share or join the team. Request logs keep the shape of
// the URL and drop the secrets, wherever they sit: in the path
// (/share/<token>, /invite/<token>, /reset-password/<token>), in a query
// parameter named like a secret,
// or inside another parameter's value (sign-in's `next=/invite/<token>`).

const REDACTED = "[redacted]";
const SECRET_SEGMENT = /(\/(?:share|invite|reset-password)\/)[^/?#]+/gi;
const SECRET_PARAMETER = /^(token|secret|key|code|signature|sig|password|api[_-]?key|access[_-]?token)$/i;

function redactPath(path: string): string {
  let decoded = path;
  try {
    // "/%73hare/<token>" is routed as "/share/<token>".
    decoded = decodeURI(path);
  } catch {
    // Malformed escapes: redact the raw text.
  }
  return decoded.replace(SECRET_SEGMENT, `$1${REDACTED}`);
}

/**
 * The path and query of `url` (a URL, or a path with an optional query) with
 * every secret replaced by "[redacted]"; the fragment is dropped. Never throws.
 */
export function redactUrlSecrets(url: URL | string): string {
  let parsed: URL;
  try {
    parsed = typeof url === "string" ? new URL(url, "http://log.invalid") : url;
  } catch {
    return REDACTED;
  }
  const query = [...parsed.searchParams].map(([name, value]) => {
    const safe = SECRET_PARAMETER.test(name) ? REDACTED : redactPath(value);
    return `${encodeURIComponent(name)}=${encodeURIComponent(safe).replaceAll("%2F", "/").replaceAll("%5B", "[").replaceAll("%5D", "]")}`;
  });
  return `${redactPath(parsed.pathname)}${query.length > 0 ? `?${query.join("&")}` : ""}`;
}
