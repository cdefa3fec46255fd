// User text in a Markdown export stays text. Whatever a title, name, reason
// or label holds, the exported document renders it literally: no raw HTML
// (`<script>`, `<img onerror>`), no link or image of its own making
// (`[x](javascript:…)`, `<javascript:…>`), no entity that turns into markup.
// The one exception is an http(s) address typed into the text ("see
// https://runbooks.example.com/db"): it becomes an autolink, which shows the
// address exactly as typed and links to it. The Markdown importer reads the
// escaped text, and the address, back as it was written.

// Raw HTML and angle autolinks need a `<`, entities a `&`: these three
// become character references, which no construct reads as markup, not even
// a literal autolink (`https://…`) that would swallow a backslash escape and
// leave the `<` after it free. Links and images need an unescaped `[`, code
// spans a backtick, and `\` could cancel an escape: these are
// backslash-escaped, as are emphasis and strike-through marks, so that the
// text reads as it was written.
const ENTITY: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;" };
const SPECIAL = /[\\`[\]<>&*_~]/g;

// GitHub also makes links of bare addresses (`https://…`, `www.…`,
// `a@b.example`), and inside such a link every escape shows as written
// (`a\_b`, `&lt;`): the `:` after a scheme, the `.` after `www` and every `@`
// get a backslash, which keeps the address from ever becoming a link. The
// http(s) addresses the writer links itself are taken out first.
const AUTOLINK = /(?<=https?|mailto|xmpp):|(?<=www)\.|@/gi;

const escapeText = (text: string) => text.replace(SPECIAL, (c) => ENTITY[c] ?? `\\${c}`).replace(AUTOLINK, (c) => `\\${c}`);

// An http(s) address in text: not inside a word, with a host, up to a space,
// a control character or a character no angle autolink (`<…>`) may hold or
// that encloses addresses in prose (`<`, `>`, `[`, `]`, `"`, a backtick, `|`,
// which would end a table cell, and `\`). No part of the pattern can match the
// same text two ways: it never backtracks.
const BARE_URL = /(?<![\p{L}\p{N}])https?:\/\/[^\s\p{Cc}<>[\]"`|\\/][^\s\p{Cc}<>[\]"`|\\]*/giu;
// Punctuation that ends a sentence rather than an address: "(see https://x.example/db)."
const TRAILING = new Set([".", ",", ":", ";", "!", "?", "'", "*", "_", "~", "”", "’", "»", "…"]);
// The importer escapes a run of 32 or more `*`, `_` or `~` before parsing, to
// keep the parser fast; inside an autolink the escapes would show.
const DELIMITER_RUN = /([*_~])\1{31}/;

// The address a BARE_URL match stands for: without the punctuation after it,
// and without a `)` it did not open; null when nothing of an address is left.
function addressIn(match: string): string | null {
  let end = match.length;
  let opened = 0;
  let closed = 0;
  for (const c of match) {
    if (c === "(") opened += 1;
    else if (c === ")") closed += 1;
  }
  for (;;) {
    const last = match[end - 1];
    if (TRAILING.has(last)) end -= 1;
    else if (last === ")" && closed > opened) {
      end -= 1;
      closed -= 1;
    } else break;
  }
  const address = match.slice(0, end);
  return /^https?:\/\/[^/]/i.test(address) && !DELIMITER_RUN.test(address) ? address : null;
}

// `text` on one line, its http(s) addresses as autolinks and the rest escaped by `escape`.
function withLinks(text: string, escape: (text: string) => string): string {
  const flat = text.replace(/\r\n?|\n/g, " ");
  let out = "";
  let from = 0;
  for (const match of flat.matchAll(BARE_URL)) {
    const address = addressIn(match[0]);
    if (!address) continue;
    out += `${escape(flat.slice(from, match.index))}<${address}>`;
    from = match.index + address.length;
  }
  return out + escape(flat.slice(from));
}

/** `text` as literal inline Markdown, on one line; http(s) addresses in it are links. */
export function mdText(text: string): string {
  return withLinks(text, escapeText);
}

// `text` as literal inline Markdown with no link at all: the label of a link, which may hold none.
const mdLiteral = (text: string) => escapeText(text.replace(/\r\n?|\n/g, " "));

/**
 * `text` as the literal content of a heading: also every `#` outside its
 * links escaped, as a closing run of them (`C #`) would otherwise end the
 * heading and vanish. In a link (`https://x.example/#top`) an escape would show.
 */
export function mdHeading(text: string): string {
  return withLinks(text, (part) => escapeText(part).replace(/#/g, "\\#"));
}

/**
 * Text of several lines (a project's description) as literal Markdown: each
 * line escaped, and a line that would start a block of its own (a heading,
 * list, quote, rule or setext underline) starts with an escape instead.
 */
export function mdParagraph(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => mdText(line).replace(/^(\s*)([#>+*=_~-]|\d+[.)])/, "$1\\$2"))
    .join("\n");
}

/** `text` as a code span that no backtick inside it can close early. */
export function mdCode(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, " ");
  const fence = "`".repeat(Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * An http(s) URL as a link destination, with the characters that could end
 * it early percent-encoded; null for any other scheme (`javascript:`,
 * `data:`, `vbscript:`, relative), which is never made a link.
 */
export function mdUrl(url: string): string | null {
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s/]/i.test(trimmed)) return null;
  return trimmed.replace(/[\s()<>[\]"'`\\]/g, (c) => (c.charCodeAt(0) < 0x80 ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}` : encodeURIComponent(c)));
}

/** A link to `url` labelled `label`, or the label alone (escaped) when the URL is not http(s). */
export function mdLink(label: string, url: string): string {
  const target = mdUrl(url);
  return target ? `[${mdLiteral(label)}](${target})` : mdText(label);
}

/** A bare http(s) URL (GFM makes it a link), or the text escaped when it is anything else. */
export function mdBareUrl(url: string): string {
  return mdUrl(url) ?? mdText(url);
}
