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
