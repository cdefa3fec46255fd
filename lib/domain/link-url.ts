// Addresses people type without a scheme ("github.com/acme/app/pull/12",
// "www.example.com/x") are meant as web addresses: they get https:// rather
// than an error. Anything that names a scheme of its own (javascript:,
// data:, ftp:) is left as typed, so the URL rules that follow refuse it.

// A host name of at least two labels whose last is alphabetic ("example.com",
// "ci.example.co.uk"), optionally a port, then the end or a path, query or
// fragment. "localhost:3000" and "javascript:alert(1)" do not look like one.
const BARE_HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9](?::\d{1,5})?(?:[/?#]|$)/i;

// Top-level domains that are also file extensions: "runbook.md" on its own
// is a file name, not a site; "runbook.md/x" or "www.runbook.md" are sites.
const FILE_LIKE = /^[^/?#:]+\.(?:md|sh|py|rs|pl|ps|so|ts|js|json|yml|yaml|txt|zip|sql|log|html|pdf)$/i;

/**
 * `text` with `https://` in front when it is a host name without a scheme,
 * otherwise `text` unchanged (surrounding blanks are the caller's to trim).
 * Pure: it never decides whether the result is acceptable.
 */
export function withAssumedScheme(text: string): string {
  if (!BARE_HOST.test(text)) return text;
  if (FILE_LIKE.test(text) && !/^www\./i.test(text)) return text;
  return `https://${text}`;
}
