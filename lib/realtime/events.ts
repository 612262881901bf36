/**
 * What travels on the live channel of a document. Domain code publishes
 * `DocumentEvent`s (lib/realtime/publish.ts); instances exchange `BusMessage`s
 * (document events and presence announcements); browsers receive
 * `LiveEvent`s over server-sent events. Everything is checked with zod when it
 * crosses a process boundary (the PostgreSQL channel is one).
 */
import { z } from "zod";
import { LAYER_KINDS, LAYER_STATUSES, ROLES } from "@/lib/domain/enums";
import type { AnnotationView } from "@/lib/annotations/annotation-view";

const Id = z.string().min(1).max(200);

export const AnnotationViewSchema = z.object({
  id: Id,
  documentId: Id,
  layerId: Id,
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string(),
  label: z.string(),
  entityId: Id.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<AnnotationView>;

/** Which layer an event is about, and who caused it: what the visibility rule (lib/authz.ts canSeeLayerEvent) reads. */
const LayerRef = z.object({
  documentId: Id,
  projectId: Id,
  layerId: Id,
  layerKind: z.enum(LAYER_KINDS),
  /** the annotator of an ANNOTATOR layer; null for GOLD and SUGGESTIONS */
  layerUserId: Id.nullable(),
  actorId: Id,
});

const AnnotationCreated = LayerRef.extend({ type: z.literal("annotation.created"), annotation: AnnotationViewSchema });
const AnnotationUpdated = LayerRef.extend({ type: z.literal("annotation.updated"), annotation: AnnotationViewSchema });
const AnnotationDeleted = LayerRef.extend({ type: z.literal("annotation.deleted"), annotationId: Id });
const LayerChanged = LayerRef.extend({ type: z.literal("layer.changed"), status: z.enum(LAYER_STATUSES) });

/** A change that committed, as domain code publishes it. */
export const DocumentEvent = z.discriminatedUnion("type", [AnnotationCreated, AnnotationUpdated, AnnotationDeleted, LayerChanged]);
export type DocumentEvent = z.infer<typeof DocumentEvent>;
export type DocumentEventType = DocumentEvent["type"];

/**
 * An annotation event whose body did not fit in one PostgreSQL NOTIFY (8000
 * bytes): the annotation is left out and the client fetches it.
 */
export const AnnotationRefetch = LayerRef.extend({
  type: z.enum(["annotation.created", "annotation.updated"]),
  annotationId: Id,
  version: z.number().int(),
  refetch: z.literal(true),
});
export type AnnotationRefetch = z.infer<typeof AnnotationRefetch>;

/** A document event as subscribers receive it: whole, or (when too large for the channel) without the annotation body. */
export const DeliveredDocumentEvent = z.union([DocumentEvent, AnnotationRefetch]);
export type DeliveredDocumentEvent = z.infer<typeof DeliveredDocumentEvent>;

/** One person on a document, deduplicated over their tabs and the instances serving them. */
export const Viewer = z.object({
  userId: Id,
  name: z.string().max(200),
  role: z.enum(ROLES),
  /** open connections (tabs) of this user on the document */
  tabs: z.number().int().min(1),
});
export type Viewer = z.infer<typeof Viewer>;

/** An instance tells the others who is on a document through it (empty: nobody any more). */
export const PresenceAnnounce = z.object({
  kind: z.literal("presence"),
  instanceId: Id,
  documentId: Id,
  viewers: z.array(Viewer),
  /** increases with every announcement of the sender: NOTIFYs sent over different pooled connections may arrive out of order */
  seq: z.number().int().min(0),
  /** set when the sender has just started watching the document and wants the others to announce theirs */
  reply: z.boolean(),
});
export type PresenceAnnounce = z.infer<typeof PresenceAnnounce>;

/**
 * A discussion thread of the document changed (started, replied to, a post
 * edited, resolved or reopened). It carries no text and no names: pages fetch
 * the threads they may see (GET /api/v1/documents/:id/threads). Who sees it
 * follows the thread's layer (lib/authz.ts canSeeThread); `mentioned` is cut
 * down to the subscriber alone before it leaves the server.
 */
export const ThreadChanged = z.object({
  type: z.literal("thread.changed"),
  documentId: Id,
  projectId: Id,
  threadId: Id,
  /** the anchor's layer; null for a thread on the document */
  layerId: Id.nullable(),
  layerKind: z.enum(LAYER_KINDS).nullable(),
  layerUserId: Id.nullable(),
  actorId: Id,
  /** the users this change newly mentioned */
  mentioned: z.array(Id).max(200),
});
export type ThreadChanged = z.infer<typeof ThreadChanged>;

export const BusMessage = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("document"), event: DeliveredDocumentEvent }),
  PresenceAnnounce,
  z.object({ kind: z.literal("thread"), event: ThreadChanged }),
]);
export type BusMessage = z.infer<typeof BusMessage>;

/** Sent to a browser: everyone on the document now. */
export type PresenceEvent = { type: "presence"; documentId: string; viewers: Viewer[] };
/** First event of every stream: who the stream belongs to. */
export type HelloEvent = { type: "hello"; documentId: string; userId: string; connectionId: string };
/** Everything a document stream (GET /api/v1/documents/:id/events) sends, by SSE event name = `type`. */
export type LiveEvent = DeliveredDocumentEvent | PresenceEvent | HelloEvent | ThreadChanged;
export const LIVE_EVENT_TYPES = [
  "hello",
  "presence",
  "annotation.created",
  "annotation.updated",
  "annotation.deleted",
  "layer.changed",
  "thread.changed",
] as const;
