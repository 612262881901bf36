import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { SearchHit } from "@/lib/search/search-hit";
import { SearchHitItem } from "./search-hit";
import { hitHref } from "./hit-href";

const hit = (over: Partial<SearchHit> = {}): SearchHit => ({
  kind: "annotation",
  document: { id: "doc1", title: 'Brief <script>alert("t")</script>' },
  project: { id: "p1", slug: "iraq", name: "Iraq & co" },
  start: 12,
  end: 18,
  inTitle: false,
  snippet: { before: "…said <b>", hit: "Lavrov", after: "</b> met" },
  annotation: { id: "a1", label: "PERSON", color: "#0077bb", layer: "annotator", status: "SUBMITTED", annotator: { id: "anon-1", name: "Annotator 7KQ2" } },
  ...over,
});

describe("a search hit on the page", () => {
  it("links to the passage and marks the hit, every text as text", () => {
    const html = renderToStaticMarkup(createElement(SearchHitItem, { hit: hit() }));
    expect(html).toContain('href="/documents/doc1?at=12-18"');
    expect(html).toContain("<mark>Lavrov</mark>");
    expect(html).toContain("…said &lt;b&gt;");
    expect(html).toContain("Brief &lt;script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain(">PERSON</span>");
    expect(html).toContain("Annotator 7KQ2");
    expect(html).toContain("Submitted");
  });

  it("opens a title-only match at the document's start", () => {
    expect(hitHref({ document: { id: "d/2" }, start: null, end: null })).toBe("/documents/d%2F2");
    const html = renderToStaticMarkup(
      createElement(SearchHitItem, {
        hit: hit({ kind: "passage", annotation: null, start: null, end: null, inTitle: true, snippet: { before: "Dossier ", hit: "X", after: "" } }),
      }),
    );
    expect(html).toContain('href="/documents/doc1"');
    expect(html).toContain("Title: </span>Dossier <mark>X</mark>");
  });
});
