// The inputs of the check suggestions (lib/server/services/check-suggestions.ts):
// what the catalogue proposes for a project's items, and setting up the
// proposals a lead chose in one step.
import { z } from "zod";
import { id, plainString } from "./fields";
import { MAX_CHECK_INTERVAL_MINUTES, MIN_CHECK_INTERVAL_MINUTES } from "./check";

/** The most proposals one request may set up. */
export const MAX_ACCEPTED_PROPOSALS = 200;

/**
 * A proposal's id as the proposals list gives it: the item's key and the
 * template's place on the item (`infrastructure.health-checks:0`), and for
 * one of its alternatives that alternative's place (`…:0:2`).
 */
export const SUGGESTION_ID = /^([a-z0-9-]+\.[a-z0-9-]+):(\d{1,2})(?::(\d{1,2}))?$/;

const suggestionRef = z.union(
  [
    plainString().trim().regex(SUGGESTION_ID, "Use a proposal's id as the list of proposals gives it, such as infrastructure.health-checks:0."),
    z.number().int("Use a proposal's place in the list: a whole number.").min(0, "Use a proposal's place in the list, from 0."),
  ],
  { error: "Name each proposal by its id, or by its place in the list." },
);

/** The proposals to set up, with messages that say what to send; shared with the API's body. */
export const acceptedProposals = z
  .array(suggestionRef, { error: "Choose the checks to set up." })
  .min(1, "Choose at least one check to set up.")
  .max(MAX_ACCEPTED_PROPOSALS, `Choose at most ${MAX_ACCEPTED_PROPOSALS} checks at once.`);

/** The project whose suggestions to list. */
export const proposeChecksInput = z.object({ projectId: id });

/** The proposals to set up, by id (or alternative id) or by place in the list, and how often the new checks run. */
export const acceptChecksInput = z.object({
  projectId: id,
  proposals: acceptedProposals,
  intervalMinutes: z
    .number({ error: "Enter the interval in minutes." })
    .int("Use a whole number for the interval in minutes.")
    .min(MIN_CHECK_INTERVAL_MINUTES, `Use at least ${MIN_CHECK_INTERVAL_MINUTES} for the interval in minutes.`)
    .max(MAX_CHECK_INTERVAL_MINUTES, `Use at most ${MAX_CHECK_INTERVAL_MINUTES} for the interval in minutes.`)
    .default(60),
});
export type AcceptChecksInput = z.infer<typeof acceptChecksInput>;
