import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, null, source));

describe("notes Markdown", () => {
  it("renders Markdown and GitHub tables", () => {
    const html = render("**Done** in `ci.yml`\n\n| a | b |\n| - | - |\n| 1 | 2 |");
    expect(html).toContain("<strong>Done</strong>");
    expect(html).toContain("<code>ci.yml</code>");
    expect(html).toContain("<table>");
  });

  it("drops raw HTML instead of rendering it", () => {
    const html = render('Hello <script>alert(1)</script> <img src=x onerror="alert(2)"> <b>bold</b>');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("onerror");
    expect(html).not.toContain("<b>");
  });

  it("neutralises javascript: links and opens others safely", () => {
    const html = render("[click](javascript:alert(1)) [docs](https://example.com/runbook)");
    expect(html).not.toContain("javascript:");
    expect(html).toContain('href="https://example.com/runbook"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });
});

describe("links and mentions", () => {
  const renderWith = (source: string, mentions: Map<string, string>) => renderToStaticMarkup(createElement(Markdown, { mentions } as { mentions: Map<string, string>; children: string }, source));

  it("keeps only http(s) and mailto addresses as links, whatever the case or spacing", () => {
    const html = render("[a](JavaScript:alert(1)) [b](data:text/html,x) [c](vbscript:x) [d](irc://x) [e](/relative) [f](mailto:ops@example.com) [g](HTTP://example.com)");
    expect(html).not.toMatch(/javascript|data:|vbscript|irc:|\/relative/i);
    expect(html).toContain('href="mailto:ops@example.com"');
    expect(html).toContain('href="HTTP://example.com"');
    // The refused ones are still readable as their text.
    expect(html).toContain("<span>a</span>");
  });

  it("shows a member's mention as an @Name chip, and anyone else's as text", () => {
    const html = renderWith("Ping @[Ada](user:u_ada) and @[Gone](user:u_gone), [x](user:u_ada)", new Map([["u_ada", "Ada Lovelace"]]));
    expect(html).toContain('<span class="mention rounded bg-indigo-50 px-1 font-medium text-indigo-700" data-mention="u_ada">@Ada Lovelace</span>');
    expect(html).toContain("@Gone");
    expect(html).not.toContain('data-mention="u_gone"');
    // A user: link not preceded by "@" is no mention, nor a link.
    expect(html).toContain(", x</p>");
    expect(html).not.toContain("user:");
  });

  it("reads nothing from hostile tokens", () => {
    const html = renderWith('@[x](user:../../) @[<img src=x onerror=alert(1)>](user:u_ada) `@[Ada](user:u_ada)`', new Map([["u_ada", "<b>Ada</b>"]]));
    expect(html).not.toContain("<img");
    expect(html).not.toContain("../../");
    expect(html).toContain("<code>@[Ada](user:u_ada)</code>");
    expect(html).not.toContain("<b>");
    expect(html).toContain("@&lt;b&gt;Ada&lt;/b&gt;");
  });
});
