/**
 * A thread as one viewer may see it: authors who are annotators appear under
 * blind review as their pseudonyms (lib/review/blind.ts; reviewers and admins
 * keep their names, as in presence and the history), and the flags say what
 * the viewer may do with it.
 */
import { canResolveThread } from "@/lib/authz";
import { seenAs, type Person } from "@/lib/review/blind";

/** A person who wrote in a thread; `role` decides whether blind review hides them. */
export type Author = { id: string; name: string; role: string };

/** How `viewer` sees an author: annotators as their pseudonym to a blind reviewer. */
export function authorAs(viewer: { id: string; role: string }, project: { id: string; blindReview: boolean }, author: Author): Person {
  return author.role === "ANNOTATOR" ? seenAs(viewer, project, { id: author.id, name: author.name }) : { id: author.id, name: author.name };
}

export const authorSelect = { select: { id: true, name: true, role: true } } as const;
import type { JsonValue } from "@/lib/db/json-value";

export type AnchorKind = "document" | "span" | "stance" | "grade";
type Viewer = { id: string; role: string };
type ViewProject = { id: string; blindReview: boolean };

/** What a thread is about, as it was when the thread began (the span's text and label, a stance's holder → target …). */
export type AnchorSnapshot = {
  text?: string;
  label?: string;
  start?: number;
  end?: number;
  holder?: string;
  target?: string;
  polarity?: string;
  reliability?: string;
  credibility?: number;
};

export type ThreadAnchorView = { kind: AnchorKind; id: string | null; layerId: string | null } & AnchorSnapshot;

export type ThreadPostView = { id: string; author: Person; body: string; createdAt: string; editedAt: string | null; mine: boolean };

export type ThreadView = {
  id: string;
  documentId: string;
  anchor: ThreadAnchorView;
  resolved: boolean;
  resolvedAt: string | null;
  resolvedBy: Person | null;
  startedBy: Person;
  createdAt: string;
  posts: ThreadPostView[];
  /** the viewer may resolve or reopen it */
  canResolve: boolean;
};

export type ThreadRow = {
  id: string;
  documentId: string;
  anchorKind: "DOCUMENT" | "SPAN" | "STANCE" | "GRADE";
  anchorId: string | null;
  layerId: string | null;
  anchorSnapshot: JsonValue;
  resolved: boolean;
  resolvedById: string | null;
  resolvedAt: Date | null;
  createdById: string;
  createdAt: Date;
  posts: { id: string; authorId: string; body: string; createdAt: Date; editedAt: Date | null; author: Author }[];
};

/** Prisma `include` for ThreadRow. */
export const threadInclude = {
  posts: { orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }], include: { author: authorSelect } },
};

export const anchorKindOf = (k: ThreadRow["anchorKind"]) => k.toLowerCase() as AnchorKind;

export function snapshotOf(value: JsonValue): AnchorSnapshot {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as AnchorSnapshot) : {};
}

export function anchorView(row: Pick<ThreadRow, "anchorKind" | "anchorId" | "layerId" | "anchorSnapshot">): ThreadAnchorView {
  return { kind: anchorKindOf(row.anchorKind), id: row.anchorId, layerId: row.layerId, ...snapshotOf(row.anchorSnapshot) };
}

/** `people` holds the starter and the resolver (they need not have posted). */
export function threadView(viewer: Viewer, project: ViewProject, row: ThreadRow, people: Map<string, Author>): ThreadView {
  const as = (id: string): Person => authorAs(viewer, project, people.get(id) ?? { id, name: "Former member", role: "ANNOTATOR" });
  return {
    id: row.id,
    documentId: row.documentId,
    anchor: anchorView(row),
    resolved: row.resolved,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedById ? as(row.resolvedById) : null,
    startedBy: as(row.createdById),
    createdAt: row.createdAt.toISOString(),
    posts: row.posts.map((p) => ({
      id: p.id,
      author: authorAs(viewer, project, p.author),
      body: p.body,
      createdAt: p.createdAt.toISOString(),
      editedAt: p.editedAt?.toISOString() ?? null,
      mine: p.authorId === viewer.id,
    })),
    canResolve: canResolveThread(viewer as { id: string; role: "ADMIN" | "REVIEWER" | "ANNOTATOR" }, row),
  };
}

/** Per anchor: how many threads, how many still open (the span list's badge). */
export type AnchorCount = { kind: AnchorKind; id: string | null; threads: number; open: number };

export function countByAnchor(threads: ThreadView[]): AnchorCount[] {
  const counts = new Map<string, AnchorCount>();
  for (const t of threads) {
    const key = `${t.anchor.kind}:${t.anchor.id ?? ""}`;
    const c = counts.get(key) ?? { kind: t.anchor.kind, id: t.anchor.id, threads: 0, open: 0 };
    c.threads += 1;
    if (!t.resolved) c.open += 1;
    counts.set(key, c);
  }
  return [...counts.values()];
}
