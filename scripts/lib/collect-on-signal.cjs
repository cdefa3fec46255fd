// Bench only: loaded into the server the bench starts (with --expose-gc), so
// that the bench can ask for a full garbage collection (SIGUSR2) before it
// reads the heap in use. Memory still in use after one is live; memory that
// only has not been collected yet is not a leak.
process.on("SIGUSR2", () => {
  if (typeof global.gc === "function") global.gc();
});
