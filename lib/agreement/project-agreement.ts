/**
 * A project's dashboard figures: per annotator progress, agreement per label
 * and overall (with the units and documents behind each figure), and the
 * label distribution in annotator and gold layers.
 *
 * Agreement counts completed annotator layers (submitted or approved), and
 * in-progress ones too when asked. Undefined statistics come out as null.
 *
 * The figures are sums of per-document cells kept in the database
 * (lib/agreement/stored): reading them costs the same however large the
 * project, and a change costs one document's recomputation.
 */
import { db } from "@/lib/db";
import { isBlindFor, seenAs } from "@/lib/review/blind";
import { notFound } from "@/lib/errors";
import { authorize, projectScope } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";
import type { LayerStatus } from "@/lib/domain/enums";
import { AgreementTally, type AgreementFigures } from "./agreement-tally";
import { annotatorProgress } from "./annotator-progress";
import { countedStatuses } from "./counted-layers";
import { parseCellKey, type Cells } from "./document-cells";
import { countedScope } from "./document-share";
import { refreshAgreement, refreshInBackground } from "./stored/refresh-agreement";
import { readTotals } from "./stored/totals";
import { spanScores } from "./span-f1";
import { stanceFigures } from "./stance-agreement";
import { turn } from "./stored/turn";
import { docLabelFigures } from "./doc-label-agreement";

const FALLBACK_COLOR = "#6b7280";

/** What the dashboard page and the agreement API spend on stale documents before answering. */
export const DASHBOARD_BUDGET_MS = 400;

/**
 * `budgetMs`: how long to spend bringing stale documents' cells up to date
 * before answering; what is left goes on in the background and is reported
 * as `pendingDocuments` (the figures then leave those documents' latest
 * changes out). Without a budget the figures are always current.
 */
export async function projectAgreement(opts: { actor: Actor; projectId: string; includeInProgress?: boolean; budgetMs?: number }) {
  const actor = authorize(opts.actor, "project:dashboard");
  const project = await db.project.findFirst({
    where: { ...projectScope(actor), OR: [{ id: opts.projectId }, { slug: opts.projectId }] },
    select: { id: true, slug: true, name: true, blindReview: true },
  });
  if (!project) throw notFound("Project");
  const includeInProgress = opts.includeInProgress ?? false;
  const statuses: LayerStatus[] = countedStatuses(includeInProgress);

  const { pending } = await refreshAgreement({ projectId: project.id, budgetMs: opts.budgetMs });
  if (pending > 0) refreshInBackground(project.id);
  await turn();
  const [labels, totals, docLabelSets] = await Promise.all([
    db.label.findMany({ where: { projectId: project.id }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
    readTotals(project.id, countedScope(includeInProgress)),
    db.docLabelSet.findMany({
      where: { projectId: project.id, archived: false },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: { id: true, name: true, multiple: true, choices: { where: { archived: false }, select: { id: true } } },
    }),
  ]);
  await turn();
  const active = labels.filter((l) => !l.archived).map((l) => l.name);
  const tally = new AgreementTally(active);
  tally.addCells(totals.counted);
  const progress = await annotatorProgress({ projectId: project.id, cells: totals.all });
  const counted = countsByLabel(totals.counted, "dist");
  const gold = countsByLabel(totals.all, "gold");
  const colorOf = new Map(labels.map((l) => [l.name, l.color]));
  // Reviewers of a blind-review project see pseudonyms (lib/review/blind.ts), listed in their order, not the names'.
  const annotators = progress.map((a) => ({ ...seenAs(actor, project, { id: a.userId, name: a.name }), layers: a.layers, spans: a.spans }));
  if (isBlindFor(actor, project)) annotators.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  return {
    project: { id: project.id, slug: project.slug, name: project.name },
    counted: { statuses, includeInProgress },
    /** documents whose latest changes the figures do not include yet (being brought up to date) */
    pendingDocuments: pending,
    annotators,
    agreement: {
      overall: figuresView(tally.overall()),
      labels: tally.perLabel().map(({ label, figures }) => ({ label, color: colorOf.get(label) ?? FALLBACK_COLOR, ...figuresView(figures) })),
      /** which labels annotators gave the same words; "O" is no label */
      confusion: tally.confusion(),
      /** holder → target → polarity on (holder, target) pairs two annotators both stated a stance on */
      stances: stanceFiguresView(stanceFigures(totals.counted)),
    },
    /** agreement on document labels per active set (lib/agreement/doc-label-agreement.ts), from the same stored cells */
    docLabels: docLabelAgreement(totals.counted, docLabelSets),
    /** each model's suggestions against approved gold, per label (exact match; recall over the documents it ran on) */
    models: modelQuality(totals.all, active),
    // archived labels only where they were used
    distribution: labels
      .map((l) => ({ label: l, annotators: counted.get(l.name) ?? 0, gold: gold.get(l.name) ?? 0 }))
      .filter((d) => !d.label.archived || d.annotators + d.gold > 0)
      .map((d) => ({ label: d.label.name, color: d.label.color, annotators: d.annotators, gold: d.gold })),
  };
}

function docLabelAgreement(cells: Cells, sets: { id: string; name: string; multiple: boolean; choices: { id: string }[] }[]) {
  const figures = docLabelFigures(
    cells,
    sets.map((s) => ({ id: s.id, multiple: s.multiple, choiceIds: s.choices.map((c) => c.id) })),
  );
  return sets.map((s) => {
    const f = figures.get(s.id)!;
    return { setId: s.id, name: s.name, multiple: s.multiple, alpha: defined(f.alpha), kappa: defined(f.kappa), documents: f.documents, pairs: f.pairs };
  });
}

/** Span counts per label name from the ["dist", L] or ["gold", L] cells. */
function countsByLabel(cells: Cells, kind: "dist" | "gold"): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, n] of cells) {
    const [k, label] = parseCellKey(key);
    if (k === kind) out.set(String(label), (out.get(String(label)) ?? 0) + n);
  }
  return out;
}

/** Precision, recall and F1 of each model from the ["model", origin, L, what] cells, per label in the project's order. */
function modelQuality(cells: Cells, labelOrder: string[]) {
  const models = new Map<string, Map<string, { exact: number; overlap: number; reference: number; candidate: number }>>();
  for (const [key, n] of cells) {
    const [kind, origin, label, what] = parseCellKey(key);
    if (kind !== "model") continue;
    const perLabel = models.get(String(origin)) ?? new Map();
    models.set(String(origin), perLabel);
    const counts = perLabel.get(String(label)) ?? { exact: 0, overlap: 0, reference: 0, candidate: 0 };
    counts[what as "exact"] += n;
    perLabel.set(String(label), counts);
  }
  const rank = (label: string) => (labelOrder.includes(label) ? labelOrder.indexOf(label) : labelOrder.length);
  const scores = (c: { exact: number; overlap: number; reference: number; candidate: number }) => ({
    ...spanScores({ matched: c.exact, reference: c.reference, candidate: c.candidate }),
    recallOverlap: spanScores({ matched: c.overlap, reference: c.reference, candidate: c.candidate }).recall,
  });
  return [...models]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([origin, perLabel]) => {
      const labels = [...perLabel].sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1));
      const total = labels.reduce(
        (t, [, c]) => ({
          exact: t.exact + c.exact,
          overlap: t.overlap + c.overlap,
          reference: t.reference + c.reference,
          candidate: t.candidate + c.candidate,
        }),
        {
          exact: 0,
          overlap: 0,
          reference: 0,
          candidate: 0,
        },
      );
      const view = (label: string, c: typeof total) => {
        const s = scores(c);
        return {
          label,
          precision: defined(s.precision),
          recall: defined(s.recall),
          f1: defined(s.f1),
          reference: c.reference,
          candidate: c.candidate,
          matched: c.exact,
        };
      };
      return { origin, overall: view("All labels", total), labels: labels.map(([label, c]) => view(label, c)) };
    });
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

function stanceFiguresView(f: ReturnType<typeof stanceFigures>) {
  return { percent: defined(f.percent), kappa: defined(f.kappa), units: f.units, pairs: f.pairs, documents: f.documents };
}
