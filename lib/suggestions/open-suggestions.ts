/**
 * A model's suggestions as one annotator sees them on a document: the spans
 * of the document's suggestions layers they have not answered, and that
 * their own layer does not already hold (same offsets and label).
 */
import { db } from "@/lib/db";
import { authorize } from "@/lib/authz";
import { getDocument } from "@/lib/documents/get-document";
import { userSlot } from "@/lib/domain/enums";
import { batches } from "@/lib/db/batched-read";
import type { Actor } from "@/lib/auth/actor";

export type OpenSuggestion = { id: string; start: number; end: number; label: string; text: string; origin: string; entityId: string | null };

const STARTS_PER_QUERY = 500;
const key = (s: { start: number; end: number; label: string }) => `${s.start}:${s.end}:${s.label}`;

/** Open suggestions of one document for the actor, in text order. */
export async function openModelSuggestions(opts: { actor: Actor; documentId: string }): Promise<OpenSuggestion[]> {
  authorize(opts.actor, "layer:annotate");
  const doc = await getDocument(opts);
  const suggested = await db.annotation.findMany({
    where: { layer: { documentId: doc.id, kind: "SUGGESTIONS" }, answers: { none: { userId: opts.actor.id } } },
    select: {
      id: true,
      start: true,
      end: true,
      text: true,
      origin: true,
      entityId: true,
      label: { select: { name: true, archived: true } },
      layer: { select: { slot: true } },
    },
    orderBy: [{ start: "asc" }, { end: "desc" }, { id: "asc" }],
  });
  if (suggested.length === 0) return [];
  const own = await ownSpansAt(doc.id, opts.actor.id, [...new Set(suggested.map((s) => s.start))]);
  const held = new Set(own.map((a) => key({ ...a, label: a.label.name })));
  const seen = new Set<string>();
  const out: OpenSuggestion[] = [];
  for (const s of suggested) {
    const k = key({ ...s, label: s.label.name });
    // two models proposing the same span show it once; archived labels are not offered
    if (s.label.archived || held.has(k) || seen.has(k)) continue;
    seen.add(k);
    out.push({
      id: s.id,
      start: s.start,
      end: s.end,
      label: s.label.name,
      text: s.text,
      origin: s.origin ?? s.layer.slot.replace(/^suggestions:/, ""),
      entityId: s.entityId,
    });
  }
  return out;
}

/**
 * The actor's spans that start where a suggestion starts: what could hold one. Read by those offsets
 * (the (layerId, start) index), so the cost follows the suggestions, not the size of the annotator's layer.
 */
async function ownSpansAt(documentId: string, userId: string, starts: number[]) {
  const layer = await db.layer.findFirst({ where: { documentId, slot: userSlot(userId) }, select: { id: true } });
  if (!layer) return [];
  const own: { start: number; end: number; label: { name: string } }[] = [];
  for (const group of batches(starts, STARTS_PER_QUERY)) {
    own.push(
      ...(await db.annotation.findMany({
        where: { layerId: layer.id, start: { in: group } },
        select: { start: true, end: true, label: { select: { name: true } } },
      })),
    );
  }
  return own;
}
