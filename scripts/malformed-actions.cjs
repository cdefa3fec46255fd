// Loaded into the server process by scripts/server-preload.cjs (the
// `--require` preload of every production start-up).
//
// Next answers 500 when it cannot read a server action's arguments: a known
// action id with a body that is not a React reply (`[`, random bytes), or a
// body that breaks the size limit while it streams. Its own handler leaves
// that as a TODO. Here every request that calls an action carries a mark in
// an AsyncLocalStorage; Shipshape's action wrapper
// (lib/server/actions/define-action.ts) sets `started` when the action's own
// code begins. A 500 on such a request before that moment can only be Next
// failing to decode what the client sent, so the response becomes a 400 that
// says so. A 500 after the action started is left alone: that is a fault of
// ours and must stay visible.
const { AsyncLocalStorage } = require("node:async_hooks");
const { ServerResponse } = require("node:http");
const { onEveryRequest } = require("./every-request.cjs");

const REQUEST_MARKS = Symbol.for("shipshape.action-request");
const marks = (globalThis[REQUEST_MARKS] ??= new AsyncLocalStorage());

const MESSAGE = "The request is malformed: the server action's arguments could not be read. Reload the page and try again.\n";

// The requests Next treats as server actions; lib/security/malformed-request.ts
// (isActionRequest) holds the same rule for the proxy. Only pages run actions:
// under /api/ a route handler answers whatever the headers say, and never
// marks an action started, so a 500 there is always ours and stays one.
function callsAction(request) {
  if (request.method !== "POST" || String(request.url).startsWith("/api/")) return false;
  if (request.headers["next-action"]) return true;
  return String(request.headers["content-type"] || "").toLowerCase().startsWith("multipart/form-data");
}

/** Marks `request` when it calls a server action, and rewrites a 500 that Next gives before the action starts. */
function guardActionRequest(request, response) {
  if (!callsAction(request)) return;
  const mark = { started: false };
  // Every listener after this one, and everything they start, sees the mark.
  marks.enterWith(mark);
  const writeHead = response.writeHead;
  response.writeHead = function (statusCode, ...rest) {
    if (statusCode !== 500 || mark.started) return writeHead.call(this, statusCode, ...rest);
    // Next's own 500 body (an RSC error payload) is dropped and ours sent
    // through the plain response methods, past any compression wrapper.
    for (const name of this.getHeaderNames()) this.removeHeader(name);
    ServerResponse.prototype.writeHead.call(this, 400, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(MESSAGE) });
    ServerResponse.prototype.end.call(this, MESSAGE);
    this.write = () => true;
    this.end = function (...args) {
      const callback = args.find((arg) => typeof arg === "function");
      if (callback) process.nextTick(callback);
      return this;
    };
    return this;
  };
}

onEveryRequest("malformed-actions", guardActionRequest);

module.exports = { guardActionRequest };
