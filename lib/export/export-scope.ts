/**
 * What an export covers, resolved once before any line is written: the
 * projects, the layers (gold, every annotator's, or one annotator's), the
 * review status, the labels. Unknown projects and annotators answer 404 and
 * unknown labels 400 here, so they become proper HTTP errors.
 */
import { db } from "@/lib/db";
import { projectScope } from "@/lib/authz";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { ExportOptions } from "./export-options";
import { splitPlan, type SplitPlan } from "./dataset-split";
import { VISIBLE_DOCUMENT } from "@/lib/documents/visible";
import { isBlindFor, namedPeopleProjects, pseudonym, type Person } from "@/lib/review/blind";

export type ExportScope = {
  options: ExportOptions;
  projectWhere: Record<string, unknown>;
  layerWhere: Record<string, unknown>;
  documentWhere: Record<string, unknown>;
  annotator: { id: string; name: string; email: string } | null;
  /** the annotator as the manifest names them (a pseudonym under blind review) */
  annotatorShown: Person | null;
  plan: SplitPlan | null;
  /** who exports: names in the records follow lib/review/blind.ts */
  viewer: Actor;
};

/** A pseudonym id (`anon-…`) the viewer was shown, back to its user and project: searched among the blind projects the viewer reviews. */
async function unmaskPseudonym(actor: Actor, projectWhere: Record<string, unknown>, shown: string) {
  const members = await db.projectMember.findMany({
    where: { project: { ...projectWhere, blindReview: true } },
    select: { userId: true, project: { select: { id: true, blindReview: true } } },
  });
  for (const m of members) {
    if (!isBlindFor(actor, m.project)) continue;
    const p = pseudonym(m.project.id, m.userId);
    if (p.id === shown) return { userId: m.userId, projectId: m.project.id, shown: p };
  }
  return null;
}

export async function exportScope(actor: Actor, options: ExportOptions): Promise<ExportScope> {
  let projectWhere: Record<string, unknown> = {
    ...projectScope(actor),
    ...(options.project ? { OR: [{ id: options.project }, { slug: options.project }] } : {}),
  };
  if (options.project && !(await db.project.findFirst({ where: projectWhere, select: { id: true } }))) throw notFound(`Project ${options.project}`);

  let annotator: ExportScope["annotator"] = null;
  let annotatorShown: Person | null = null;
  if (options.layer.startsWith("annotator:")) {
    const who = options.layer.slice("annotator:".length);
    const masked = who.startsWith("anon-") ? await unmaskPseudonym(actor, projectWhere, who) : null;
    if (masked) {
      // A pseudonym stands for one person in one project: the export is that project's.
      annotator = { id: masked.userId, name: masked.shown.name, email: "" };
      annotatorShown = masked.shown;
      projectWhere = { AND: [projectWhere, { id: masked.projectId }] };
    } else {
      // By real id or email only where names are not hidden from the viewer (never in a blind project for a reviewer).
      projectWhere = { AND: [projectWhere, namedPeopleProjects(actor)] };
      annotator = await db.user.findFirst({
        where: {
          OR: [{ id: who }, { email: who.toLowerCase() }],
          ...(actor.role === "ADMIN" ? {} : { memberships: { some: { project: { ...projectScope(actor), ...namedPeopleProjects(actor) } } } }),
        },
        select: { id: true, name: true, email: true },
      });
      annotatorShown = annotator ? { id: annotator.id, name: annotator.name } : null;
      // A named project that hides names from the viewer has no annotator by that id or email.
      if (annotator && options.project && !(await db.project.findFirst({ where: projectWhere, select: { id: true } }))) annotator = null;
    }
    if (!annotator) throw notFound(`Annotator ${who}`);
  }

  if (options.labels) {
    const known = new Set(
      (await db.label.findMany({ where: { project: projectWhere, name: { in: options.labels } }, select: { name: true } })).map((l) => l.name),
    );
    const unknown = options.labels.filter((l) => !known.has(l));
    if (unknown.length)
      throw new AppError("INVALID_INPUT", `labels: no label ${unknown.join(", ")} in ${options.project ? `project ${options.project}` : "your projects"}`);
  }

  const suggestions = options.layer === "suggestions";
  const layerWhere = suggestions
    ? // the models' suggestions nobody has answered yet; a review status does not apply to them
      { kind: "SUGGESTIONS", annotations: { some: { answers: { none: {} } } } }
    : {
        ...(options.layer === "gold" ? { kind: "GOLD" } : annotator ? { kind: "ANNOTATOR", userId: annotator.id } : { kind: "ANNOTATOR" }),
        // "all as they stand" leaves out layers nobody started (a seat assigned, nothing in it)
        ...(options.status === "approved" ? { status: "APPROVED" } : { OR: [{ status: { not: "NOT_STARTED" } }, { annotations: { some: {} } }] }),
      };
  const documentWhere = {
    project: projectWhere,
    ...VISIBLE_DOCUMENT,
    ...(options.status === "approved" || suggestions ? { layers: { some: layerWhere } } : {}),
  };
  return {
    options,
    projectWhere,
    layerWhere,
    documentWhere,
    annotator,
    annotatorShown,
    viewer: actor,
    plan: options.split ? splitPlan(options.split, options.seed) : null,
  };
}
