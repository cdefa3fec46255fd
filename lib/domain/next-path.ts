// Where to go after signing in: only a path on this site, never another
// origin (an open redirect would turn the sign-in page into a phishing aid).
export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
