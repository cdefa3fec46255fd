// Preloaded into Prisma CLI processes (NODE_OPTIONS=--require). The WebAssembly
// schema engine leaves 10 s and 60 s timers running after its work is done,
// which keeps the CLI alive for up to a minute; unref'ing long timers lets the
// process exit as soon as the work is finished.
const timers = require("node:timers");
const LONG_TIMER_MS = 5_000;

function unrefLong(original) {
  return function (callback, ms, ...args) {
    const timer = original.call(this, callback, ms, ...args);
    if (typeof ms === "number" && ms >= LONG_TIMER_MS && timer && typeof timer.unref === "function") timer.unref();
    return timer;
  };
}

for (const name of ["setTimeout", "setInterval"]) {
  const patched = unrefLong(timers[name]);
  timers[name] = patched;
  globalThis[name] = patched;
}
