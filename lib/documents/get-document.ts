import { cache } from "react";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { documentScope } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/domain/enums";

// One read per page render however many loaders ask (React's cache lasts one
// server render; elsewhere — route handlers, scripts, tests — it reads every time).
const loadDocument = cache((actorId: string, role: Role, documentId: string) =>
  db.document.findFirst({ where: { id: documentId, ...documentScope({ id: actorId, role }) } }),
);

/** A document the actor may open, or 404. */
export async function getDocument(opts: { actor: Actor; documentId: string }) {
  const doc = await loadDocument(opts.actor.id, opts.actor.role, opts.documentId);
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
