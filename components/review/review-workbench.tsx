"use client";
/**
 * The reviewer's page: the gold layer is edited like an annotator's own
 * layer (select, label, relabel, delete), with every annotator's layer drawn
 * underneath (toggle per annotator) and disagreements marked.
 */
import { useCallback, useMemo, useState, type ReactNode } from "react";
import type { LabelView } from "@/lib/projects/list-labels";
import { TextIndex } from "@/lib/text/offsets";
import { groupCandidates, type Candidate } from "@/lib/review/candidates";
import type { ReviewPageData } from "@/lib/review/review-page-data";
import { Workbench } from "@/components/workbench/workbench";
import type { OverlaySpan, WorkbenchDocument } from "@/components/workbench/types";
import { DocumentLoading } from "@/components/workbench/document-loading";
import { useDocumentData } from "@/components/workbench/use-document-data";
import { reviewPageDataUrl } from "@/components/workbench/data-urls";
import { isOpen, ReviewPanel } from "./review-panel";

/** The review as the panel shows it: the page's data, span texts sliced from the document, candidates grouped here. */
export type ReviewProps = ReviewPageData & { candidates: Candidate[] };

type Props = {
  document: WorkbenchDocument;
  labels: LabelView[];
  links: ReactNode;
  extraAside?: ReactNode;
  /** what else is still to adjudicate, said before approving ("2 stances") */
  openElsewhere?: string[];
};

export function ReviewWorkbench(props: Props) {
  const { text, data, error, reload } = useDocumentData<ReviewPageData>(props.document.id, reviewPageDataUrl(props.document.id));
  if (text === null || data === null) return <DocumentLoading document={props.document} error={error} />;
  return <LoadedReview {...props} text={text} data={data} reload={reload} />;
}

function LoadedReview({
  document,
  labels,
  links,
  extraAside,
  openElsewhere,
  text,
  data,
  reload,
}: Props & { text: string; data: ReviewPageData; reload: () => void }) {
  const index = useMemo(() => new TextIndex(text), [text]);
  const review = useMemo<ReviewProps>(() => {
    const slice = (a: { start: number; end: number }) => index.slice(a.start, a.end);
    const compared = data.layers.filter((l) => l.compared).map((l) => ({ layerId: l.id, annotations: l.annotations.map((a) => ({ ...a, text: slice(a) })) }));
    return { ...data, candidates: groupCandidates(compared, data.gold.annotations) };
  }, [data, index]);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [resyncSignal, setResyncSignal] = useState(0);
  const bump = useCallback(() => {
    setResyncSignal((n) => n + 1);
    reload();
  }, [reload]);

  // marked while still to decide: a disagreement in gold or rejected, or a document approved, is marked no more
  const disputed = useMemo(() => {
    const ids = new Set<string>();
    if (review.gold.status === "APPROVED") return ids;
    for (const c of review.candidates) if (isOpen(c)) for (const s of c.support) ids.add(s.annotationId);
    return ids;
  }, [review.candidates, review.gold.status]);

  const overlays = useMemo<OverlaySpan[]>(
    () =>
      review.layers
        .filter((l) => !hidden.has(l.id))
        .flatMap((l) => l.annotations.map((a) => ({ id: a.id, start: a.start, end: a.end, label: a.label, layerName: l.name, disputed: disputed.has(a.id) }))),
    [review.layers, hidden, disputed],
  );

  const toggle = useCallback((layerId: string) => {
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(layerId)) next.delete(layerId);
      else next.add(layerId);
      return next;
    });
  }, []);

  return (
    <Workbench
      document={document}
      text={text}
      labels={labels}
      target="gold"
      onRefresh={reload}
      initialAnnotations={review.gold.annotations}
      idNamespace={review.idNamespace}
      layerStatus={review.gold.status}
      overlays={overlays}
      resyncSignal={resyncSignal}
      headerExtra={links}
      banner={
        <p className="muted small review-hint">
          Reviewing into the <strong>gold layer</strong>. Annotators&apos; spans are drawn underneath; <span className="disputed-key">dashed red</span> marks
          where they disagree.
          {review.blind && " Blind review: annotator names are hidden."}
        </p>
      }
      aside={
        <>
          <ReviewPanel documentId={document.id} review={review} hidden={hidden} onToggle={toggle} onChanged={bump} openElsewhere={openElsewhere} />
          {extraAside}
        </>
      }
    />
  );
}
