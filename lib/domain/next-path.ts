// Where to go after signing in: only a path on this site, never another
// origin (an open redirect would turn the sign-in page into a phishing aid).
//
// The value is read the way a browser will read it: the URL parser drops
// tabs and newlines anywhere, trims leading and trailing control characters
// and spaces, and treats `\` as `/`, so "/\t/evil.example" is "//evil.example"
// to it. Checking the raw string misses those; checking the parsed URL's
// origin does not. The parsed path is returned rather than the raw value, so
// the browser is handed exactly what was checked.
const BASE = "http://shipshape.invalid";

export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" normalises to the path "//evil.example", which a
  // browser would read as another host; such a path is never a page here.
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  return path;
}
