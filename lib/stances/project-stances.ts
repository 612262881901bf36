/**
 * The stance view's data for a project. Reviewers and admins see every
 * annotator's layer and the gold layer; annotators their own layers only.
 */
import { seenAs } from "@/lib/review/blind";
import { db } from "@/lib/db";
import { can } from "@/lib/authz";
import { getProject } from "@/lib/projects/get-project";
import type { Actor } from "@/lib/auth/actor";
import type { Polarity } from "./stance-input";
import { summarizeStances, type StanceItem } from "./stance-summary";

const LIMIT = 5000;

export async function projectStances(opts: { actor: Actor; projectId: string }) {
  const project = await getProject(opts);
  const layerWhere = can(opts.actor, "review:decide")
    ? { document: { projectId: project.id } }
    : { document: { projectId: project.id }, userId: opts.actor.id, kind: "ANNOTATOR" as const };
  const [targets, rows] = await Promise.all([
    db.stanceTarget.findMany({
      where: { projectId: project.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, text: true, description: true },
    }),
    db.stance.findMany({
      where: { layer: layerWhere },
      take: LIMIT,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: {
        holder: { select: { id: true, name: true, type: true } },
        target: { select: { id: true, text: true } },
        layer: { select: { kind: true, user: { select: { id: true, name: true } }, document: { select: { id: true, title: true } } } },
        evidence: { select: { annotation: { select: { id: true, start: true, end: true, text: true } } } },
      },
    }),
  ]);
  const items: StanceItem[] = rows.map((s) => ({
    id: s.id,
    target: s.target,
    holder: s.holder,
    polarity: s.polarity as Polarity,
    confidence: s.confidence,
    documentLevel: s.documentLevel,
    document: s.layer.document,
    layer: s.layer.kind === "GOLD" ? "gold" : s.layer.user ? seenAs(opts.actor, project, s.layer.user).name : "annotator",
    evidence: s.evidence
      .map((e) => ({ annotationId: e.annotation.id, start: e.annotation.start, end: e.annotation.end, text: e.annotation.text }))
      .sort((a, b) => a.start - b.start),
  }));
  return {
    project: { id: project.id, name: project.name, slug: project.slug },
    targets,
    summary: summarizeStances(targets, items),
    truncated: rows.length === LIMIT,
  };
}
