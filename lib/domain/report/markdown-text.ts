// User text in a Markdown export stays text. Whatever a title, name, reason
// or label holds, the exported document renders it literally: no raw HTML
// (`<script>`, `<img onerror>`), no link or image of its own making
// (`[x](javascript:…)`, `<javascript:…>`), no entity that turns into markup.
// The Markdown importer reads the escaped text back as it was written.

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
// get a backslash, which keeps the address from ever becoming a link.
const AUTOLINK = /(?<=https?|mailto|xmpp):|(?<=www)\.|@/gi;

/** `text` as literal inline Markdown, on one line. */
export function mdText(text: string): string {
  return text
    .replace(/\r\n?|\n/g, " ")
    .replace(SPECIAL, (c) => ENTITY[c] ?? `\\${c}`)
    .replace(AUTOLINK, (c) => `\\${c}`);
}

/**
 * `text` as the literal content of a heading: also every `#` escaped, as a
 * closing run of them (`C #`) would otherwise end the heading and vanish.
 */
export function mdHeading(text: string): string {
  return mdText(text).replace(/#/g, "\\#");
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
  const text = mdText(label);
  return target ? `[${text}](${target})` : text;
}

/** A bare http(s) URL (GFM makes it a link), or the text escaped when it is anything else. */
export function mdBareUrl(url: string): string {
  return mdUrl(url) ?? mdText(url);
}
