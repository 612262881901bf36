/**
 * Syndication for one project, computed on demand and kept in memory. Texts
 * are immutable, so the result only changes when the project's document set
 * does: the cache key is the sorted list of its document ids.
 */
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { getDocument } from "@/lib/documents/get-document";
import type { Actor } from "@/lib/auth/actor";
import { SyndicationIndex } from "./corpus";

const MAX_CACHED_PROJECTS = 20;
const cache = new Map<string, { key: string; index: SyndicationIndex }>();

export async function projectSyndication(projectId: string): Promise<SyndicationIndex> {
  const ids = await db.document.findMany({ where: { projectId }, select: { id: true }, orderBy: { id: "asc" } });
  const key = createHash("sha256").update(ids.map((d) => d.id).join(",")).digest("hex");
  const hit = cache.get(projectId);
  if (hit && hit.key === key) return hit.index;
  const docs = await db.document.findMany({ where: { projectId }, select: { id: true, title: true, text: true }, orderBy: { id: "asc" } });
  const index = new SyndicationIndex(docs);
  cache.delete(projectId);
  cache.set(projectId, { key, index });
  while (cache.size > MAX_CACHED_PROJECTS) cache.delete(cache.keys().next().value!);
  return index;
}

/** The passages a document shares with other documents of its project (the actor must be able to open it). */
export async function documentSyndication(opts: { actor: Actor; documentId: string }) {
  const doc = await getDocument(opts);
  const index = await projectSyndication(doc.projectId);
  return { documentId: doc.id, passages: index.passagesOf(doc.id) };
}
