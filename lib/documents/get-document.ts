import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { documentScope } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";

/** A document the actor may open, or 404. */
export async function getDocument(opts: { actor: Actor; documentId: string }) {
  const doc = await db.document.findFirst({ where: { id: opts.documentId, ...documentScope(opts.actor) } });
  if (!doc) throw notFound("Document");
  return doc;
}

export function documentView(doc: Awaited<ReturnType<typeof getDocument>>) {
  return {
    id: doc.id,
    projectId: doc.projectId,
    title: doc.title,
    text: doc.text,
    length: doc.length,
    outlet: doc.outlet,
    byline: doc.byline,
    publishedAt: doc.publishedAt,
    source: doc.source,
    metadata: JSON.parse(doc.metadata) as Record<string, unknown>,
    createdAt: doc.createdAt.toISOString(),
  };
}
