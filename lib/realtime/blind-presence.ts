import type { DeliveredDocumentEvent, PresenceEvent, ThreadChanged } from "./events";
import type { StreamAccess } from "./hub";
import { idSeenAs, isBlindFor, seenAs } from "@/lib/review/blind";

type BlindAccess = { subscriber: StreamAccess["subscriber"]; project: { id: string; showOtherLayers: boolean; blindReview?: boolean } };
const projectOf = (access: BlindAccess) => ({ id: access.project.id, blindReview: access.project.blindReview ?? false });

/** Under blind review, reviewers see that an annotator is on the document under their pseudonym (lib/review/blind.ts), never who. */
export function blindPresence(event: PresenceEvent, access: BlindAccess): PresenceEvent {
  const project = projectOf(access);
  if (!isBlindFor(access.subscriber, project)) return event;
  return {
    ...event,
    viewers: event.viewers.map((v) => {
      if (v.role !== "ANNOTATOR") return v;
      const p = seenAs(access.subscriber, project, { id: v.userId, name: v.name });
      return { ...v, userId: p.id, name: p.name };
    }),
  };
}

/** Document events carry the layer owner's and the actor's user ids: pseudonym ids for a blind reviewer. */
export function blindDocumentEvent(event: DeliveredDocumentEvent, access: BlindAccess): DeliveredDocumentEvent {
  const project = projectOf(access);
  if (!isBlindFor(access.subscriber, project)) return event;
  return {
    ...event,
    layerUserId: event.layerUserId === null ? null : idSeenAs(access.subscriber, project, event.layerUserId),
    actorId: event.layerKind === "ANNOTATOR" && event.actorId === event.layerUserId ? idSeenAs(access.subscriber, project, event.actorId) : event.actorId,
  };
}

/**
 * A thread event as one subscriber receives it: `mentioned` says only whether
 * it mentions them; under blind review the writer and the layer's owner are
 * pseudonym ids (every writer, since seenAs hides everyone but oneself).
 */
export function personalThreadEvent(event: ThreadChanged, access: BlindAccess): ThreadChanged {
  const self = access.subscriber.id;
  const personal = { ...event, mentioned: event.mentioned.includes(self) ? [self] : [] };
  const project = projectOf(access);
  if (!isBlindFor(access.subscriber, project)) return personal;
  return {
    ...personal,
    actorId: idSeenAs(access.subscriber, project, event.actorId),
    layerUserId: event.layerUserId === null ? null : idSeenAs(access.subscriber, project, event.layerUserId),
  };
}
