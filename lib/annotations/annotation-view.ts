/** The public shape of an annotation (API, UI, export). */
export type AnnotationRow = {
  id: string;
  layerId: string;
  start: number;
  end: number;
  text: string;
  version: number;
  entityId: string | null;
  createdAt: Date;
  updatedAt: Date;
  label: { name: string };
  layer: { documentId: string };
};

export const annotationInclude = { label: { select: { name: true } }, layer: { select: { documentId: true } } } as const;

export function annotationView(a: AnnotationRow) {
  return {
    id: a.id,
    documentId: a.layer.documentId,
    layerId: a.layerId,
    start: a.start,
    end: a.end,
    text: a.text,
    label: a.label.name,
    entityId: a.entityId,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
export type AnnotationView = ReturnType<typeof annotationView>;

/** What the audit history keeps of an annotation: its content, not its bookkeeping. */
export function auditSnapshot(a: AnnotationRow) {
  const { start, end, text, label, entityId, version } = annotationView(a);
  return { start, end, text, label, entityId, version };
}
