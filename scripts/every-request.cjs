// The one way the server preloads (scripts/server-preload.cjs) see requests:
// every HTTP(S) server this process creates calls each `listener` first,
// before the framework's own listener, whichever way that is attached; then
// each `answer`, which may answer a request the framework must never see.
// Idempotent per name, so loading a preload twice never doubles its work.
const http = require("node:http");
const https = require("node:https");

// Module state: both lists are read per request, so a preload loaded after a
// server was created still takes part.
const listeners = new Map();
const answerers = new Map();

/** Runs the listeners, then the answerers; the framework's listeners only if no answerer answered. */
function dispatch(emit) {
  return function (event, ...args) {
    if (event !== "request") return emit.call(this, event, ...args);
    const [request, response] = args;
    for (const listener of listeners.values()) listener(request, response);
    for (const answer of answerers.values()) if (answer(request, response)) return true;
    return emit.call(this, event, ...args);
  };
}

function hookServers() {
  for (const protocol of [http, https]) {
    const createServer = protocol.createServer;
    if (createServer.shipshapeHooked) continue;
    const wrapped = function (...args) {
      const server = createServer.apply(this, args);
      server.emit = dispatch(server.emit);
      return server;
    };
    wrapped.shipshapeHooked = true;
    protocol.createServer = wrapped;
  }
}

/** Calls `listener(request, response)` for every request of every server, before the framework does. */
function onEveryRequest(name, listener) {
  hookServers();
  if (!listeners.has(name)) listeners.set(name, listener);
}

/**
 * Lets `answer(request, response)` answer a request itself: when it returns
 * true it has answered (or will), and the framework never sees the request.
 * The listeners of onEveryRequest still see it.
 */
function answerFirst(name, answer) {
  hookServers();
  if (!answerers.has(name)) answerers.set(name, answer);
}

module.exports = { onEveryRequest, answerFirst };
