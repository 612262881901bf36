/** The public shape of a layer's state. */
export function layerView(l: { id: string; documentId: string; kind: string; status: string; submittedAt: Date | null; version: number }) {
  return { id: l.id, documentId: l.documentId, kind: l.kind, status: l.status, submittedAt: l.submittedAt?.toISOString() ?? null, version: l.version };
}
