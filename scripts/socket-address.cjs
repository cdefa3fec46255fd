// Loaded with `node --require` in front of `next start` and the standalone
// server (see docs/adr/0021-client-address-and-secure-cookies.md).
//
// Next hands route handlers no socket address: it only fills in
// X-Forwarded-For when the request has none, so a client that sends its own
// header decides the address Shipshape sees. Here every HTTP server this
// process creates appends the socket's peer address to X-Forwarded-For before
// Next reads the request, as a reverse proxy would; the last entry is then
// always the real peer, and lib/server/access/client-address.ts counts
// TRUSTED_PROXY_HOPS back from it.
const { onEveryRequest } = require("./every-request.cjs");

/** Appends the peer address of `request`'s socket to its X-Forwarded-For header. */
function stampSocketAddress(request) {
  const peer = request.socket && request.socket.remoteAddress;
  const sent = request.headers["x-forwarded-for"];
  const chain = (Array.isArray(sent) ? sent.join(",") : sent || "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  chain.push(peer || "unknown");
  request.headers["x-forwarded-for"] = chain.join(", ");
}

onEveryRequest("socket-address", stampSocketAddress);

module.exports = { stampSocketAddress };
