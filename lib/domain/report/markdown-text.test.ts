// Whatever users write, the Markdown exports render it as text: parsed as
// GitHub does, a report whose every user-written string (names, titles,
// owners, reasons, labels, keys, paths, URLs, milestone names) is hostile
// has no HTML but the exporter's own <br>, and links only to http(s) URLs.
import fc from "fast-check";
import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toString } from "mdast-util-to-string";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { FIXED_PORTFOLIO, FIXED_REPORT } from "@/tests/fixtures/report";
import { reportMarkdown } from "./markdown";
import { mdCode, mdHeading, mdLink, mdParagraph, mdText } from "./markdown-text";
import { portfolioMarkdown } from "./portfolio-markdown";

const parse = (markdown: string): Root => fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

function* nodes(node: Nodes): Generator<Nodes> {
  yield node;
  if ("children" in node) for (const child of node.children) yield* nodes(child);
}

// What a renderer could turn into script: raw HTML, and link targets.
function unsafeParts(markdown: string): string[] {
  const found: string[] = [];
  for (const node of nodes(parse(markdown))) {
    if (node.type === "html" && node.value !== "<br>") found.push(`html ${node.value}`);
    if ((node.type === "link" || node.type === "image" || node.type === "definition") && !/^(https?:\/\/|mailto:)/i.test(node.url)) found.push(`${node.type} ${node.url}`);
    if (node.type === "definition" || node.type === "linkReference" || node.type === "imageReference") found.push(node.type);
  }
  return found;
}

// The links written as such, `<https://…>` or `[label](https://…)`: the
// parser used here also links bare addresses GitHub leaves alone when they
// are escaped (`www\\.x`, `a\\@b`), always to http(s) or mailto.
function autolinks(markdown: string): string[] {
  const found: string[] = [];
  for (const node of nodes(parse(markdown))) {
    if (node.type !== "link" || !"<[".includes(markdown[node.position?.start.offset ?? 0])) continue;
    // An autolink shows its address exactly as it links to it.
    if (markdown[node.position?.start.offset ?? 0] === "<") expect(toString(node)).toBe(node.url);
    expect(node.url).toMatch(/^https?:\/\/[^/]/i);
    found.push(node.url);
  }
  return found;
}

const HOSTILE = [
  "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<br>", "<!-- c -->", "</td>", "[x](javascript:alert(1))", "![i](javascript:alert(1))",
  "[x]: javascript:alert(1)", "[x][y]", "<javascript:alert(1)>", "<https://ok.example>", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
  "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)", "&lt;script&gt;", "&#106;avascript:", "&#x3C;img&#x3E;", "&amp;",
  "https://ok.example/a(b)c", "www.ok.example", "a@b.example", "`", "``", "\\", "|", "\n", "\r\n", "# ", "- ", "> ", "1. ", "===", "***", "]", "[", "(", ")", "<", ">", "&", "*", "_", " ", "é", "x",
];
const hostile = fc.oneof(fc.array(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 6 }).map((parts) => parts.join("")), fc.string({ minLength: 1, maxLength: 12 }));

// Every user-written string of a report, replaced from the pool in order.
const USER_FIELDS = new Set(["name", "description", "title", "owner", "label", "url", "path", "reason", "notApplicableReason", "requestedBy", "approvedBy", "key", "productionUrl", "repositoryUrl", "category"]);
function hostileCopy<T>(value: T, pool: string[], counter = { n: 0 }, parent = ""): T {
  if (Array.isArray(value)) return value.map((v) => hostileCopy(v, pool, counter, parent)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, typeof v === "string" && USER_FIELDS.has(k) && parent !== "nextLevel" ? pool[counter.n++ % pool.length] : hostileCopy(v, pool, counter, k)]),
    ) as T;
  }
  return value;
}

describe("Markdown export of user text", () => {
  it("passes no raw HTML and no non-http(s) link through, whatever the text", () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 30 }), (pool) => {
        expect(unsafeParts(reportMarkdown(hostileCopy(FIXED_REPORT, pool)))).toEqual([]);
        expect(unsafeParts(portfolioMarkdown(hostileCopy(FIXED_PORTFOLIO, pool)))).toEqual([]);
      }),
      // Each run renders and parses two whole reports: fewer runs, each hostile everywhere.
      { numRuns: 60 },
    );
  }, 60_000);

  // Bare addresses (https://…, www.…, a@b.example) included: only http(s)
  // ones become links, autolinks that show the address exactly as typed.
  it("renders each piece of text literally, on one line", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const flat = text.replace(/\r\n?|\n/g, " ");
        const markdown = `x ${mdText(text)} x`;
        expect(toString(parse(markdown))).toBe(`x ${flat} x`.replace(/ +$/, ""));
        for (const url of autolinks(markdown)) expect(flat).toContain(url);
        expect(toString(parse(`# ${mdHeading(text)}`))).toBe(flat.replace(/^[ \t]+|[ \t]+$/g, ""));
        expect(toString(parse(`x ${mdCode(text)} x`))).toContain(flat.trim() ? flat.replace(/^ (.*) $/, "$1").trim() : "");
      }),
    );
  });

  it("makes the http(s) addresses typed into text clickable, and nothing else", () => {
    const cases: [string, string, string[]][] = [
      ["see https://runbooks.example.com/db for the steps", "see <https://runbooks.example.com/db> for the steps", ["https://runbooks.example.com/db"]],
      ["(see https://x.example/a_(b)).", "(see <https://x.example/a_(b)>).", ["https://x.example/a_(b)"]],
      ["Docs: HTTP://X.example/a?b=1&c=2, then https://y.example/#top!", "Docs: <HTTP://X.example/a?b=1&c=2>, then <https://y.example/#top>!", ["HTTP://X.example/a?b=1&c=2", "https://y.example/#top"]],
      ["“https://x.example/a*b_c”", "“<https://x.example/a*b_c>”", ["https://x.example/a*b_c"]],
      ["<https://x.example>", "&lt;<https://x.example>&gt;", ["https://x.example"]],
      // Not http(s), not an address, or inside a word: text.
      ["www.x.example, a@b.example, mailto:a@b.example, javascript:alert(1)", "www\\.x.example, a\\@b.example, mailto\\:a\\@b.example, javascript:alert(1)", []],
      ["https:// and https:///path and xhttps://x.example", "https\\:// and https\\:///path and xhttps\\://x.example", []],
    ];
    for (const [text, markdown, urls] of cases) {
      expect(mdText(text), text).toBe(markdown);
      expect(autolinks(markdown), text).toEqual(urls);
      expect(toString(parse(markdown)), text).toBe(text);
    }
    // A heading escapes its `#` but not the one in an address; a link's label holds no link of its own.
    expect(mdHeading("C # https://x.example/#top")).toBe("C \\# <https://x.example/#top>");
    expect(autolinks(mdLink("see https://a.example", "https://b.example"))).toEqual(["https://b.example"]);
    expect(autolinks(mdParagraph("Runbook:\nhttps://x.example/run\n# not a heading https://y.example"))).toEqual(["https://x.example/run", "https://y.example"]);
  });

  it("links only to http(s) URLs, escaping what would end the link early", () => {
    expect(mdLink("PR [1]", "https://git.example.com/a/pull/1")).toBe("[PR \\[1\\]](https://git.example.com/a/pull/1)");
    expect(mdLink("x", "https://w.example/a(b)<c>")).toBe("[x](https://w.example/a%28b%29%3Cc%3E)");
    for (const url of ["javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,x", "vbscript:x", "//evil.example", "/relative"]) expect(mdLink("x", url)).toBe("x");
    expect(unsafeParts(mdParagraph("# not a heading\n<script>x</script>\n- not a list"))).toEqual([]);
    expect(parse(mdParagraph("# not a heading\n===")).children.map((n) => n.type)).toEqual(["paragraph"]);
  });
});
