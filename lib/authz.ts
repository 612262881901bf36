/**
 * Authorization, in one place. Route handlers, server actions and pages ask
 * here; queries use the scopes below so that what a user may not see is never
 * loaded in the first place (and answers 404, not 403, to hide existence).
 */
import { AppError, forbidden } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";

/** What the query scopes need to know of the actor. */
type ActorRef = Pick<Actor, "id" | "role">;
import type { Role } from "@/lib/domain/enums";
import { VISIBLE_DOCUMENT } from "@/lib/documents/visible";

const PERMISSIONS = {
  "document:import": ["ADMIN"],
  "corpus:export": ["ADMIN", "REVIEWER"],
  /** search the documents and spans one may see (lib/search) */
  "corpus:search": ["ADMIN", "REVIEWER", "ANNOTATOR"],
  "layer:annotate": ["ADMIN", "REVIEWER", "ANNOTATOR"],
  "user:manage": ["ADMIN"],
  "review:decide": ["ADMIN", "REVIEWER"],
  "history:view": ["ADMIN", "REVIEWER"],
  "assignment:manage": ["ADMIN"],
  "assignment:read": ["ADMIN", "REVIEWER"],
  "project:dashboard": ["ADMIN", "REVIEWER"],
  /** see the projects one belongs to, their settings, schema and members */
  "project:view": ["ADMIN", "REVIEWER"],
  /** create projects; edit settings, label schemas and members */
  "project:manage": ["ADMIN"],
  /** create entities of the registry, edit them and their aliases, link mentions */
  "entity:edit": ["ADMIN", "REVIEWER", "ANNOTATOR"],
  /** merge two entities of the registry into one */
  "entity:merge": ["ADMIN", "REVIEWER"],
  /** run pre-annotation (built-in or a configured model) and follow its jobs */
  "assist:run": ["ADMIN", "REVIEWER"],
  /** add, rename and remove a project's stance targets */
  "stance-target:manage": ["ADMIN", "REVIEWER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

export function authorize(actor: Actor | null, permission?: Permission): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in or send an API token (Authorization: Bearer …)");
  if (permission && !can(actor, permission)) {
    throw forbidden(`Your role (${actor.role.toLowerCase()}) may not ${permission.replace(":", " ")}`);
  }
  return actor;
}

/** Prisma `where` for projects the actor belongs to (admins see all). */
export function projectScope(actor: ActorRef) {
  return actor.role === "ADMIN" ? {} : { members: { some: { userId: actor.id } } };
}

/**
 * Prisma `where` for projects the actor is a member of, whatever their role:
 * where their own work queue lives (admins see every project but only work in
 * their own).
 */
export function memberProjectScope(actor: Actor) {
  return { members: { some: { userId: actor.id } } };
}

/** Prisma `where` for documents the actor may open. */
export function documentScope(actor: ActorRef) {
  return { project: projectScope(actor), ...VISIBLE_DOCUMENT };
}

/** Prisma `where` for registry entities of the actor's projects. */
export function entityScope(actor: Actor) {
  return { project: projectScope(actor) };
}

/** Prisma `where` for annotations in the actor's own layers. */
export function ownAnnotationScope(actor: Actor) {
  return { layer: { userId: actor.id, kind: "ANNOTATOR" as const } };
}

/**
 * Prisma `where` for annotations the actor may change: their own layers, and
 * for reviewers the gold layers of their projects. Nobody edits another
 * annotator's layer.
 */
export function writableAnnotationScope(actor: Actor) {
  const gold = can(actor, "review:decide") ? [{ layer: { kind: "GOLD" as const, document: documentScope(actor) } }] : [];
  return { OR: [ownAnnotationScope(actor), ...gold] };
}

/** Prisma `where` for source grades the actor may change: the same layers as annotations. */
export const writableGradeScope = writableAnnotationScope;
/** Prisma `where` for stances the actor may change: the same layers as annotations. */
export const writableStanceScope = writableAnnotationScope;

/**
 * Whether a live event about a layer reaches a subscriber on the document:
 * their own layer always (that keeps a second tab in sync); the gold layer
 * for reviewers and admins; another annotator's layer for reviewers and
 * admins, and for annotators only when the project shows layers to each other.
 * Suggestions (pre-annotations) are meant for everyone on the document.
 */
export function canSeeLayerEvent(
  subscriber: Pick<Actor, "id" | "role">,
  project: { showOtherLayers: boolean },
  event: { layerKind: string; layerUserId: string | null },
): boolean {
  if (event.layerKind === "ANNOTATOR" && event.layerUserId === subscriber.id) return true;
  if (event.layerKind === "SUGGESTIONS") return true;
  if ((PERMISSIONS["review:decide"] as readonly Role[]).includes(subscriber.role)) return true;
  return event.layerKind === "ANNOTATOR" && project.showOtherLayers;
}

/**
 * Whether a discussion thread is visible to someone who may open its document:
 * a thread on the document itself to every such person; a thread on a span,
 * stance or grade exactly when that item's layer is (canSeeLayerEvent).
 */
export function canSeeThread(
  viewer: Pick<Actor, "id" | "role">,
  project: { showOtherLayers: boolean },
  layer: { kind: string; userId: string | null } | null,
): boolean {
  return layer === null || canSeeLayerEvent(viewer, project, { layerKind: layer.kind, layerUserId: layer.userId });
}

/** Resolving and reopening a thread: reviewers and admins, and whoever started it. */
export function canResolveThread(actor: Pick<Actor, "id" | "role">, thread: { createdById: string }): boolean {
  return (PERMISSIONS["review:decide"] as readonly Role[]).includes(actor.role) || thread.createdById === actor.id;
}
