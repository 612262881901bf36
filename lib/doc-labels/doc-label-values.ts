/**
 * Document labels of layers: reading those the caller may see (their own
 * layer; the gold layer and every annotator's layer for reviewers and admins;
 * other annotators' layers for annotators only when the project shows layers
 * to each other; names as lib/review/blind.ts says), and setting the choices
 * of one layer as a whole. A write takes its layer like span writes do
 * (lib/layers/layer-for-write.ts: created on first write, made IN_PROGRESS,
 * refused while submitted or approved), is audited (subject DOC_LABEL) in its
 * transaction, and announced live once committed.
 */
import type { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize, can } from "@/lib/authz";
import { getDocument } from "@/lib/documents/get-document";
import { layerForWrite } from "@/lib/layers/layer-for-write";
import { recordAudit } from "@/lib/audit/record-audit";
import { publishLayerChanges } from "@/lib/realtime/publish-layers";
import { seenAs } from "@/lib/review/blind";
import type { Actor } from "@/lib/auth/actor";
import { SetDocLabelsInput } from "./doc-label-input";
import { activeDocLabelSets } from "./doc-label-schema";
import { singleChoiceProblem } from "./schema-rules";
import { bumpAgreementRevision } from "@/lib/agreement/stored/bump-revision";

/** A choice held by a layer, named so it reads even once archived. */
export type HeldChoice = { id: string; choiceId: string; setId: string; set: string; choice: string; reviewState: string };

export type DocLabelLayerView = {
  layerId: string;
  /** own: the caller's layer; gold; annotator: someone else's layer */
  kind: "own" | "gold" | "annotator";
  annotator: { id: string; name: string } | null;
  status: string;
  values: HeldChoice[];
};

const valueInclude = { choice: { select: { id: true, name: true, setId: true, set: { select: { name: true } } } } } as const;

type ValueRow = { id: string; reviewState: string; choice: { id: string; name: string; setId: string; set: { name: string } } };

export const heldChoice = (v: ValueRow): HeldChoice => ({
  id: v.id,
  choiceId: v.choice.id,
  setId: v.choice.setId,
  set: v.choice.set.name,
  choice: v.choice.name,
  reviewState: v.reviewState,
});

/** The project's sets and the document labels of every layer of the document the actor may see. */
export async function readDocLabels(opts: { actor: Actor; documentId: string }) {
  const doc = await getDocument(opts);
  const project = await db.project.findUniqueOrThrow({ where: { id: doc.projectId }, select: { id: true, blindReview: true, showOtherLayers: true } });
  const reviewer = can(opts.actor, "review:decide");
  const layers = await db.layer.findMany({
    where: {
      documentId: doc.id,
      OR: [
        { kind: "ANNOTATOR", userId: opts.actor.id },
        ...(reviewer ? [{ kind: "GOLD" as const }] : []),
        ...(reviewer || project.showOtherLayers ? [{ kind: "ANNOTATOR" as const }] : []),
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { user: { select: { id: true, name: true } }, docLabels: { include: valueInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  const views: DocLabelLayerView[] = layers.map((l) => ({
    layerId: l.id,
    kind: l.kind === "GOLD" ? "gold" : l.userId === opts.actor.id ? "own" : "annotator",
    annotator: l.user ? seenAs(opts.actor, project, l.user) : null,
    status: l.status,
    values: l.docLabels.map(heldChoice),
  }));
  return { documentId: doc.id, sets: await activeDocLabelSets(doc.projectId), layers: views };
}

/** Sets the complete list of choices of the caller's own layer (or of gold, for reviewers) on a document. */
export async function setDocLabels(opts: { actor: Actor; documentId: string; input: z.input<typeof SetDocLabelsInput> }) {
  authorize(opts.actor, "layer:annotate");
  const input = SetDocLabelsInput.parse(opts.input);
  const doc = await getDocument(opts);
  const wanted = [...new Set(input.choices)];
  const { layer, values, changed } = await db.$transaction(async (tx) => {
    const layer = await layerForWrite(tx, { actor: opts.actor, documentId: doc.id, target: input.layer });
    const choices = await tx.docLabelChoice.findMany({
      where: { id: { in: wanted }, set: { projectId: doc.projectId } },
      include: { set: { select: { id: true, name: true, multiple: true, archived: true } } },
    });
    const byId = new Map(choices.map((c) => [c.id, c]));
    const unknown = wanted.find((id) => !byId.has(id));
    if (unknown) throw new AppError("UNPROCESSABLE", `${unknown} is not a document label of this project`, { field: "choices" });
    const before = await tx.docLabelValue.findMany({ where: { layerId: layer.id }, include: valueInclude });
    const held = new Set(before.map((v) => v.choice.id));
    const archived = choices.find((c) => !held.has(c.id) && (c.archived || c.set.archived));
    if (archived) throw new AppError("UNPROCESSABLE", `${archived.set.name}: ${archived.name} is archived and cannot be chosen any more`, { field: "choices" });
    const problem = singleChoiceProblem(wanted, (id) => byId.get(id)?.set);
    if (problem) throw new AppError("UNPROCESSABLE", problem, { field: "choices" });

    const removed = before.filter((v) => !byId.has(v.choice.id));
    const added = wanted.filter((id) => !held.has(id));
    if (removed.length) await tx.docLabelValue.deleteMany({ where: { id: { in: removed.map((v) => v.id) } } });
    for (const choiceId of added) {
      await tx.docLabelValue.create({
        data: { layerId: layer.id, choiceId, createdById: opts.actor.id, reviewState: layer.kind === "GOLD" ? "ACCEPTED" : "PENDING" },
      });
    }
    const after = await tx.docLabelValue.findMany({ where: { layerId: layer.id }, include: valueInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    if (removed.length || added.length) {
      // annotators' document labels count in agreement (lib/agreement/doc-label-agreement.ts)
      if (layer.kind === "ANNOTATOR") await bumpAgreementRevision(tx, [doc.id]);
      const names = (vs: ValueRow[]) => vs.map((v) => `${v.choice.set.name}: ${v.choice.name}`);
      await recordAudit(tx, {
        projectId: doc.projectId,
        documentId: doc.id,
        actorId: opts.actor.id,
        subject: "DOC_LABEL",
        subjectId: layer.id,
        action: "SET",
        before: { layer: input.layer, choices: names(before) },
        after: { layer: input.layer, choices: names(after) },
      });
    }
    return { layer, values: after, changed: removed.length + added.length > 0 };
  });
  if (changed) await publishLayerChanges([layer], doc.projectId, opts.actor.id);
  return { documentId: doc.id, layerId: layer.id, layer: input.layer, status: layer.status, values: values.map(heldChoice) };
}
