/**
 * Who sees which thread, what a new thread's anchor is, and who can be
 * mentioned in it. A thread follows its anchor's layer exactly as the
 * document's pages do (lib/authz.ts canSeeThread); what one may not see
 * answers 404.
 */
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { canSeeThread, documentScope } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/domain/enums";
import type { MentionCandidate } from "./mentions";
import { authorAs, type AnchorSnapshot } from "./thread-view";
import type { ThreadAnchorInput } from "./thread-input";

export type ThreadProject = { id: string; showOtherLayers: boolean; blindReview: boolean };
export type AnchorLayer = { id: string; kind: string; userId: string | null };

export async function projectOf(projectId: string): Promise<ThreadProject> {
  const p = await db.project.findUnique({ where: { id: projectId }, select: { id: true, showOtherLayers: true, blindReview: true } });
  if (!p) throw notFound("Project");
  return p;
}

const SNAPSHOT_TEXT = 300;
const clip = (s: string) => (Array.from(s).length > SNAPSHOT_TEXT ? `${Array.from(s).slice(0, SNAPSHOT_TEXT).join("")}…` : s);
const layerSelect = { select: { id: true, kind: true, userId: true } } as const;

export type ResolvedAnchor = {
  anchorKind: "DOCUMENT" | "SPAN" | "STANCE" | "GRADE";
  anchorId: string | null;
  layer: AnchorLayer | null;
  snapshot: AnchorSnapshot;
};

/** The anchor of a new thread, 422 unless it is an item of this document the actor can see. */
export async function resolveAnchor(actor: Actor, doc: { id: string }, project: ThreadProject, anchor: ThreadAnchorInput): Promise<ResolvedAnchor> {
  if (anchor.kind === "document") return { anchorKind: "DOCUMENT", anchorId: null, layer: null, snapshot: {} };
  const missing = () => new AppError("UNPROCESSABLE", `The ${anchor.kind} is not one of this document's that you can see`);
  const visible = (layer: AnchorLayer) => canSeeThread(actor, project, layer);
  if (anchor.kind === "span") {
    const a = await db.annotation.findFirst({
      where: { id: anchor.id, layer: { documentId: doc.id } },
      select: { id: true, start: true, end: true, text: true, label: { select: { name: true } }, layer: layerSelect },
    });
    if (!a || !visible(a.layer)) throw missing();
    return { anchorKind: "SPAN", anchorId: a.id, layer: a.layer, snapshot: { text: clip(a.text), label: a.label.name, start: a.start, end: a.end } };
  }
  if (anchor.kind === "stance") {
    const s = await db.stance.findFirst({
      where: { id: anchor.id, layer: { documentId: doc.id } },
      select: { id: true, polarity: true, holder: { select: { name: true } }, target: { select: { text: true } }, layer: layerSelect },
    });
    if (!s || !visible(s.layer)) throw missing();
    return { anchorKind: "STANCE", anchorId: s.id, layer: s.layer, snapshot: { holder: s.holder.name, target: s.target.text, polarity: s.polarity } };
  }
  const g = await db.sourceGrade.findFirst({
    where: { id: anchor.id, layer: { documentId: doc.id } },
    select: { id: true, reliability: true, credibility: true, annotation: { select: { text: true, start: true, end: true } }, layer: layerSelect },
  });
  if (!g || !visible(g.layer)) throw missing();
  const span = g.annotation ? { text: clip(g.annotation.text), start: g.annotation.start, end: g.annotation.end } : { text: "the outlet" };
  return { anchorKind: "GRADE", anchorId: g.id, layer: g.layer, snapshot: { ...span, reliability: g.reliability, credibility: g.credibility } };
}

const threadAccessInclude = {
  layer: layerSelect,
  document: { select: { id: true, projectId: true, title: true, project: { select: { id: true, showOtherLayers: true, blindReview: true } } } },
} as const;

/** A thread the actor may see, with its layer and project, or 404. */
export async function visibleThread(actor: Actor, threadId: string) {
  const t = await db.thread.findFirst({ where: { id: threadId, document: documentScope(actor) }, include: threadAccessInclude });
  if (!t || !canSeeThread(actor, t.document.project, t.layer)) throw notFound("Thread");
  return t;
}

/** A post whose thread the actor may see, or 404. */
export async function visiblePost(actor: Actor, postId: string) {
  const post = await db.threadPost.findFirst({
    where: { id: postId, thread: { document: documentScope(actor) } },
    select: { id: true, threadId: true, authorId: true, body: true },
  });
  if (!post) throw notFound("Post");
  try {
    return { post, thread: await visibleThread(actor, post.threadId) };
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") throw notFound("Post");
    throw err;
  }
}

/**
 * The project's active members who could see a thread on `layer`, each under
 * the names the writer may mention them by: their name as the writer sees it
 * (an annotator's pseudonym under blind review, then without the email), and
 * otherwise also their email's local part. The writer is left out.
 */
export async function mentionCandidates(tx: Tx, writer: Actor, project: ThreadProject, layer: AnchorLayer | null): Promise<MentionCandidate[]> {
  const members = await tx.projectMember.findMany({
    where: { projectId: project.id, user: { active: true } },
    select: { user: { select: { id: true, name: true, email: true, role: true } } },
  });
  return members
    .map((m) => m.user)
    .filter((u) => u.id !== writer.id && canSeeThread({ id: u.id, role: u.role as Role }, project, layer))
    .map((u) => {
      const shown = authorAs(writer, project, u);
      return { userId: u.id, names: shown.id === u.id ? [u.name, u.email.split("@")[0]] : [shown.name] };
    });
}
