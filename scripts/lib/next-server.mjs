// How every production server of Shipshape is started: `next start` with the
// server preload (scripts/server-preload.cjs: the client's socket address,
// request metrics, malformed server-action requests). The start script, the
// e2e servers, the bench and the oldest-Node check all take their arguments
// from here, so none of them runs a server the others would not.
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Node's arguments for the production server on `port` (bound to `hostname` when given). */
export function nextStartArgs(port, hostname) {
  return [
    "--require",
    path.join(root, "scripts/server-preload.cjs"),
    path.join(root, "node_modules/next/dist/bin/next"),
    "start",
    "-p",
    String(port),
    ...(hostname ? ["-H", hostname] : []),
  ];
}
