/** What a search answers: hits in one shape for passages and spans. */
import type { ListPage } from "@/lib/api/list-page";
import type { Person } from "@/lib/review/blind";
import type { Snippet } from "./snippet";

export type SearchHit = {
  kind: "passage" | "annotation";
  document: { id: string; title: string };
  project: { id: string; slug: string; name: string };
  /** the hit in the document text: code points, end exclusive; null when the words are in the title only */
  start: number | null;
  end: number | null;
  /** the snippet is of the title (the words are not in the text) */
  inTitle: boolean;
  snippet: Snippet;
  annotation: {
    id: string;
    label: string;
    color: string;
    layer: "annotator" | "gold" | "suggestions";
    status: string;
    /** the annotator as the document pages show them to the caller (a pseudonym under blind review); null for gold and suggestions */
    annotator: Person | null;
  } | null;
};

export type SearchMode = "passages" | "annotations";
export type SearchPage = ListPage<SearchHit> & { mode: SearchMode };
