/**
 * The project's guidelines (Project.guidelines, Markdown), rendered safely:
 * react-markdown builds React elements (never innerHTML); HTML the author
 * wrote is shown as text, not run, and link targets pass its URL filter
 * (javascript: and the like are dropped). Never add rehype-raw here. This is
 * the one place that renders guidelines.
 */
import Markdown from "react-markdown";

export function GuidelinesView({ markdown, id }: { markdown: string; id?: string }) {
  if (!markdown.trim()) return <p className="muted small">This project has no guidelines yet.</p>;
  return (
    <div className="guidelines-view" id={id} data-testid="guidelines-view">
      <Markdown skipHtml={false}>{markdown}</Markdown>
    </div>
  );
}
