// What `npm start` says while `next build` runs: Next prints little for
// minutes at a time, so its stage lines are passed on as they come (the rest,
// route tables and warnings, only when the build fails).

// Next's stage lines; of the page-generation counter only the last, n of n.
const STAGES = /^(Creating an optimized|Compiled|Running TypeScript|Finished TypeScript|Collecting page data|Generating static pages.*\((\d+)\/\2\)|Finalizing|Collecting build traces|Failed to compile|Type error|Error:)/;

/** The stage a line of `next build` output announces, without colours and marks, or undefined. */
export function buildStage(line) {
  const text = line
    .replace(/\x1b\[[0-9;]*m/g, "")
    .trim()
    .replace(/^[^A-Za-z]+/, "");
  return STAGES.test(text) ? text : undefined;
}

/** Milliseconds since `since` as "42s" or "1m30s". */
export function elapsed(since, now = Date.now()) {
  const seconds = Math.round((now - since) / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, "0")}s`;
}
