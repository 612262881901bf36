export type WorkbenchDocument = {
  id: string;
  title: string;
  outlet: string | null;
  byline: string | null;
  publishedAt: string | null;
};

/** An annotation as the browser holds it; `version` is the last one the server confirmed (0 = not yet saved). */
export type LocalAnnotation = { id: string; start: number; end: number; label: string; text: string; version: number };

export type Span = { start: number; end: number };

/** A span of another layer, drawn read-only under the edited layer. */
export type OverlaySpan = Span & { id: string; label: string; layerName: string; disputed?: boolean };
