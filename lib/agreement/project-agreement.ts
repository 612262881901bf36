/**
 * A project's dashboard figures: per annotator progress, agreement per label
 * and overall (with the units and documents behind each figure), and the
 * label distribution in annotator and gold layers.
 *
 * Agreement counts completed annotator layers (submitted or approved), and
 * in-progress ones too when asked. Undefined statistics come out as null.
 */
import { db } from "@/lib/db";
import { isBlindFor, seenAs } from "@/lib/review/blind";
import { notFound } from "@/lib/errors";
import { authorize, projectScope } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";
import type { LayerStatus } from "@/lib/domain/enums";
import type { AgreementFigures } from "./agreement-tally";
import { annotatorProgress } from "./annotator-progress";
import { countedStatuses } from "./counted-layers";
import { labelDistribution } from "./label-distribution";
import { tallyProject } from "./tally-project";

const FALLBACK_COLOR = "#6b7280";

export async function projectAgreement(opts: { actor: Actor; projectId: string; includeInProgress?: boolean }) {
  const actor = authorize(opts.actor, "project:dashboard");
  const project = await db.project.findFirst({
    where: { ...projectScope(actor), OR: [{ id: opts.projectId }, { slug: opts.projectId }] },
    select: { id: true, slug: true, name: true, blindReview: true },
  });
  if (!project) throw notFound("Project");
  const includeInProgress = opts.includeInProgress ?? false;
  const statuses: LayerStatus[] = countedStatuses(includeInProgress);

  const labels = await db.label.findMany({ where: { projectId: project.id }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
  const active = labels.filter((l) => !l.archived).map((l) => l.name);
  const [progress, counts, tally] = await Promise.all([
    annotatorProgress({ projectId: project.id }),
    labelDistribution({ projectId: project.id, statuses }),
    tallyProject({ projectId: project.id, statuses, labels: active }),
  ]);
  const colorOf = new Map(labels.map((l) => [l.name, l.color]));
  const countsById = new Map(counts.map((c) => [c.labelId, c]));
  // Reviewers of a blind-review project see pseudonyms (lib/review/blind.ts), listed in their order, not the names'.
  const annotators = progress.map((a) => ({ ...seenAs(actor, project, { id: a.userId, name: a.name }), layers: a.layers, spans: a.spans }));
  if (isBlindFor(actor, project)) annotators.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  return {
    project: { id: project.id, slug: project.slug, name: project.name },
    counted: { statuses, includeInProgress },
    annotators,
    agreement: {
      overall: figuresView(tally.overall()),
      labels: tally.perLabel().map(({ label, figures }) => ({ label, color: colorOf.get(label) ?? FALLBACK_COLOR, ...figuresView(figures) })),
    },
    // archived labels only where they were used
    distribution: labels
      .map((l) => ({ label: l, annotators: countsById.get(l.id)?.annotators ?? 0, gold: countsById.get(l.id)?.gold ?? 0 }))
      .filter((d) => !d.label.archived || d.annotators + d.gold > 0)
      .map((d) => ({ label: d.label.name, color: d.label.color, annotators: d.annotators, gold: d.gold })),
  };
}

export type ProjectAgreement = Awaited<ReturnType<typeof projectAgreement>>;

const defined = (x: number) => (Number.isFinite(x) ? x : null);

/** Figures as JSON carries them: a statistic that is undefined is null, not NaN. */
export type FiguresView = ReturnType<typeof figuresView>;

function figuresView(f: AgreementFigures) {
  return {
    alpha: defined(f.alpha),
    kappa: defined(f.kappa),
    f1Exact: defined(f.f1Exact),
    f1Overlap: defined(f.f1Overlap),
    units: f.units,
    documents: f.documents,
    pairs: f.pairs,
  };
}
