// The TLS certificate check: a handshake with the pinned address of the host
// (SNI and the name check use the host name); passes when the chain is trusted
// for the name, the certificate has enough days left and the protocol is new
// enough. No HTTP is spoken, so any TLS port can be checked.
import type net from "node:net";
import tls from "node:tls";
import type { TlsCheckSettings } from "@/lib/schemas/check-settings";
import { RequestFilteringHttpsAgent } from "request-filtering-agent";
import { agentRefusal, allowedFor, CheckFailure, errorCode, pinHost, pinnedLookup, type PinnedTarget } from "@/lib/server/checks/network-guard";
import { networkPolicyFromEnv, type NetworkPolicy } from "@/lib/server/checks/network-policy";
import { timed } from "@/lib/server/checks/outcome";
import type { CheckContext, CheckOutcome } from "@/lib/server/checks/types";

const DAY_MS = 86_400_000;
const PROTOCOL_RANK: Record<string, number> = { SSLv3: 0, TLSv1: 1, "TLSv1.1": 2, "TLSv1.2": 3, "TLSv1.3": 4 };

type Handshake = { certificate: tls.PeerCertificate; authorized: boolean; authorizationError: string | null; protocol: string | null };

/** Runs a TLS check. Never throws for a failing target. */
export function run(settings: TlsCheckSettings, context: CheckContext = {}): Promise<CheckOutcome> {
  return timed(async () => {
    const network = context.network ?? networkPolicyFromEnv();
    const pinned = await pinHost(settings.host, { policy: network, lookup: context.lookup });
    const handshake = await handshakeWith(pinned, network, settings, context);
    const { certificate } = handshake;
    const now = context.now?.() ?? new Date();
    const validTo = new Date(certificate.valid_to);
    const validFrom = new Date(certificate.valid_from);
    const daysLeft = Math.floor((validTo.getTime() - now.getTime()) / DAY_MS);
    const issuer = certificate.issuer?.O ?? certificate.issuer?.CN ?? "unknown issuer";
    const day = validTo.toISOString().slice(0, 10);
    const details = {
      host: pinned.hostname,
      port: settings.port,
      address: pinned.address,
      issuer,
      subject: certificate.subject?.CN ?? null,
      altNames: certificate.subjectaltname ?? null,
      validFrom: validFrom.toISOString(),
      validTo: validTo.toISOString(),
      daysLeft,
      protocol: handshake.protocol,
      authorized: handshake.authorized,
      authorizationError: handshake.authorizationError,
      fingerprint256: certificate.fingerprint256 ?? null,
    };
    const subject = `certificate for ${pinned.hostname}`;
    const protocolOk = (PROTOCOL_RANK[handshake.protocol ?? ""] ?? -1) >= PROTOCOL_RANK[settings.minProtocol];
    let summary: string;
    if (!handshake.authorized) summary = `${subject} is not trusted: ${handshake.authorizationError ?? "unknown reason"}, issuer ${issuer}`;
    else if (validFrom > now) summary = `${subject} is not valid before ${validFrom.toISOString().slice(0, 10)}, issuer ${issuer}`;
    else if (validTo < now) summary = `${subject} expired ${Math.floor((now.getTime() - validTo.getTime()) / DAY_MS)} days ago (${day}), issuer ${issuer}`;
    else if (daysLeft < settings.minDaysLeft) summary = `${subject} expires in ${daysLeft} days (${day}), fewer than ${settings.minDaysLeft}; issuer ${issuer}`;
    else if (!protocolOk) summary = `${pinned.hostname} negotiated ${handshake.protocol ?? "no protocol"}, below ${settings.minProtocol}`;
    else return { passed: true, summary: `${subject} expires in ${daysLeft} days (${day}), issuer ${issuer}, ${handshake.protocol}`, details };
    return { passed: false, summary, details };
  });
}

function handshakeWith(pinned: PinnedTarget, network: NetworkPolicy, settings: TlsCheckSettings, context: CheckContext): Promise<Handshake> {
  const where = `${pinned.hostname}:${settings.port}`;
  return new Promise<Handshake>((resolve, reject) => {
    // request-filtering-agent's connection, as for HTTP: it judges the pinned
    // address again when the socket connects (docs/adr/0028-check-runners-and-network-guard.md).
    const agent = new RequestFilteringHttpsAgent({ allowIPAddressList: allowedFor(network, pinned.family) });
    const options: tls.ConnectionOptions = {
      host: pinned.isIpLiteral ? pinned.address : pinned.hostname,
      lookup: pinnedLookup(pinned),
      port: settings.port,
      servername: pinned.isIpLiteral ? undefined : pinned.hostname,
      ca: context.trustedCertificates,
      // Accept older protocols to report them, and untrusted chains to describe them.
      minVersion: "TLSv1",
      rejectUnauthorized: false,
      checkServerIdentity: (_host, certificate) => tls.checkServerIdentity(pinned.hostname, certificate),
    };
    // The agent's createConnection is https.Agent's, which takes TLS options; its type says net's.
    const socket = agent.createConnection(options as net.TcpNetConnectOpts) as tls.TLSSocket;
    const timer = setTimeout(() => socket.destroy(new CheckFailure(`no TLS handshake with ${where} within ${settings.timeoutMs} ms`)), settings.timeoutMs);
    const cancel = () => socket.destroy(new CheckFailure("cancelled"));
    context.signal?.addEventListener("abort", cancel, { once: true });
    const done = () => {
      clearTimeout(timer);
      context.signal?.removeEventListener("abort", cancel);
    };
    socket.once("secureConnect", () => {
      done();
      const certificate = socket.getPeerCertificate();
      const handshake: Handshake = {
        certificate,
        authorized: socket.authorized,
        authorizationError: socket.authorizationError ? String(socket.authorizationError) : null,
        protocol: socket.getProtocol(),
      };
      socket.end();
      if (!certificate || Object.keys(certificate).length === 0) reject(new CheckFailure(`${where} sent no certificate`));
      else resolve(handshake);
    });
    socket.once("error", (error) => {
      done();
      reject(error instanceof CheckFailure ? error : (agentRefusal(error) ?? new CheckFailure(`TLS handshake with ${where} failed: ${errorCode(error)}`, { error: errorCode(error) })));
    });
  });
}
