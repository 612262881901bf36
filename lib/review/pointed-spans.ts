/**
 * The spans a send-back comment points at. The comment keeps a snapshot of
 * each (offsets, text, label as they were), so the annotator still sees what
 * was meant after changing or deleting the span.
 */
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db";

export const MAX_POINTED_SPANS = 50;

export const PointedSpan = z.object({ id: z.string(), start: z.number().int(), end: z.number().int(), text: z.string(), label: z.string() });
export type PointedSpan = z.infer<typeof PointedSpan>;

/** Snapshots of the layer's spans with these ids; an id that is not a span of the layer is refused. */
export async function pointedSpans(tx: Tx, layerId: string, ids: readonly string[]): Promise<PointedSpan[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await tx.annotation.findMany({
    where: { layerId, id: { in: unique } },
    select: { id: true, start: true, end: true, text: true, label: { select: { name: true } } },
    orderBy: [{ start: "asc" }, { end: "desc" }],
  });
  if (found.length !== unique.length) {
    const known = new Set(found.map((a) => a.id));
    const missing = unique.filter((id) => !known.has(id));
    throw new AppError("UNPROCESSABLE", `Not a span of this layer: ${missing.join(", ")}`, { field: "spanIds" });
  }
  return found.map((a) => ({ id: a.id, start: a.start, end: a.end, text: a.text, label: a.label.name }));
}

/** The stored snapshots, read back (rows from before the column hold []). */
export const readPointedSpans = (json: unknown): PointedSpan[] => {
  const parsed = z.array(PointedSpan).safeParse(json);
  return parsed.success ? parsed.data : [];
};
