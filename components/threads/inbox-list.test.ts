import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { InboxItem } from "@/lib/threads/inbox";
import { InboxList } from "./inbox-list";

const item = (over: Partial<InboxItem> = {}): InboxItem => ({
  id: "m1",
  createdAt: "2026-12-02T10:00:00.000Z",
  readAt: null,
  document: { id: "doc1", title: "Brief <b>one</b>" },
  thread: { id: "t1", resolved: false, anchor: { kind: "span", id: "a1", layerId: "l1", text: "Baghdad", label: "GPE", start: 12, end: 19 } },
  post: {
    id: "p1",
    author: { id: "anon-1", name: "Annotator 7KQ2" },
    body: '@Rev <script>alert("x")</script> city?',
    createdAt: "2026-12-02T10:00:00.000Z",
    editedAt: null,
  },
  href: "/documents/doc1?at=12-19",
  ...over,
});

describe("the inbox list", () => {
  it("links each mention to the passage, shows who and what as text, and marks unread ones", () => {
    const html = renderToStaticMarkup(createElement(InboxList, { items: [item(), item({ id: "m2", readAt: "2026-12-02T11:00:00.000Z" })], unread: 1 }));
    expect(html).toContain('href="/documents/doc1?at=12-19"');
    expect(html).toContain("Annotator 7KQ2");
    expect(html).toContain("“Baghdad” · GPE");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toContain("Brief &lt;b&gt;one&lt;/b&gt;");
    expect(html.match(/inbox-item unread/g)).toHaveLength(1);
    expect(html).toContain('<span data-testid="inbox-unread">1</span>');
  });

  it("says how to get mentioned when nobody has", () => {
    expect(renderToStaticMarkup(createElement(InboxList, { items: [], unread: 0 }))).toContain("Nobody has mentioned you yet");
  });
});
