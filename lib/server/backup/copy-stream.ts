// A pass-through that hashes and counts what a table's COPY stream carries.
import { createHash } from "node:crypto";
import { Transform } from "node:stream";

const NEWLINE = 0x0a;

/**
 * Counts rows and bytes and computes the SHA-256 of the data flowing
 * through. In COPY's text format every row ends in a newline and newlines
 * inside values are escaped (`\n`), so rows = newlines.
 */
export function tally() {
  const hash = createHash("sha256");
  const totals = { rows: 0, bytes: 0, sha256: "" };
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      totals.bytes += chunk.length;
      for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) totals.rows += 1;
      done(null, chunk);
    },
    flush(done) {
      totals.sha256 = hash.digest("hex");
      done();
    },
  });
  return { stream, totals };
}
