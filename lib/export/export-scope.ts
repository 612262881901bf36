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

export type ExportScope = {
  options: ExportOptions;
  projectWhere: Record<string, unknown>;
  layerWhere: Record<string, unknown>;
  documentWhere: Record<string, unknown>;
  annotator: { id: string; name: string; email: string } | null;
  plan: SplitPlan | null;
};

export async function exportScope(actor: Actor, options: ExportOptions): Promise<ExportScope> {
  const projectWhere = { ...projectScope(actor), ...(options.project ? { OR: [{ id: options.project }, { slug: options.project }] } : {}) };
  if (options.project && !(await db.project.findFirst({ where: projectWhere, select: { id: true } }))) throw notFound(`Project ${options.project}`);

  let annotator: ExportScope["annotator"] = null;
  if (options.layer.startsWith("annotator:")) {
    const who = options.layer.slice("annotator:".length);
    annotator = await db.user.findFirst({
      where: {
        OR: [{ id: who }, { email: who.toLowerCase() }],
        ...(actor.role === "ADMIN" ? {} : { memberships: { some: { project: projectScope(actor) } } }),
      },
      select: { id: true, name: true, email: true },
    });
    if (!annotator) throw notFound(`Annotator ${who}`);
  }

  if (options.labels) {
    const known = new Set((await db.label.findMany({ where: { project: projectWhere, name: { in: options.labels } }, select: { name: true } })).map((l) => l.name));
    const unknown = options.labels.filter((l) => !known.has(l));
    if (unknown.length) throw new AppError("INVALID_INPUT", `labels: no label ${unknown.join(", ")} in ${options.project ? `project ${options.project}` : "your projects"}`);
  }

  const layerWhere = {
    ...(options.layer === "gold" ? { kind: "GOLD" } : annotator ? { kind: "ANNOTATOR", userId: annotator.id } : { kind: "ANNOTATOR" }),
    ...(options.status === "approved" ? { status: "APPROVED" } : {}),
  };
  const documentWhere = {
    project: projectWhere,
    ...VISIBLE_DOCUMENT,
    ...(options.status === "approved" ? { layers: { some: layerWhere } } : {}),
  };
  return { options, projectWhere, layerWhere, documentWhere, annotator, plan: options.split ? splitPlan(options.split, options.seed) : null };
}
