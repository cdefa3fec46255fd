// Bench only: loaded into the server the bench starts (with --expose-gc), so
// that the bench can ask for a full garbage collection (SIGUSR2) before it
// reads the heap in use. Memory still in use after one is live; memory that
// only has not been collected yet is not a leak.
// On the same signal, with BENCH_SQL_COUNT_FILE set, it writes the number of
// SQL statements the server has sent so far (lib/server/kernel/db.ts keeps the
// counter on globalThis) to that file: the bench reads it before and after a
// request to count that request's statements.
const { writeFileSync } = require("node:fs");

process.on("SIGUSR2", () => {
  if (typeof global.gc === "function") global.gc();
  const file = process.env.BENCH_SQL_COUNT_FILE;
  if (file) writeFileSync(file, String(globalThis.shipshapeSqlStatements?.count ?? 0));
});
