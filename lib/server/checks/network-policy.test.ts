import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/server/kernel/config-schema";
import { judgeAddress, parseAllowedNetworks, parseCidr, unmapAddress } from "./network-policy";

const none = parseAllowedNetworks(undefined);

describe("the network policy", () => {
  it("refuses every range that is not public unicast, and says which", () => {
    const refused: Record<string, RegExp> = {
      "127.0.0.1": /loopback/,
      "127.255.0.9": /loopback/,
      "::1": /loopback/,
      "10.0.0.5": /private/,
      "172.16.0.1": /private/,
      "172.31.255.255": /private/,
      "192.168.1.1": /private/,
      "169.254.169.254": /cloud metadata/,
      "169.254.10.1": /link-local/,
      "fd00:ec2::254": /cloud metadata/,
      "100.64.0.1": /carrier-grade NAT/,
      "100.127.255.254": /carrier-grade NAT/,
      "fc00::1": /unique local/,
      "fdff:1234::1": /unique local/,
      "fe80::1": /link-local/,
      "febf::1": /link-local/,
      "224.0.0.1": /multicast/,
      "ff02::1": /multicast/,
      "0.0.0.0": /unspecified/,
      "::": /unspecified/,
      "240.0.0.1": /reserved/,
      "255.255.255.255": /reserved/,
      "198.18.0.1": /benchmarking/,
      "2001:db8::1": /documentation/,
      "64:ff9b::a00:1": /NAT64/,
      "::ffff:127.0.0.1": /loopback/,
      "::ffff:7f00:1": /loopback/,
      "::ffff:10.1.2.3": /private/,
    };
    for (const [address, kind] of Object.entries(refused)) {
      const verdict = judgeAddress(address, none);
      expect(verdict.allowed, address).toBe(false);
      if (!verdict.allowed) {
        expect(verdict.reason, address).toMatch(kind);
        expect(verdict.reason).toMatch(/set CHECKS_ALLOWED_NETWORKS to allow it/);
      }
    }
    // Outside 2000::/3 nothing is global unicast.
    expect(judgeAddress("4000::1", none).allowed).toBe(false);
  });

  it("allows public addresses", () => {
    for (const address of ["8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"]) {
      expect(judgeAddress(address, none).allowed, address).toBe(true);
    }
  });

  it("lets the operator's ranges win, and only those", () => {
    const policy = parseAllowedNetworks(" 127.0.0.0/8, 10.1.0.0/16 ,fd12::/16");
    expect(judgeAddress("127.0.0.1", policy).allowed).toBe(true);
    expect(judgeAddress("::ffff:127.0.0.1", policy)).toMatchObject({ allowed: true, address: "127.0.0.1" });
    expect(judgeAddress("10.1.200.3", policy).allowed).toBe(true);
    expect(judgeAddress("fd12:3::1", policy).allowed).toBe(true);
    expect(judgeAddress("10.2.0.1", policy).allowed).toBe(false);
    expect(judgeAddress("::1", policy).allowed).toBe(false);
    expect(judgeAddress("169.254.169.254", policy).allowed).toBe(false);
  });

  it("stops start-up with the bad entry named", () => {
    for (const bad of ["10.0.0/8", "10.0.0.0/33", "fd00::/129", "example.com", "10.0.0.0/8/1", "10.0.0.0/-1", "10.0.0.0/"]) {
      expect(() => parseAllowedNetworks(`127.0.0.0/8,${bad}`), bad).toThrow(ConfigError);
      try {
        parseAllowedNetworks(bad);
      } catch (error) {
        expect((error as Error).message).toContain(`CHECKS_ALLOWED_NETWORKS "${bad}" is not a network range`);
      }
    }
    expect(parseAllowedNetworks("").allowed).toEqual([]);
    expect(parseCidr("192.168.1.7")).toMatchObject({ prefix: 32, family: 4 });
    expect(parseCidr("::ffff:10.0.0.0/104")).toBeNull();
  });

  it("reads IPv4-mapped IPv6 as the IPv4 address", () => {
    expect(unmapAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(unmapAddress("::FFFF:a00:5")).toBe("10.0.0.5");
    expect(unmapAddress("2001:db8::1")).toBe("2001:db8::1");
  });
});
