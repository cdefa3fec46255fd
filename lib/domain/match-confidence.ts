// How sure a match by meaning is, in [0, 1], and what that allows. Kept apart
// from the matcher so the preview can read levels without loading it.

/** Below this a pair is not proposed at all. */
export const PROPOSE_FROM = 0.5;
/** From this on a proposal is accepted unless the person refuses it; below, it is only suggested. */
export const ACCEPT_FROM = 0.6;
/** From this on a proposal reads as "high" confidence. */
export const HIGH_FROM = 0.8;

export type ConfidenceLevel = "high" | "medium" | "low";
/** How a confidence in [0, 1] reads: high (≥ 0.8), medium (≥ 0.6) or low. */
export const confidenceLevel = (confidence: number): ConfidenceLevel => (confidence >= HIGH_FROM ? "high" : confidence >= ACCEPT_FROM ? "medium" : "low");
