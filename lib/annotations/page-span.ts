import { db } from "@/lib/db";

/**
 * An annotation as a page hands it to the browser: what the workbench draws
 * and edits, nothing it can derive. Its text is a slice of the document the
 * page sends anyway, so it is not sent again: on a long report with thousands
 * of spans per layer the full view (ids, timestamps, text) made the page
 * several times the size of its text.
 */
export type PageSpan = { id: string; start: number; end: number; label: string; version: number };

/** The columns a PageSpan is made of. */
export const pageSpanColumns = { id: true, start: true, end: true, labelId: true, version: true } as const;

/** The project's label names by id (archived labels too), for spans read without a join. */
export async function labelNames(projectId: string): Promise<(labelId: string) => string> {
  const labels = await db.label.findMany({ where: { projectId }, select: { id: true, name: true } });
  const names = new Map(labels.map((l) => [l.id, l.name]));
  return (labelId) => names.get(labelId) ?? "?";
}
