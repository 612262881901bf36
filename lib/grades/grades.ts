/**
 * Source grades (Admiralty scale) in an annotator's layer, or in the gold
 * layer for reviewers: one grade for the document's outlet per layer, one per
 * cited-source span. Every change is audited (subject GRADE) in its
 * transaction and announced live after it commits.
 */
import type { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize, writableGradeScope } from "@/lib/authz";
import { getDocument } from "@/lib/documents/get-document";
import { layerForWrite, type LayerTarget } from "@/lib/layers/layer-for-write";
import { deleteLayerItem, itemForWrite, updateLayerItem, type LayerItemKind } from "@/lib/layers/versioned-write";
import { recordAudit } from "@/lib/audit/record-audit";
import { serializable } from "@/lib/db/serializable";
import { GOLD_SLOT, userSlot } from "@/lib/domain/enums";
import { publishLayerChanges } from "@/lib/realtime/publish-layers";
import { syndicationOfDocument } from "@/lib/syndication/project-syndication";
import { mentionedOutside } from "@/lib/syndication/documents-mentioning";
import type { Actor } from "@/lib/auth/actor";
import { CreateGradeInput, UpdateGradeInput } from "./grade-input";
import { gradeInclude, gradeSnapshot, gradeView, type GradeRow, type GradeView } from "./grade-view";
import { corroborationWarning } from "./corroboration";

export const CITED_SOURCE_KIND = "CITED_SOURCE";

/** Grades of the actor's own layer (or the gold layer) on a document. */
export async function listGrades(opts: { actor: Actor; documentId: string; target?: LayerTarget }) {
  const doc = await getDocument(opts);
  if (opts.target === "gold") authorize(opts.actor, "review:decide");
  const slot = opts.target === "gold" ? GOLD_SLOT : userSlot(opts.actor.id);
  const rows = await db.sourceGrade.findMany({
    where: { layer: { documentId: doc.id, slot } },
    include: gradeInclude,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(gradeView);
}

/** The grade already given to this target in this layer, if any. */
export async function gradeOfTarget(tx: Tx, layerId: string, annotationId: string | null) {
  return tx.sourceGrade.findFirst({ where: { layerId, annotationId }, include: gradeInclude });
}

/** A cited-source span of `layerId`, or 422. */
export async function citedSourceSpan(tx: Tx, layerId: string, annotationId: string) {
  const span = await tx.annotation.findFirst({ where: { id: annotationId, layerId }, include: { label: { select: { kind: true, name: true } } } });
  if (!span) throw new AppError("UNPROCESSABLE", "A cited-source grade needs a span of the same layer; that span is not in it");
  if (span.label.kind !== CITED_SOURCE_KIND) {
    throw new AppError("UNPROCESSABLE", `Only cited-source spans are graded; "${span.text}" is labelled ${span.label.name}`);
  }
  return span;
}

async function warningFor(grade: { credibility: number; layer: { documentId: string }; annotation: { start: number; end: number } | null }, projectId: string) {
  if (grade.credibility !== 1) return null;
  const documentId = grade.layer.documentId;
  const { index } = await syndicationOfDocument(documentId);
  const words = index.docs.get(documentId)?.words ?? [];
  return corroborationWarning(index, documentId, grade.annotation, (start, end, except) =>
    mentionedOutside({ projectId, documentId, except, needle: words.filter((w) => w.start >= start && w.end <= end).map((w) => w.norm) }),
  );
}

export async function createGrade(opts: { actor: Actor; documentId: string; input: z.input<typeof CreateGradeInput>; target?: LayerTarget }) {
  authorize(opts.actor, "layer:annotate");
  const input = CreateGradeInput.parse(opts.input);
  const doc = await getDocument(opts);
  const annotationId = input.annotationId ?? null;
  const { row, layer } = await serializable(async (tx) => {
    const layer = await layerForWrite(tx, { actor: opts.actor, documentId: doc.id, target: opts.target ?? "own" });
    if (annotationId) await citedSourceSpan(tx, layer.id, annotationId);
    const prior = await gradeOfTarget(tx, layer.id, annotationId);
    if (prior) {
      throw new AppError(
        "CONFLICT",
        annotationId
          ? "This cited source is already graded in this layer; change that grade instead"
          : "The outlet is already graded in this layer; change that grade instead",
        {
          current: gradeView(prior),
        },
      );
    }
    const row = await tx.sourceGrade.create({
      data: {
        layerId: layer.id,
        annotationId,
        reliability: input.reliability,
        credibility: input.credibility,
        rationale: input.rationale ?? "",
        createdById: opts.actor.id,
      },
      include: gradeInclude,
    });
    await recordAudit(tx, {
      projectId: doc.projectId,
      documentId: doc.id,
      actorId: opts.actor.id,
      subject: "GRADE",
      subjectId: row.id,
      action: "CREATE",
      after: gradeSnapshot(row),
    });
    return { row, layer };
  }, "Someone graded this source at the same moment; reload and try again");
  await publishLayerChanges([layer], doc.projectId, opts.actor.id);
  return { grade: gradeView(row), warning: await warningFor(row, doc.projectId) };
}

type WritableGrade = GradeRow & { layer: GradeRow["layer"] & { document: { projectId: string } } };

/** Grades as a layer item of lib/layers/versioned-write.ts. */
const grades: LayerItemKind<Tx, WritableGrade, GradeRow, GradeView> = {
  noun: "grade",
  subject: "GRADE",
  findWritable: (actor, id) =>
    db.sourceGrade.findFirst({
      where: { id, ...writableGradeScope(actor) },
      include: { ...gradeInclude, layer: { select: { ...gradeInclude.layer.select, document: { select: { projectId: true } } } } },
    }),
  reload: (tx, id) => tx.sourceGrade.findUnique({ where: { id }, include: gradeInclude }),
  view: gradeView,
  snapshot: gradeSnapshot,
  transaction: (fn) => db.$transaction(fn),
  layerForWrite,
  deleteAtVersion: async (tx, id, version) => (await tx.sourceGrade.deleteMany({ where: { id, version } })).count,
  audit: recordAudit,
  publish: (layer, projectId, actorId) => publishLayerChanges([layer], projectId, actorId),
};

export async function updateGrade(opts: { actor: Actor; gradeId: string; input: z.input<typeof UpdateGradeInput> }) {
  const input = UpdateGradeInput.parse(opts.input);
  const before = await itemForWrite(grades, { actor: opts.actor, id: opts.gradeId, version: input.version });
  const { row, view } = await updateLayerItem(grades, {
    actor: opts.actor,
    before,
    change: async (tx) => {
      const { count } = await tx.sourceGrade.updateMany({
        where: { id: before.id, version: before.version },
        data: {
          ...(input.reliability !== undefined ? { reliability: input.reliability } : {}),
          ...(input.credibility !== undefined ? { credibility: input.credibility } : {}),
          ...(input.rationale !== undefined ? { rationale: input.rationale } : {}),
          // an annotator's change is new work for review
          ...(before.layer.kind === "ANNOTATOR" ? { reviewState: "PENDING" } : {}),
          version: { increment: 1 },
        },
      });
      return count;
    },
  });
  return { grade: view, warning: await warningFor(row, before.layer.document.projectId) };
}

export async function deleteGrade(opts: { actor: Actor; gradeId: string; version?: number }) {
  await deleteLayerItem(grades, { actor: opts.actor, id: opts.gradeId, version: opts.version });
}
