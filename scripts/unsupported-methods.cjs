// Loaded into the server process by scripts/server-preload.cjs.
//
// A TRACE request makes Next fail before any code of ours runs: its proxy
// adapter builds a WHATWG Request, which refuses the method, and the client
// gets a 500 (with a stack trace in the log) for every page and API path.
// Shipshape serves no TRACE (it would echo the request, cookies included),
// so it is answered 405 here and Next never sees it.
const { answerFirst } = require("./every-request.cjs");

// Methods Node's HTTP parser accepts that a WHATWG Request refuses (CONNECT
// never reaches "request": Node hands it to the "connect" event).
const REFUSED = new Set(["TRACE", "TRACK"]);
const MESSAGE = "This server does not answer TRACE requests.\n";

/** Answers 405 to a method Next cannot handle; true when it did. */
function refuseUnsupportedMethod(request, response) {
  if (!REFUSED.has(request.method)) return false;
  // The body a client may send is read and dropped, so the connection stays usable.
  request.resume();
  response.writeHead(405, {
    allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(MESSAGE),
  });
  response.end(MESSAGE);
  return true;
}

answerFirst("unsupported-methods", refuseUnsupportedMethod);

module.exports = { refuseUnsupportedMethod };
