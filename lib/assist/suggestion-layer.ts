/**
 * A model's suggestions on a document live in a SUGGESTIONS layer of their
 * own, slot "suggestions:<origin>" (imports: "suggestions:import:<name>"),
 * and every span in it carries the origin.
 */
import { db } from "@/lib/db";
import { newId } from "@/lib/db/new-id";
import { insertSpanRows, type SpanRow } from "@/lib/annotations/insert-span-rows";
import { SPANS_PER_TRANSACTION } from "@/lib/import/write-document";
import { yieldToEventLoop } from "@/lib/util/time-slice";
import { suggestionSlot } from "@/lib/domain/enums";
import type { Proposal } from "./recognizer";

const key = (s: { start: number; end: number; label: string }) => `${s.start}:${s.end}:${s.label}`;

/**
 * Adds a recognizer's proposals to its suggestions layer on one document,
 * leaving out what the layer has already and what an annotator rejected
 * (from any model): a rerun proposes only what is new. Rows go in with raw
 * SQL, SPANS_PER_TRANSACTION at a time, giving the event loop back between
 * transactions (see lib/import/write-document.ts for why not createMany).
 */
export async function writeSuggestions(opts: {
  documentId: string;
  origin: string;
  proposals: readonly Proposal[];
  /** label name → id, the labels the run may use */
  labelIds: ReadonlyMap<string, string>;
  /** the document text by code point, to store each span's text */
  slice: (start: number, end: number) => string;
  createdById: string;
}): Promise<{ added: number; known: number; rejected: number }> {
  const slot = suggestionSlot(opts.origin);
  const layer = await db.layer.upsert({
    where: { documentId_slot: { documentId: opts.documentId, slot } },
    create: { documentId: opts.documentId, slot, kind: "SUGGESTIONS", status: "IN_PROGRESS" },
    update: {},
  });
  const [existing, rejected] = await Promise.all([
    db.annotation.findMany({ where: { layerId: layer.id }, select: { start: true, end: true, label: { select: { name: true } } } }),
    db.annotation.findMany({
      where: { layer: { documentId: opts.documentId, kind: "SUGGESTIONS" }, answers: { some: { answer: "REJECTED" } } },
      select: { start: true, end: true, label: { select: { name: true } } },
    }),
  ]);
  const known = new Set(existing.map((a) => key({ ...a, label: a.label.name })));
  const turnedDown = new Set(rejected.map((a) => key({ ...a, label: a.label.name })));
  const counts = { added: 0, known: 0, rejected: 0 };
  const rows: SpanRow[] = [];
  for (const p of opts.proposals) {
    const labelId = opts.labelIds.get(p.label);
    if (!labelId) continue;
    const k = key(p);
    if (known.has(k)) counts.known++;
    else if (turnedDown.has(k)) counts.rejected++;
    else {
      known.add(k);
      counts.added++;
      rows.push({ id: newId(), start: p.start, end: p.end, text: opts.slice(p.start, p.end), labelId, entityId: p.entityId ?? null, origin: opts.origin });
    }
  }
  for (let from = 0; from < rows.length; from += SPANS_PER_TRANSACTION) {
    await insertSpanRows(db, layer.id, opts.createdById, rows.slice(from, from + SPANS_PER_TRANSACTION));
    await yieldToEventLoop();
  }
  // the dashboard scores models against gold (lib/agreement/document-share.ts): once per document, not per span
  if (rows.length) await db.$executeRaw`UPDATE "AgreementDocument" SET "revision" = "revision" + 1 WHERE "documentId" = ${opts.documentId}`;
  return counts;
}
