// The one way the server preloads (scripts/server-preload.cjs) see requests:
// every HTTP(S) server this process creates calls `listener` first, before
// the framework's own listener, whichever way that is attached. Idempotent
// per name, so loading a preload twice never doubles its work.
const http = require("node:http");
const https = require("node:https");

/** Prepends `listener(request, response)` to the "request" event of every server created from now on. */
function onEveryRequest(name, listener) {
  for (const protocol of [http, https]) {
    const createServer = protocol.createServer;
    const seen = createServer.shipshapeListeners ?? [];
    if (seen.includes(name)) continue;
    const wrapped = function (...args) {
      const server = createServer.apply(this, args);
      server.prependListener("request", listener);
      return server;
    };
    wrapped.shipshapeListeners = [...seen, name];
    protocol.createServer = wrapped;
  }
}

module.exports = { onEveryRequest };
