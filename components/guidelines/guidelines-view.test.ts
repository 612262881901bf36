import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { GuidelinesView } from "./guidelines-view";

const render = (markdown: string) => renderToStaticMarkup(createElement(GuidelinesView, { markdown }));
/** The markup inside the view's own element. */
const inner = (html: string) => html.replace(/^<div[^>]*>/, "").replace(/<\/div>$/, "");

describe("GuidelinesView", () => {
  it("never lets HTML through: script, img onerror, iframes and event handlers render as text", () => {
    const attacks = [
      "<script>alert(1)</script>",
      '<img src=x onerror="alert(1)">',
      "<iframe src=javascript:alert(1)></iframe>",
      '<a href="javascript:alert(1)" onclick="alert(1)">click</a>',
      "<svg onload=alert(1)>",
      "<style>body{display:none}</style>",
    ];
    for (const attack of attacks) {
      const html = render(`# Rules\n\n${attack}\n\nTag **people** only.`);
      const body = inner(html);
      expect(body, attack).not.toMatch(/<(script|img|iframe|a|svg|style)\b/i);
      expect(body, attack).toContain("&lt;");
      expect(html, attack).toContain("Tag ");
    }
    expect(inner(render("<script>alert(1)</script>"))).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("keeps the author's text and line breaks, and says so when there are no guidelines", () => {
    expect(render("PERSON: a named individual.\nNot a role.")).toContain("PERSON: a named individual.\nNot a role.");
    expect(render("   ")).toContain("no guidelines yet");
  });
});
