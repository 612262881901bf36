/**
 * The manifest of an export: schema version, projects, label set, filters,
 * offset unit, counts, dataset split and an agreement summary. Counted with
 * aggregate queries and id-only batches, so it costs no memory per document.
 */
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { projectAgreement } from "@/lib/agreement/project-agreement";
import { splitOf } from "./dataset-split";
import type { ExportScope } from "./export-scope";
import { SCHEMA_VERSION } from "./native-record";

const ID_BATCH = 1000;

export async function exportManifest(actor: Actor, scope: ExportScope) {
  const { options, projectWhere, layerWhere, documentWhere, plan } = scope;
  const projects = await db.project.findMany({ where: projectWhere, select: { id: true, slug: true, name: true }, orderBy: { slug: "asc" } });
  const labels = await db.label.findMany({
    where: { project: projectWhere, ...(options.labels ? { name: { in: options.labels } } : {}) },
    select: { id: true, name: true, kind: true, color: true, description: true, archived: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
  const spanWhere = { layer: { ...layerWhere, document: documentWhere }, ...(options.labels ? { label: { name: { in: options.labels } } } : {}) };
  const [documents, layers, byLabel] = await Promise.all([
    db.document.count({ where: documentWhere }),
    db.layer.count({ where: { ...layerWhere, document: documentWhere } }),
    db.annotation.groupBy({ by: ["labelId"], where: spanWhere, _count: { _all: true } }),
  ]);
  const nameOf = new Map(labels.map((l) => [l.id, l.name]));
  const spansByLabel: Record<string, number> = {};
  for (const row of byLabel) {
    const name = nameOf.get(row.labelId) ?? row.labelId;
    spansByLabel[name] = (spansByLabel[name] ?? 0) + row._count._all;
  }

  let split = null;
  if (plan) {
    const counts = Object.fromEntries(plan.names.map((n) => [n, 0])) as Record<string, number>;
    let cursor: string | undefined;
    for (;;) {
      const ids = await db.document.findMany({
        where: documentWhere,
        select: { id: true },
        orderBy: { id: "asc" },
        take: ID_BATCH,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      if (ids.length === 0) break;
      for (const { id } of ids) counts[splitOf(plan, id)]++;
      cursor = ids[ids.length - 1].id;
    }
    split = {
      method: 'sha256("<seed>:<document id>") by document',
      seed: plan.seed,
      shares: Object.fromEntries(plan.names.map((n, i) => [n, plan.shares[i]])),
      documents: counts,
    };
  }

  let agreement = null;
  if (options.agreement && options.project) {
    const a = await projectAgreement({ actor, projectId: options.project });
    agreement = { counted: a.counted, overall: a.agreement.overall, labels: a.agreement.labels.map(({ color: _color, ...rest }) => rest) };
  }

  const seen = new Set<string>();
  return {
    type: "manifest" as const,
    schema_version: SCHEMA_VERSION,
    format: options.format,
    exported_at: new Date().toISOString(),
    offsets: {
      unit: options.offsets,
      end: "exclusive",
      ...(options.offsets === "codepoint" ? { note: "Python: text[start:end]" } : { note: "JavaScript: text.slice(start, end)" }),
    },
    projects,
    filters: {
      layer: scope.annotatorShown ? { annotator: { id: scope.annotatorShown.id, name: scope.annotatorShown.name } } : options.layer,
      status: options.status,
      labels: options.labels ?? null,
    },
    label_set: labels
      .filter((l) => !seen.has(l.name) && seen.add(l.name))
      .map((l) => ({ name: l.name, kind: l.kind, color: l.color, description: l.description, archived: l.archived })),
    counts: { documents, layers, spans: Object.values(spansByLabel).reduce((a, b) => a + b, 0), spans_by_label: spansByLabel },
    split,
    agreement,
  };
}

export type ExportManifest = Awaited<ReturnType<typeof exportManifest>>;
