/**
 * The corroboration check behind credibility 1 ("confirmed by other
 * sources"): when the only other documents of the project that carry the
 * graded information are syndicated copies of the same wire text, they are
 * not independent confirmation. A warning, never a refusal.
 */
import { CORROBORATION_WARNING } from "./admiralty";
import type { SyndicationIndex } from "@/lib/syndication/corpus";

/** Whether a document other than these names the words of the span [start, end). */
export type MentionedOutside = (start: number, end: number, except: ReadonlySet<string>) => Promise<boolean>;

/**
 * - outlet grade: the document shares passages with other documents, so the
 *   other reports in the project that repeat it are copies of the same wire.
 * - cited-source grade: the span lies in a shared passage, and every other
 *   document that names the same source does so inside a copy of it.
 * `index` must answer for `documentId` (a whole-corpus index, or one built
 * around the document).
 */
export async function corroborationWarning(
  index: SyndicationIndex,
  documentId: string,
  span: { start: number; end: number } | null,
  mentionedOutside: MentionedOutside = async (start, end, except) => index.documentsMentioning(documentId, start, end).some((id) => !except.has(id)),
): Promise<string | null> {
  if (!span) return index.passagesOf(documentId).length > 0 ? CORROBORATION_WARNING : null;
  const copies = new Set(index.copiesOfSpan(documentId, span.start, span.end));
  if (copies.size === 0) return null;
  return (await mentionedOutside(span.start, span.end, copies)) ? null : CORROBORATION_WARNING;
}
