// Mentions of team members in a comment's Markdown body.
//
// A mention is stored as the token `@[Name](user:<id>)`: Markdown that reads
// as "@" and a link, so a body stays plain Markdown, with the member's id to
// resolve it by whatever they are called later. The composer writes the
// token; a member's e-mail address typed after an "@" (`@ada@example.com`)
// becomes one too. Only the server decides what a token means: a token for
// someone outside the team is turned back into plain text, so a body can
// never point at a person the team does not have.

/** The longest name a token carries; a longer one is cut (the id is what counts). */
export const MENTION_NAME_MAX = 80;
/** The most people one comment mentions; further mentions stay plain text. */
export const MENTIONS_MAX = 50;

// Ids are cuids (or test ids): letters, digits, "_" and "-". Anything else
// after `user:` (`../../`, a URL) is not a mention.
const ID = "[A-Za-z0-9_-]{1,64}";
// The name: no brackets, parentheses, backslashes or line breaks, so the
// token stays one Markdown link whatever a person is called.
const NAME = "[^\\[\\]()\\\\\\r\\n]{1,200}";
const TOKEN = new RegExp(`@\\[(${NAME})\\]\\(user:(${ID})\\)`, "g");
// `@` + an address, not glued to a word before it (`x@a.io` is an address, not a mention).
const EMAIL = /(^|[^\w@.+-])@([A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63})(?![\w-])/g;
// Code is shown as written: nothing in a fenced block or an inline code span is a mention.
const CODE = /```[\s\S]*?(?:```|$)|`[^`\n]*`/g;

/** A team member a body may mention. */
export type Mentionable = { id: string; name: string; email: string };

/** What the server keeps: the body with every mention resolved, and who it mentions (ids, in order of first mention). */
export type ResolvedMentions = { body: string; mentionedUserIds: string[] };

/**
 * A name as a token may carry it: brackets, parentheses, backslashes and
 * control characters removed, whitespace collapsed, at most MENTION_NAME_MAX
 * code points. Empty for a name with nothing left ("?" is used then).
 */
export function mentionName(name: string): string {
  const cleaned = name.replace(/\s+/g, " ").replace(/[[\]()\\\u0000-\u001f\u007f]/g, "").trim();
  return Array.from(cleaned).slice(0, MENTION_NAME_MAX).join("").trim();
}

/** The token the composer inserts for `member`. */
export const mentionToken = (member: { id: string; name: string }): string => `@[${mentionName(member.name) || "?"}](user:${member.id})`;

/** The ranges of `body` that are code, where nothing is a mention. */
function codeRanges(body: string): [number, number][] {
  return Array.from(body.matchAll(CODE), (match) => [match.index, match.index + match[0].length]);
}

const inside = (ranges: [number, number][], at: number) => ranges.some(([start, end]) => at >= start && at < end);

/** The mention tokens written in `body` (outside code), in order: the id and the name each carries. */
export function mentionTokens(body: string): { id: string; name: string }[] {
  const code = codeRanges(body);
  return Array.from(body.matchAll(TOKEN))
    .filter((match) => !inside(code, match.index))
    .map((match) => ({ name: match[1], id: match[2] }));
}

/**
 * Resolves the mentions of `body` against the team's `members`:
 * - a token naming a member is kept, carrying the member's current name;
 * - a token naming anyone else becomes the plain text `@Name`;
 * - `@address` where address is a member's e-mail (any case) becomes their token.
 * Nothing inside code changes. At most MENTIONS_MAX people are mentioned;
 * mentions past that are left as plain text.
 */
export function resolveMentions(body: string, members: readonly Mentionable[]): ResolvedMentions {
  const byId = new Map(members.map((member) => [member.id, member]));
  const byEmail = new Map(members.map((member) => [member.email.toLowerCase(), member]));
  const mentioned: string[] = [];
  const mention = (member: Mentionable): boolean => {
    if (mentioned.includes(member.id)) return true;
    if (mentioned.length >= MENTIONS_MAX) return false;
    mentioned.push(member.id);
    return true;
  };

  let code = codeRanges(body);
  const withTokens = body.replace(TOKEN, (whole, name: string, id: string, at: number) => {
    if (inside(code, at)) return whole;
    const member = byId.get(id);
    return member && mention(member) ? mentionToken(member) : `@${mentionName(name) || "?"}`;
  });
  // Neither code nor the tokens just kept (whose names may hold an address) are read for addresses.
  code = [...codeRanges(withTokens), ...Array.from(withTokens.matchAll(TOKEN), (match): [number, number] => [match.index, match.index + match[0].length])];
  const resolved = withTokens.replace(EMAIL, (whole, before: string, email: string, at: number) => {
    if (inside(code, at)) return whole;
    const member = byEmail.get(email.toLowerCase());
    return member && mention(member) ? `${before}${mentionToken(member)}` : whole;
  });
  return { body: resolved, mentionedUserIds: mentioned };
}

// Marks and controls of text direction (embeddings, overrides, isolates): in
// a comment they act within its own paragraph, but an excerpt is quoted
// inside a line of the activity log, where an unclosed one turns the rest
// of the line around.
const DIRECTION_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * The body as plain text for a one-line excerpt: mention tokens as "@Name",
 * whitespace collapsed, without direction controls, at most `max` code
 * points (then "…").
 */
export function commentExcerpt(body: string, max = 120): string {
  const plain = body.replace(TOKEN, (_whole, name: string) => `@${name}`).replace(DIRECTION_CONTROLS, "").replace(/\s+/g, " ").trim();
  const points = Array.from(plain);
  return points.length <= max ? plain : `${points.slice(0, max - 1).join("").trimEnd()}…`;
}

/**
 * The mention being typed just before `caret` in `text`: an "@" at the start
 * or after whitespace, then up to 40 characters without spaces or brackets.
 * Returns where the "@" is and what follows it, or null.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|\s)@([^\s@[\]()]{0,40})$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[1].length - 1, query: match[1] };
}

/** The members whose name or e-mail contains `query` (any case), names starting with it first; at most `limit`. */
export function matchMembers<M extends Mentionable>(members: readonly M[], query: string, limit = 8): M[] {
  const q = query.toLocaleLowerCase();
  const hits = members.filter((member) => member.name.toLocaleLowerCase().includes(q) || member.email.toLowerCase().includes(q));
  const starts = (member: M) => (member.name.toLocaleLowerCase().startsWith(q) ? 0 : 1);
  return hits.sort((a, b) => starts(a) - starts(b)).slice(0, limit);
}

/** `text` with the typed mention from `start` to `caret` replaced by `member`'s token and a space; and the caret after it. */
export function insertMention(text: string, start: number, caret: number, member: { id: string; name: string }): { text: string; caret: number } {
  const token = `${mentionToken(member)} `;
  return { text: text.slice(0, start) + token + text.slice(caret), caret: start + token.length };
}
