/**
 * The corroboration check behind credibility 1 ("confirmed by other
 * sources"): when the only other documents of the project that carry the
 * graded information are syndicated copies of the same wire text, they are
 * not independent confirmation. A warning, never a refusal.
 */
import { CORROBORATION_WARNING } from "./admiralty";
import type { SyndicationIndex } from "@/lib/syndication/corpus";

/**
 * - outlet grade: the document shares passages with other documents, so the
 *   other reports in the project that repeat it are copies of the same wire.
 * - cited-source grade: the span lies in a shared passage, and every other
 *   document that names the same source does so inside a copy of it.
 */
export function corroborationWarning(index: SyndicationIndex, documentId: string, span: { start: number; end: number } | null): string | null {
  if (!span) return index.passagesOf(documentId).length > 0 ? CORROBORATION_WARNING : null;
  const copies = new Set(index.copiesOfSpan(documentId, span.start, span.end));
  if (copies.size === 0) return null;
  const mentions = index.documentsMentioning(documentId, span.start, span.end);
  return mentions.every((id) => copies.has(id)) ? CORROBORATION_WARNING : null;
}
