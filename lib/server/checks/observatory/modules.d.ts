// Types for the parts of MDN's HTTP Observatory (@mdn/mdn-http-observatory,
// plain JavaScript with JSDoc) that the security headers check uses: its
// tests, its grader and its HTML meta parser. Only what we call is declared.
declare module "@mdn/mdn-http-observatory/src/constants.js" {
  /** One Observatory test's output: whether it passed, the expectation it met, its score. */
  export type ObservatoryOutput = {
    pass: boolean | null;
    result: string | null;
    expectation: string;
    scoreModifier: number | null;
    scoreDescription: string | null;
    constructor: { name: string };
  };
  export const ALL_TESTS: Array<(requests: unknown) => ObservatoryOutput>;
  export const ALL_RESULTS: Array<{ name: string; title: string }>;
  export const NUM_TESTS: number;
  export const ALGORITHM_VERSION: number;
}

declare module "@mdn/mdn-http-observatory/src/grader/grader.js" {
  export function getGradeForScore(score: number): { score: number; grade: string };
  export function getScoreDescription(expectation: string): string;
  export function getScoreModifier(expectation: string): number;
}

declare module "@mdn/mdn-http-observatory/src/grader/charts.js" {
  export const MINIMUM_SCORE_FOR_EXTRA_CREDIT: number;
}

declare module "@mdn/mdn-http-observatory/src/retriever/utils.js" {
  export function parseHttpEquivHeaders(html: string, baseUrl: string): Map<string, string[]>;
}

declare module "@mdn/mdn-http-observatory/src/analyzer/hsts.js" {
  export function isHstsPreloaded(hostname: string): { includeSubDomains: boolean; mode: string } | null;
}
