// A loopback TCP proxy in front of a real PostgreSQL that a test can break on
// purpose: "freeze" stops forwarding bytes in both directions but keeps every
// socket open (a hung host, a full network queue, a stopped VM: the client
// waits with no error); "cut" destroys the open connections and refuses new
// ones (a database that is down); "restore" forwards again, and whatever was
// held while frozen is delivered.
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { once } from "node:events";

export type FreezableProxy = {
  /** The port the proxy listens on, on 127.0.0.1. */
  port: number;
  /** `url` with its host and port replaced by the proxy's. */
  through(url: string): string;
  freeze(): void;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
};

// Bytes read while frozen wait in `held`, per direction, and go out in order
// on restore.
type Pair = { client: Socket; upstream: Socket; held: { toUpstream: Buffer[]; toClient: Buffer[] } };

export async function startFreezableProxy(target: { host: string; port: number }): Promise<FreezableProxy> {
  let mode: "open" | "frozen" | "cut" = "open";
  const pairs = new Set<Pair>();

  const server: Server = createServer((client) => {
    if (mode === "cut") return void client.destroy();
    const upstream = createConnection(target);
    const pair: Pair = { client, upstream, held: { toUpstream: [], toClient: [] } };
    pairs.add(pair);
    client.on("data", (chunk) => (mode === "frozen" ? pair.held.toUpstream.push(chunk) : upstream.write(chunk)));
    upstream.on("data", (chunk) => (mode === "frozen" ? pair.held.toClient.push(chunk) : client.write(chunk)));
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };

  return {
    port,
    through(url) {
      const proxied = new URL(url);
      proxied.hostname = "127.0.0.1";
      proxied.port = String(port);
      return proxied.toString();
    },
    freeze() {
      mode = "frozen";
    },
    cut() {
      mode = "cut";
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      pairs.clear();
    },
    restore() {
      mode = "open";
      for (const { client, upstream, held } of pairs) {
        for (const chunk of held.toUpstream.splice(0)) upstream.write(chunk);
        for (const chunk of held.toClient.splice(0)) client.write(chunk);
      }
    },
    async close() {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
