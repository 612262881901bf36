/** What a document's share is computed from, read with two plain queries. */
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { ShareLayer } from "../document-share";
import type { LabeledSpan } from "../token-units";
import { originOfSlot } from "@/lib/domain/enums";

type Row = {
  id: string;
  documentId: string;
  kind: string;
  slot: string;
  userId: string | null;
  status: string;
  start: number | null;
  end: number | null;
  label: string | null;
};

type StanceRow = { layerId: string; holderId: string; targetId: string; polarity: string };

/** Documents' texts and their annotator, gold and suggestions layers with their spans (annotator layers: and their stances). */
export async function readDocuments(ids: string[]): Promise<{ id: string; text: string; layers: ShareLayer[] }[]> {
  const texts = await db.$queryRaw<{ id: string; text: string }[]>`SELECT "id", "text" FROM "Document" WHERE "id" IN (${Prisma.join(ids)})`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT l."id", l."documentId", l."kind", l."slot", l."userId", l."status", a."start", a."end", lb."name" AS "label"
    FROM "Layer" l
    LEFT JOIN "Annotation" a ON a."layerId" = l."id"
    LEFT JOIN "Label" lb ON lb."id" = a."labelId"
    WHERE l."documentId" IN (${Prisma.join(ids)}) AND l."kind" IN ('ANNOTATOR', 'GOLD', 'SUGGESTIONS')`;
  const stances = await db.$queryRaw<StanceRow[]>`
    SELECT s."layerId", s."holderId", s."targetId", s."polarity"
    FROM "Stance" s JOIN "Layer" l ON l."id" = s."layerId"
    WHERE l."documentId" IN (${Prisma.join(ids)}) AND l."kind" = 'ANNOTATOR'`;
  const layers = new Map<string, ShareLayer & { documentId: string; spans: LabeledSpan[]; stances: StanceRow[] }>();
  for (const r of rows) {
    let layer = layers.get(r.id);
    if (!layer) {
      const origin = r.kind === "SUGGESTIONS" ? originOfSlot(r.slot) : undefined;
      layers.set(r.id, (layer = { documentId: r.documentId, kind: r.kind, userId: r.userId, status: r.status, spans: [], origin, stances: [] }));
    }
    if (r.start !== null && r.end !== null && r.label !== null) layer.spans.push({ start: Number(r.start), end: Number(r.end), label: r.label });
  }
  for (const s of stances) layers.get(s.layerId)?.stances.push(s);
  // document labels of the annotator layers (doc-label-agreement.ts), by id: renaming a set or choice changes no cell
  const labels = await db.$queryRaw<{ layerId: string; choiceId: string; setId: string; multiple: boolean | number }[]>`
    SELECT v."layerId", v."choiceId", c."setId", s."multiple"
    FROM "DocLabelValue" v JOIN "Layer" l ON l."id" = v."layerId" JOIN "DocLabelChoice" c ON c."id" = v."choiceId" JOIN "DocLabelSet" s ON s."id" = c."setId"
    WHERE l."documentId" IN (${Prisma.join(ids)}) AND l."kind" = 'ANNOTATOR'`;
  for (const v of labels) {
    const layer = layers.get(v.layerId);
    if (layer) layer.docLabels = [...(layer.docLabels ?? []), { setId: v.setId, choiceId: v.choiceId, multiple: Boolean(Number(v.multiple)) }];
  }
  return texts.map((t) => ({ id: t.id, text: t.text, layers: [...layers.values()].filter((l) => l.documentId === t.id) }));
}
