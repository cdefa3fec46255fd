// Which addresses a check may connect to (docs/adr/0028-check-runners-and-network-guard.md).
// Anything that is not a public unicast address is refused — loopback,
// private, link-local, shared (CGNAT), multicast, reserved and the cloud
// metadata endpoints — unless the operator allows a range with
// CHECKS_ALLOWED_NETWORKS. A check's target is chosen by a team lead, not by
// the operator, so without this a check could read the instance's own admin
// ports, the database or the cloud's credentials endpoint.
import net from "node:net";
import { ConfigError } from "@/lib/server/kernel/config-schema";

export const ALLOWED_NETWORKS_VARIABLE = "CHECKS_ALLOWED_NETWORKS";

/** A range in CIDR notation, normalised. */
export type Cidr = { address: string; prefix: number; family: 4 | 6; text: string };

export type NetworkPolicy = { allowed: readonly Cidr[]; blockList: net.BlockList };

type Range = { cidr: string; kind: string };

// Checked in order: the first that holds the address names it.
const IPV4_REFUSED: Range[] = [
  { cidr: "169.254.169.254/32", kind: "a cloud metadata address" },
  { cidr: "0.0.0.0/8", kind: "an unspecified (this-network) address" },
  { cidr: "127.0.0.0/8", kind: "a loopback address" },
  { cidr: "10.0.0.0/8", kind: "a private address" },
  { cidr: "172.16.0.0/12", kind: "a private address" },
  { cidr: "192.168.0.0/16", kind: "a private address" },
  { cidr: "169.254.0.0/16", kind: "a link-local address" },
  { cidr: "100.64.0.0/10", kind: "a shared (carrier-grade NAT) address" },
  { cidr: "224.0.0.0/4", kind: "a multicast address" },
  { cidr: "192.0.0.0/24", kind: "a reserved address" },
  { cidr: "192.0.2.0/24", kind: "a reserved (documentation) address" },
  { cidr: "198.51.100.0/24", kind: "a reserved (documentation) address" },
  { cidr: "203.0.113.0/24", kind: "a reserved (documentation) address" },
  { cidr: "192.88.99.0/24", kind: "a reserved address" },
  { cidr: "198.18.0.0/15", kind: "a reserved (benchmarking) address" },
  { cidr: "240.0.0.0/4", kind: "a reserved address" },
];

const IPV6_REFUSED: Range[] = [
  { cidr: "fd00:ec2::254/128", kind: "a cloud metadata address" },
  { cidr: "::/128", kind: "an unspecified address" },
  { cidr: "::1/128", kind: "a loopback address" },
  { cidr: "fc00::/7", kind: "a private (unique local) address" },
  { cidr: "fe80::/10", kind: "a link-local address" },
  { cidr: "ff00::/8", kind: "a multicast address" },
  // Inside the global unicast block, ranges that embed IPv4 addresses or are
  // not routed: NAT64, Teredo and other IETF assignments, documentation, 6to4.
  { cidr: "64:ff9b::/96", kind: "a reserved (NAT64) address" },
  { cidr: "2001::/23", kind: "a reserved address" },
  { cidr: "2001:db8::/32", kind: "a reserved (documentation) address" },
  { cidr: "2002::/16", kind: "a reserved (6to4) address" },
];

const list = (ranges: Range[], family: "ipv4" | "ipv6") =>
  ranges.map((range) => {
    const [address, prefix] = range.cidr.split("/");
    const blockList = new net.BlockList();
    blockList.addSubnet(address, Number(prefix), family);
    return { ...range, blockList };
  });
const REFUSED = { 4: list(IPV4_REFUSED, "ipv4"), 6: list(IPV6_REFUSED, "ipv6") };
const GLOBAL_UNICAST_V6 = new net.BlockList();
GLOBAL_UNICAST_V6.addSubnet("2000::", 3, "ipv6");

/**
 * An IPv4 address written as IPv6 (`::ffff:127.0.0.1`) reaches the IPv4
 * host: it is judged, and connected to, as that IPv4 address.
 */
export function unmapAddress(address: string): string {
  const match = /^::ffff:(?:0:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (match) return match[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const high = parseInt(hex[1], 16);
    const low = parseInt(hex[2], 16);
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  return address;
}

/** Parses one range, "10.0.0.0/8" or "fd00::/8" (a bare address is a /32 or /128); null when it is none. */
export function parseCidr(text: string): Cidr | null {
  const [rawAddress, rawPrefix, ...rest] = text.trim().split("/");
  if (rest.length > 0) return null;
  const address = unmapAddress(rawAddress);
  const family = net.isIP(address);
  if (family !== 4 && family !== 6) return null;
  const max = family === 4 ? 32 : 128;
  if (rawPrefix !== undefined && !/^\d{1,3}$/.test(rawPrefix)) return null;
  const prefix = rawPrefix === undefined ? max : Number(rawPrefix);
  if (prefix > max) return null;
  return { address, prefix, family, text: `${address}/${prefix}` };
}

/** A policy from a list of ranges (the parsed value of CHECKS_ALLOWED_NETWORKS). */
export function networkPolicyOf(allowed: readonly Cidr[]): NetworkPolicy {
  const blockList = new net.BlockList();
  for (const cidr of allowed) blockList.addSubnet(cidr.address, cidr.prefix, cidr.family === 4 ? "ipv4" : "ipv6");
  return { allowed, blockList };
}

/**
 * Parses CHECKS_ALLOWED_NETWORKS: comma-separated CIDR ranges, empty for none.
 * Throws a ConfigError naming the bad entry, so the server refuses to start.
 */
export function parseAllowedNetworks(value: string | undefined): NetworkPolicy {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const problems: string[] = [];
  const allowed: Cidr[] = [];
  for (const entry of entries) {
    const cidr = parseCidr(entry);
    if (cidr) allowed.push(cidr);
    else problems.push(`${ALLOWED_NETWORKS_VARIABLE} "${entry}" is not a network range: use CIDR notation such as 10.0.0.0/8 or fd00::/8, separated by commas`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return networkPolicyOf(allowed);
}

let fromEnvironment: NetworkPolicy | undefined;

/** The operator's policy, read from the environment once. Call at start-up to fail early. */
export function networkPolicyFromEnv(): NetworkPolicy {
  fromEnvironment ??= parseAllowedNetworks(process.env[ALLOWED_NETWORKS_VARIABLE]);
  return fromEnvironment;
}

export type AddressVerdict =
  | { allowed: true; address: string; family: 4 | 6 }
  /** `kind` such as "a private address"; `reason` the whole sentence. */
  | { allowed: false; address: string; family: 4 | 6 | 0; kind: string; reason: string };

/**
 * Whether a check may connect to an IP address, and if not, why, in words a
 * lead can act on. The operator's ranges win over every refusal.
 */
export function judgeAddress(rawAddress: string, policy: NetworkPolicy): AddressVerdict {
  const address = unmapAddress(rawAddress);
  const family = net.isIP(address);
  if (family !== 4 && family !== 6) return { allowed: false, address, family: 0, kind: "not an IP address", reason: `${rawAddress} is not an IP address` };
  if (policy.blockList.check(address, family === 4 ? "ipv4" : "ipv6")) return { allowed: true, address, family };
  const hit = REFUSED[family].find((range) => range.blockList.check(address, family === 4 ? "ipv4" : "ipv6"));
  const kind = hit?.kind ?? (family === 6 && !GLOBAL_UNICAST_V6.check(address, "ipv6") ? "a reserved address" : null);
  if (kind === null) return { allowed: true, address, family };
  return { allowed: false, address, family, kind, reason: `${address} is ${kind} (set ${ALLOWED_NETWORKS_VARIABLE} to allow it)` };
}
