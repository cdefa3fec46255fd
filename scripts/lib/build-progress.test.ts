import { describe, expect, it } from "vitest";
import { buildStage, elapsed } from "./build-progress.mjs";

// Lines as `next build` (16) prints them, colours included.
const OUTPUT = `   ▲ Next.js 16.4.6
   - Experiments (use with caution):
     ✓ authInterrupts

   Creating an optimized production build ...
\u001b[33m⚠\u001b[39m Compiled with warnings in 2.8min

../node_modules/rate-limiter-flexible/lib/RateLimiterDrizzle.js
Critical dependency: the request of a dependency is an expression
   Running TypeScript ...
   Finished TypeScript in 4.7s ...
   Collecting page data using 1 worker ...
   Generating static pages using 1 worker (0/13) ...
   Generating static pages using 1 worker (6/13)
\u001b[32m✓\u001b[39m Generating static pages using 1 worker (13/13) in 1124ms
   Finalizing page optimization ...
   Collecting build traces ...

Route (app)
┌ ƒ /
├ ƒ /api/health`;

describe("build progress", () => {
  it("passes on Next's stage lines only, without colours and marks", () => {
    expect(OUTPUT.split("\n").map(buildStage).filter(Boolean)).toEqual([
      "Creating an optimized production build ...",
      "Compiled with warnings in 2.8min",
      "Running TypeScript ...",
      "Finished TypeScript in 4.7s ...",
      "Collecting page data using 1 worker ...",
      "Generating static pages using 1 worker (13/13) in 1124ms",
      "Finalizing page optimization ...",
      "Collecting build traces ...",
    ]);
    expect(buildStage("Failed to compile.")).toBe("Failed to compile.");
  });

  it("says how long it has been", () => {
    expect(elapsed(0, 42_400)).toBe("42s");
    expect(elapsed(0, 90_000)).toBe("1m30s");
    expect(elapsed(0, 185_000)).toBe("3m05s");
  });
});
