/**
 * Mentions: annotations linked to an entity. Who sees which: reviewers and
 * admins every annotator layer and the gold layer; annotators their own
 * layers, plus other annotators' when the project shows layers to each other.
 */
import { db } from "@/lib/db";
import { can } from "@/lib/authz";
import { getProject } from "@/lib/projects/get-project";
import { cursorArgs, cursorPage } from "@/lib/db/cursor-page";
import type { Actor } from "@/lib/auth/actor";
import { getEntity } from "./get-entity";
import { entityInclude, entityView } from "./entity-view";

export function visibleMentionWhere(actor: Actor, project: { showOtherLayers: boolean }) {
  if (can(actor, "review:decide")) return { layer: { kind: { in: ["ANNOTATOR" as const, "GOLD" as const] } } };
  return project.showOtherLayers ? { layer: { kind: "ANNOTATOR" as const } } : { layer: { kind: "ANNOTATOR" as const, userId: actor.id } };
}

const MAX_MENTIONS = 2000;

/** An entity with its mentions grouped by spelling (the span text), each with the documents it occurs in. */
export async function entityWithMentions(opts: { actor: Actor; entityId: string }) {
  const entity = await getEntity(opts);
  const project = await db.project.findUniqueOrThrow({ where: { id: entity.projectId }, select: { showOtherLayers: true } });
  const mentions = await db.annotation.findMany({
    where: { entityId: entity.id, ...visibleMentionWhere(opts.actor, project) },
    select: {
      id: true,
      start: true,
      end: true,
      text: true,
      layer: { select: { kind: true, user: { select: { name: true } }, document: { select: { id: true, title: true } } } },
    },
    orderBy: [{ text: "asc" }, { id: "asc" }],
    take: MAX_MENTIONS,
  });
  const groups = new Map<string, { text: string; count: number; documents: Map<string, { id: string; title: string; count: number }> }>();
  for (const m of mentions) {
    const g = groups.get(m.text) ?? { text: m.text, count: 0, documents: new Map() };
    g.count++;
    const d = m.layer.document;
    const doc = g.documents.get(d.id) ?? { id: d.id, title: d.title, count: 0 };
    doc.count++;
    g.documents.set(d.id, doc);
    groups.set(m.text, g);
  }
  return {
    ...entityView(entity),
    mentionCount: mentions.length,
    spellings: [...groups.values()]
      .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
      .map((g) => ({ text: g.text, count: g.count, documents: [...g.documents.values()].sort((a, b) => a.title.localeCompare(b.title)) })),
  };
}

/** A page of the project's registry by name, with mention counts. */
export async function listEntities(opts: { actor: Actor; projectId: string; limit?: number; cursor?: string }) {
  const project = await getProject(opts);
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
  const rows = await db.canonicalEntity.findMany({
    where: { projectId: project.id },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    ...cursorArgs({ limit, cursor: opts.cursor }),
    include: { ...entityInclude, _count: { select: { mentions: { where: visibleMentionWhere(opts.actor, project) } } } },
  });
  const { page, nextCursor } = cursorPage(rows, limit);
  return { items: page.map((r) => ({ ...entityView(r), mentionCount: r._count.mentions })), nextCursor };
}
