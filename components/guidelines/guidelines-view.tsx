/**
 * The project's guidelines (Project.guidelines, Markdown), rendered SAFELY:
 * no HTML the author wrote ever reaches the page as HTML. This is the one
 * place that renders them, so a Markdown renderer is a change of this file.
 *
 * No Markdown renderer is installed yet, so the text is shown as it was
 * written (pre-wrapped): React escapes it, `<script>` and `<img onerror>`
 * show as text. To render Markdown, install react-markdown and replace the
 * body with
 *
 *   import Markdown from "react-markdown";
 *   <Markdown>{markdown}</Markdown>
 *
 * (its default escapes raw HTML into text and drops javascript: URLs through
 * `defaultUrlTransform`; never add rehype-raw). ./guidelines-view.test.ts
 * holds either way.
 */
export function GuidelinesView({ markdown, id }: { markdown: string; id?: string }) {
  if (!markdown.trim()) return <p className="muted small">This project has no guidelines yet.</p>;
  return (
    <div className="guidelines-view" id={id} data-testid="guidelines-view">
      {markdown}
    </div>
  );
}
