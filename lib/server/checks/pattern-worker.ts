// Content patterns of repository checks are regular expressions a lead typed.
// JavaScript's engine backtracks, and a pattern such as (a|aa)*b can take
// longer than the age of the universe on a file of a few kilobytes; the
// settings schema refuses the obvious shapes, but no check catches them all.
// So the patterns run in a worker thread that is terminated after a time
// limit, on at most MAX_TEXT_BYTES of each file.
import { Worker } from "node:worker_threads";

export const PATTERN_TIME_LIMIT_MS = 2_000;
export const MAX_TEXT_BYTES = 128 * 1024;

// Plain JavaScript, run by the worker: every job's pattern against its text.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
parentPort.postMessage(workerData.map(({ pattern, text }) => new RegExp(pattern, "mu").test(text)));
`;

export type PatternJob = { pattern: string; text: string };

/**
 * Tests each pattern (flags `mu`: ^ and $ match at line ends) against its
 * text. Resolves to one boolean per job, or null when they took longer than
 * the limit all together.
 */
export function matchPatterns(jobs: PatternJob[], timeLimitMs = PATTERN_TIME_LIMIT_MS): Promise<boolean[] | null> {
  if (jobs.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: jobs, resourceLimits: { maxOldGenerationSizeMb: 128 } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(null);
    }, timeLimitMs);
    worker.once("message", (results: boolean[]) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(results);
    });
    worker.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
