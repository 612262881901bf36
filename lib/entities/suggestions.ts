/**
 * Suggestions from the registry: on a document, every occurrence of a known
 * name or alias (./find-occurrences.ts) that the actor's layer does not yet
 * cover with a span linked to that entity, minus what the actor dismissed.
 * Suggestions are computed, never stored; only dismissals are, as annotations
 * with reviewState DISMISSED in a per-user SUGGESTIONS layer (slot
 * "suggestions:dismissed:<userId>"), which export, agreement and review never
 * read (they read ANNOTATOR and GOLD layers only).
 */
import { db } from "@/lib/db";
import { authorize } from "@/lib/authz";
import { getDocumentWithText } from "@/lib/documents/get-document";
import { GOLD_SLOT, userSlot } from "@/lib/domain/enums";
import type { LayerTarget } from "@/lib/layers/layer-for-write";
import type { Actor } from "@/lib/auth/actor";
import type { Occurrence } from "./find-occurrences";
import { documentOccurrences } from "./document-occurrences";
import { openSuggestions } from "./open-suggestions";

export { openSuggestions };

export const dismissedSlot = (userId: string) => `suggestions:dismissed:${userId}`;
export const DISMISSED = "DISMISSED";

export type Suggestion = Occurrence & { entityName: string; entityType: string };

/**
 * `unlinkedSpans`: also return the layer's spans without an entity (accepting a suggestion links an unlinked span
 * already at its place). Only linked spans decide what is open, and a long report has thousands of the others.
 */
export async function documentSuggestions(opts: { actor: Actor; documentId: string; target?: LayerTarget; unlinkedSpans?: boolean }) {
  const target = opts.target ?? "own";
  if (target === "gold") authorize(opts.actor, "review:decide");
  const doc = await getDocumentWithText(opts);
  const [aliases, layer, dismissed] = await Promise.all([
    db.entityAlias.findMany({
      where: { entity: { projectId: doc.projectId } },
      select: { alias: true, entity: { select: { id: true, name: true, type: true } } },
    }),
    db.annotation.findMany({
      where: {
        layer: { documentId: doc.id, slot: target === "gold" ? GOLD_SLOT : userSlot(opts.actor.id) },
        ...(opts.unlinkedSpans ? {} : { entityId: { not: null } }),
      },
      select: { id: true, start: true, end: true, entityId: true },
    }),
    db.annotation.findMany({
      where: { layer: { documentId: doc.id, slot: dismissedSlot(opts.actor.id) } },
      select: { start: true, end: true, entityId: true },
    }),
  ]);
  const entities = new Map(aliases.map((a) => [a.entity.id, a.entity]));
  const occurrences = documentOccurrences(
    doc,
    aliases.map((a) => ({ entityId: a.entity.id, alias: a.alias })),
  );
  const suggestions: Suggestion[] = openSuggestions(occurrences, layer, dismissed).map((o) => ({
    ...o,
    entityName: entities.get(o.entityId)!.name,
    entityType: entities.get(o.entityId)!.type,
  }));
  return { document: doc, target, layer, suggestions };
}
