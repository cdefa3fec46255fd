// A title read as the practices it names: words stemmed (Porter, via the
// `stemmer` package), the field's phrases and tool names folded into one
// concept each (concepts.ts), and words that carry no meaning for matching
// dropped (English stop words from the `stopword` package, and the words
// checklists use to say something is done).
import { stemmer } from "stemmer";
import { deu, eng, fra, ita, nld, por, spa } from "stopword";
import { CONCEPTS } from "./concepts";

// Letters, digits and "_" (pg_dump), in any script; everything else separates.
const WORD = /[\p{L}\p{M}\p{N}_]+/gu;
const LATIN = /^[a-z]+$/;

// Words a checklist row uses to report a state, not to name a practice:
// "Sentry SDK integrated", "Backup script created".
const FILLER = ["every", "io", "wired", "no", "not", "added", "basic", "complete", "completed", "configured", "created", "done", "enabled", "implemented", "in", "initial", "integrated", "proper", "properly", "sdk", "service", "set", "setup", "tool", "tooling", "using", "via", "etc", "working", "place"];
// Stop words of the languages teams most often mix into English checklists
// ("Secrets dans Vault"), so that they do not count as unexplained words.
const STOP = new Set([...eng, ...fra, ...deu, ...spa, ...ita, ...por, ...nld, ...FILLER].map(stem));

function stem(word: string): string {
  return LATIN.test(word) ? stemmer(word) : word;
}

function words(text: string): string[] {
  return (text.normalize("NFKC").toLowerCase().match(WORD) ?? []).map(stem);
}

type Phrase = { stems: string[]; concept: string; implies: string[] };

// Phrases by their first stem, longest first, so "health check" wins over "health".
const PHRASES = new Map<string, Phrase[]>();
// An implied token is a concept's name, or a word (stemmed like the text).
const CONCEPT_NAMES = new Set(CONCEPTS.map((c) => c.concept));
for (const { concept, phrases, implies: implied = [] } of CONCEPTS) {
  const implies = implied.map((token) => (CONCEPT_NAMES.has(token) ? token : stem(token)));
  for (const phrase of phrases) {
    const stems = words(phrase);
    // "tos" stems to "to": a phrase that is only stop words once stemmed would swallow them.
    if (stems.every((s) => STOP.has(s))) continue;
    PHRASES.set(stems[0], [...(PHRASES.get(stems[0]) ?? []), { stems, concept, implies }]);
  }
}
for (const list of PHRASES.values()) list.sort((a, b) => b.stems.length - a.stems.length);

function phraseAt(stems: string[], start: number): Phrase | undefined {
  return PHRASES.get(stems[start])?.find((phrase) => phrase.stems.every((s, offset) => stems[start + offset] === s));
}

// Words that qualify a practice more than they name it ("CORS configuration"
// is CORS; "Test coverage" is coverage): they count half, and a match on them
// alone is never proposed.
const GENERIC_WORDS = ["configuration", "test", "documentation", "monitoring", "build", "script", "rule", "process", "automated", "check", "policy", "management", "review", "strategy", "plan", "system", "support", "mechanism", "presence", "compliance", "setup", "gate", "suite"];
let generic: Set<string> | undefined;
/** Whether a meaning token is a qualifying word that counts half in matching. */
export const isGeneric = (token: string) => (generic ??= new Set(GENERIC_WORDS.flatMap(meaningTokens))).has(token);

// After one of these a title qualifies its subject: "Rate limiting *on
// sign-in and expensive endpoints*" is about rate limiting.
const QUALIFYING = new Set(["on", "for", "of", "with", "to", "at", "by", "in", "from", "across", "against", "where", "when", "per", "under", "behind", "within"].map(stem));

/** A title's meaning tokens: its subject (head) and what qualifies it. Each token is in one of the two, first place wins. */
export type TitleTokens = { head: string[]; qualifier: string[] };

/**
 * The meaning tokens of a title, split at the first qualifying preposition:
 * "Rate limiting on sign-in" → { head: ["rate-limit"], qualifier: ["authentication"] };
 * "DB backups" → { head: ["database", "backup"], qualifier: [] }.
 */
export function titleTokens(text: string): TitleTokens {
  const stems = words(text);
  const head = new Set<string>();
  const qualifier = new Set<string>();
  let into = head;
  const add = (token: string) => {
    if (!head.has(token)) into.add(token);
  };
  for (let i = 0; i < stems.length; ) {
    const phrase = phraseAt(stems, i);
    if (phrase) {
      add(phrase.concept);
      for (const implied of phrase.implies) add(implied);
      i += phrase.stems.length;
      continue;
    }
    // Only once the subject has been named: "On-call rota" has "on" first.
    if (QUALIFYING.has(stems[i]) && head.size > 0) into = qualifier;
    else if (!STOP.has(stems[i])) add(stems[i]);
    i += 1;
  }
  return { head: [...head], qualifier: [...qualifier] };
}

/**
 * The meaning tokens of a title or text: distinct concept names and word
 * stems, in order of first appearance. "DB backups" → ["database", "backup"];
 * "Rate limiting on sign-in" → ["rate-limit", "authentication"].
 */
export function meaningTokens(text: string): string[] {
  const { head, qualifier } = titleTokens(text);
  return [...head, ...qualifier];
}
