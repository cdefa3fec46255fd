// A status written as a sentence, read as a careful person reads it:
// "Implemented in the gateway, but the admin endpoints are not covered yet"
// is partial, "Not started – waiting for the vendor" missing, "In place for
// all services" done. The sentence is cut into words (one pass, no pattern
// that can backtrack) and each word that says something about the work is
// noted: done, partial or missing, with "not", "never", "no" turning the next
// one into missing. A sentence that hedges ("whether", "maybe", "should",
// "?"), says nothing of the work, or follows a done with a "but" that says
// nothing clear is not read: the caller warns instead of guessing.
import type { ItemStatus } from "@/lib/domain/readiness/vocabulary";

type Said = "DONE" | "PARTIAL" | "MISSING";

// The longest sentence read; a longer cell is a paragraph, not a status.
const MAX_WORDS = 60;

const DONE = new Set(["done", "complete", "completed", "implemented", "exists", "exist", "configured", "enabled", "deployed", "finished", "working", "works", "verified", "tested", "covered", "shipped", "passing", "passes", "passed", "automated", "documented", "merged", "released", "installed", "running"]);
const PARTIAL = new Set(["partial", "partially", "partly", "started", "begun", "underway", "ongoing", "incomplete", "mostly", "some", "basic", "limited", "minimal", "draft", "only", "half", "prototype", "wip", "except", "excluding"]);
const MISSING = new Set(["missing", "absent", "pending", "todo", "tbd", "lacking", "lacks", "lack", "blocked", "broken", "failing", "failed", "fails", "none", "unimplemented", "untested", "undocumented", "unverified", "unconfigured", "disabled"]);
// Words that turn the next status word of their clause into missing, or say
// missing themselves: "not covered", "never tested", "needs to be configured".
const NEGATORS = new Set(["not", "never", "no", "without", "nothing", "nobody", "cannot", "need", "needs", "must", "requires"]);
// "No known issues", "without problems", "nothing left": no gap at all.
const NO_PROBLEM = new Set(["issue", "issues", "problem", "problems", "bug", "bugs", "error", "errors", "gap", "gaps", "blocker", "blockers", "concern", "concerns", "findings", "incidents", "known", "outstanding", "open", "regressions", "failures", "complaints", "further", "more", "changes", "left", "missing", "pending", "else"]);
// "Not fully implemented", "not everywhere": part of it.
const NOT_ALL = new Set(["fully", "completely", "entirely", "everywhere", "all", "always", "quite"]);
// Words that leave the status open: the caller warns.
// "Needed", "required": is it needed at all, or still to do?
const HEDGES = new Set(["whether", "unclear", "unsure", "maybe", "perhaps", "possibly", "probably", "might", "question", "questions", "tbc", "depends", "hopefully", "should", "would", "could", "will", "if", "assume", "assumed", "think", "believe", "guess", "likely", "supposedly", "apparently", "sort", "know", "knows", "idea", "needed", "required", "necessary", "?"]);
// Words that start a clause against the one before.
const CONTRAST = new Set(["but", "however", "though", "although", "whereas"]);
// Two-word phrases (a Map: a sentence's words are never an object's keys).
type Word = Said | "negator" | "hedge";
const PHRASES = new Map<string, Word>([
  ["in place", "DONE"],
  ["in progress", "PARTIAL"],
  ["in use", "DONE"],
  ["set up", "DONE"],
  ["rolled out", "DONE"],
  ["to do", "MISSING"],
  ["to be", "negator"],
  ["yet to", "negator"],
  ["still to", "negator"],
  ["still needed", "MISSING"],
  ["still required", "MISSING"],
  ["still open", "MISSING"],
  ["not sure", "hedge"],
]);

// Words ("isn't", "read-only", "2026") and the marks that end a clause.
const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[,;:.!?()[\]—–]|(?<=\s)-(?=\s)/gu;
const BOUNDARY = /^[,;:.!()[\]—–-]$/;

export type SentenceReading = { said: Set<Said>; hedged: boolean; unsettled: boolean };

/** What a sentence says of the work (done, partial, missing), whether it hedges, and whether a "but" after it says nothing clear; null when it is too long to be a status. */
export function readSentence(text: string): SentenceReading | null {
  // Read lazily: a long cell stops being a sentence after MAX_WORDS words.
  const tokens: string[] = [];
  let words = 0;
  for (const match of text.toLowerCase().matchAll(TOKEN)) {
    if (!BOUNDARY.test(match[0]) && ++words > MAX_WORDS) return null;
    tokens.push(match[0]);
  }
  const said = new Set<Said>();
  let hedged = false;
  let unsettled = false;
  let negated = false;
  // Whether the clause says anything, and whether it follows a "but" after a done.
  let clauseSaid = false;
  let againstDone = false;
  const note = (status: Said) => {
    said.add(status);
    clauseSaid = true;
  };
  const endClause = () => {
    if (negated) note("MISSING");
    if (againstDone && !clauseSaid) unsettled = true;
    negated = false;
    clauseSaid = false;
    againstDone = false;
  };
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (HEDGES.has(token)) hedged = true;
    if (BOUNDARY.test(token)) {
      endClause();
      continue;
    }
    if (CONTRAST.has(token)) {
      const afterDone = said.has("DONE");
      endClause();
      againstDone = afterDone;
      continue;
    }
    const phrase = PHRASES.get(`${token} ${tokens[index + 1] ?? ""}`);
    if (phrase) index += 1;
    const next = tokens[index + 1] ?? "";
    if (phrase === "hedge") hedged = true;
    const word: Word | null = phrase ?? (DONE.has(token) ? "DONE" : PARTIAL.has(token) ? "PARTIAL" : MISSING.has(token) ? "MISSING" : NEGATORS.has(token) || /n['’]t$/.test(token) ? "negator" : null);
    if (word === "negator") {
      // "No known issues", "nothing to do": no gap. "Not" is never that ("not open" is a status).
      if ((token === "no" || token === "without" || token === "nothing") && (NO_PROBLEM.has(next) || (token === "nothing" && next === "to"))) index += 1;
      else if ((token === "not" || /n['’]t$/.test(token)) && NOT_ALL.has(next)) {
        note("PARTIAL");
        index += 1;
      } else negated = true;
      continue;
    }
    if (!word || word === "hedge") continue;
    if (!negated) note(word);
    // "Not started", "never tested": missing; "not blocked" says no gap.
    else if (word !== "MISSING") note("MISSING");
    else clauseSaid = true;
    negated = false;
  }
  endClause();
  return { said, hedged, unsettled };
}

/**
 * The status of a sentence, given the status its opening words state
 * (`opening`: "Not implemented, but planned", "Partial (only a template)")
 * or null when it opens with none; null when the sentence does not settle it.
 * Done with anything short of done is partial, as "Config exists, but
 * alerting missing" is; an opening missing stays missing unless the sentence
 * also says something is done.
 */
export function sentenceStatus(text: string, opening: ItemStatus | null): ItemStatus | null {
  const reading = readSentence(text);
  if (!reading) return opening;
  const { said, hedged, unsettled } = reading;
  const short = said.has("MISSING") || said.has("PARTIAL");
  if (opening === "DONE") return short ? "PARTIAL" : unsettled || hedged ? null : "DONE";
  if (opening === "MISSING") return said.has("DONE") ? "PARTIAL" : "MISSING";
  if (opening) return opening;
  if (hedged || said.size === 0) return null;
  if (said.has("DONE")) return short ? "PARTIAL" : unsettled ? null : "DONE";
  return said.has("PARTIAL") ? "PARTIAL" : "MISSING";
}

/** Whether a text also says something is missing or partial ("Implemented, needs review", "Done, not tested"): a short done that is not done everywhere. */
export function saysShortOfDone(text: string): boolean {
  const said = readSentence(text)?.said;
  return said !== undefined && (said.has("MISSING") || said.has("PARTIAL"));
}
