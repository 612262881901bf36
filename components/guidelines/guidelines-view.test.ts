import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { GuidelinesView } from "./guidelines-view";

const render = (markdown: string) => renderToStaticMarkup(createElement(GuidelinesView, { markdown }));
/** The markup inside the view's own element. */
const inner = (html: string) => html.replace(/^<div[^>]*>/, "").replace(/<\/div>$/, "");

describe("GuidelinesView", () => {
  it("renders Markdown: headings, emphasis, lists, links", () => {
    const body = inner(render("# Rules\n\nTag **people** only.\n\n- PERSON: a named individual\n- ORG\n\nSee [the wiki](https://example.org/wiki)."));
    expect(body).toContain("<h1>Rules</h1>");
    expect(body).toContain("<strong>people</strong>");
    expect(body).toContain("<li>PERSON: a named individual</li>");
    expect(body).toContain('<a href="https://example.org/wiki">the wiki</a>');
  });

  it("never lets HTML through: script, img onerror, iframes, event handlers and javascript: links do not become markup", () => {
    const attacks = [
      "<script>alert(1)</script>",
      '<img src=x onerror="alert(1)">',
      "<iframe src=javascript:alert(1)></iframe>",
      '<a href="javascript:alert(1)" onclick="alert(1)">click</a>',
      "<svg onload=alert(1)>",
      "<style>body{display:none}</style>",
    ];
    for (const attack of attacks) {
      const body = inner(render(`# Rules\n\n${attack}\n\nTag **people** only.`));
      expect(body, attack).not.toMatch(/<(script|img|iframe|svg|style)\b/i);
      expect(body, attack).not.toMatch(/<[a-z]+[^>]*\s(on\w+|href|src)=/i); // no element carries a handler or a target
      expect(body, attack).toContain("&lt;"); // it is shown as text
      expect(body, attack).toContain("<strong>people</strong>");
    }
    expect(inner(render("[click](javascript:alert(1))"))).not.toMatch(/href="javascript:/i);
  });

  it("says so when there are no guidelines", () => {
    expect(render("   ")).toContain("no guidelines yet");
  });
});
