import { mispTags } from "./admiralty";

export const gradeInclude = {
  annotation: { select: { id: true, start: true, end: true, text: true } },
  layer: { select: { id: true, documentId: true, kind: true, userId: true, status: true } },
} as const;

export type GradeRow = {
  id: string;
  layerId: string;
  annotationId: string | null;
  reliability: string;
  credibility: number;
  rationale: string;
  reviewState: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  annotation: { id: string; start: number; end: number; text: string } | null;
  layer: { documentId: string; kind: string };
};

/** The public shape of a source grade (API, UI). */
export function gradeView(g: GradeRow) {
  return {
    id: g.id,
    documentId: g.layer.documentId,
    layerId: g.layerId,
    layer: g.layer.kind === "GOLD" ? ("gold" as const) : ("own" as const),
    target: g.annotation ? { annotationId: g.annotation.id, start: g.annotation.start, end: g.annotation.end, text: g.annotation.text } : ("outlet" as const),
    reliability: g.reliability,
    credibility: g.credibility,
    rationale: g.rationale,
    reviewState: g.reviewState,
    version: g.version,
    mispTags: mispTags(g),
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}
export type GradeView = ReturnType<typeof gradeView>;

/** What the audit history keeps of a grade. */
export function gradeSnapshot(g: GradeRow) {
  const v = gradeView(g);
  return { target: v.target, reliability: v.reliability, credibility: v.credibility, rationale: v.rationale, version: v.version };
}
