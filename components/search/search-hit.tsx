import Link from "next/link";
import type { SearchHit } from "@/lib/search/search-corpus";
import { layerStatusText } from "@/lib/domain/enums";
import { hitHref } from "./hit-href";

const LAYER_TEXT = { gold: "Gold", suggestions: "Suggestion", annotator: "Annotator" } as const;

/** One hit: the document's title and the snippet, the hit in <mark>, as one link to the passage; what a span is beside it. */
export function SearchHitItem({ hit }: { hit: SearchHit }) {
  const a = hit.annotation;
  return (
    <li className="search-result" data-testid="search-hit">
      <Link href={hitHref(hit)} className="search-result-link">
        <span className="search-result-title">{hit.document.title}</span>
        <span className="search-snippet">
          {hit.inTitle && <span className="muted">Title: </span>}
          {hit.snippet.before}
          <mark>{hit.snippet.hit}</mark>
          {hit.snippet.after}
        </span>
      </Link>
      <span className="search-meta">
        {a && (
          <span className="chip" style={{ borderLeftColor: a.color }}>
            {a.label}
          </span>
        )}
        {a && <span>{a.annotator ? a.annotator.name : LAYER_TEXT[a.layer]}</span>}
        {a && <span className={`status ${a.status}`}>{layerStatusText(a.status)}</span>}
        <span>{hit.project.name}</span>
        {hit.start !== null && <span className="search-offsets">{`${hit.start}–${hit.end}`}</span>}
      </span>
    </li>
  );
}
