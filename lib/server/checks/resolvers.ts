// The two kinds of name resolution checks use, as functions a caller (a test)
// can replace: `lookup` for the address to connect to, `DnsResolver` for the
// records a DNS check reads. The defaults use the system's resolver.
import dns from "node:dns";

export type ResolvedAddress = { address: string; family: 4 | 6 };

/** A host name → its addresses, in the order the resolver gives them. */
export type LookupFunction = (hostname: string) => Promise<ResolvedAddress[]>;

/** Records of one type for a name, each as one line of text ("10 mail.example.com." for MX). */
export type DnsResolver = (name: string, type: DnsRecordType, timeoutMs: number) => Promise<string[]>;

export type DnsRecordType = "A" | "AAAA" | "CNAME" | "MX" | "TXT" | "NS" | "CAA";

/** The system's resolver (getaddrinfo, so /etc/hosts counts), every address. */
export const systemLookup: LookupFunction = async (hostname) => {
  const answers = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return answers.map((answer) => ({ address: answer.address, family: answer.family === 6 ? 6 : 4 }));
};

/** Queries the configured DNS servers (node:dns Resolver), one try per server, within the timeout. */
export const systemDnsResolver: DnsResolver = async (name, type, timeoutMs) => {
  const resolver = new dns.promises.Resolver({ timeout: timeoutMs, tries: 1 });
  switch (type) {
    case "A":
      return resolver.resolve4(name);
    case "AAAA":
      return resolver.resolve6(name);
    case "CNAME":
      return resolver.resolveCname(name);
    case "NS":
      return resolver.resolveNs(name);
    case "MX":
      return (await resolver.resolveMx(name)).map((record) => `${record.priority} ${record.exchange}`);
    case "TXT":
      return (await resolver.resolveTxt(name)).map((chunks) => chunks.join(""));
    case "CAA":
      return (await resolver.resolveCaa(name)).map((record) => {
        const [tag, value] = Object.entries(record).find(([key]) => key !== "critical") ?? ["", ""];
        return `${record.critical} ${tag} "${String(value)}"`;
      });
  }
};
