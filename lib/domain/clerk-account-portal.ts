// Where a person manages their Clerk name and password: the instance's
// Account Portal, found from the Frontend API host that the publishable key
// encodes (pk_live_<base64 of "clerk.example.com$"> → production portal
// https://accounts.example.com/user; a development instance's
// name.clerk.accounts.dev → https://name.accounts.dev/user). undefined when
// the key is missing or names neither shape of host.
export function clerkAccountPortal(publishableKey: string | undefined): string | undefined {
  const match = publishableKey?.match(/^pk_(?:test|live)_(.+)$/);
  if (!match) return undefined;
  let host: string;
  try {
    host = atob(match[1]).replace(/\$$/, "");
  } catch {
    return undefined;
  }
  if (!/^[a-z0-9.-]+$/i.test(host)) return undefined;
  if (host.endsWith(".clerk.accounts.dev")) return `https://${host.replace(/\.clerk\.accounts\.dev$/, ".accounts.dev")}/user`;
  if (host.startsWith("clerk.")) return `https://accounts.${host.slice("clerk.".length)}/user`;
  return undefined;
}
