import type { z } from "zod";
import { getSql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { getDocument, loadDocumentText } from "@/lib/documents/get-document";
import { layerForWriteSql, type LayerTarget } from "@/lib/layers/layer-for-write";
import type { Actor } from "@/lib/auth/actor";
import { documentTextIndexOf } from "@/lib/text/text-index-cache";
import { CreateAnnotationInput, labelByNameSql, spanText } from "./span-input";
import { annotationView, auditSnapshot } from "./annotation-view";
import { annotationById, insertAnnotation, insertAudit } from "./annotation-sql";
import { layerRef, publishDocumentEvent } from "@/lib/realtime/publish";
import { clientIdNamespace, scopedClientId } from "./client-id";
import { authorize } from "@/lib/authz";

/**
 * Adds a span to the actor's own layer (or, for reviewers, the gold layer). A client may choose the id, which
 * makes retries safe: the same id with the same span returns the saved one. A chosen id is kept in the
 * client's own namespace (lib/annotations/client-id.ts), so it never reveals another user's spans.
 */
export async function createAnnotation(opts: { actor: Actor; documentId: string; input: z.input<typeof CreateAnnotationInput>; target?: LayerTarget }) {
  authorize(opts.actor, "layer:annotate");
  const input = CreateAnnotationInput.parse(opts.input);
  const doc = await getDocument({ actor: opts.actor, documentId: opts.documentId });
  const text = spanText(await documentTextIndexOf(doc, loadDocumentText), input.start, input.end, input.text);
  const sql = await getSql();

  const id = input.id && scopedClientId(clientIdNamespace(opts.actor.id, doc.projectId), input.id);
  if (id) {
    const prior = await annotationById(sql, id);
    if (prior) {
      const same = prior.createdById === opts.actor.id && prior.layer.documentId === doc.id && prior.start === input.start && prior.end === input.end;
      if (same) return { annotation: annotationView(prior), created: false };
      throw new AppError("CONFLICT", `You already saved a different span with the id ${input.id}`);
    }
  }

  const { row: saved, layer } = await sql.transaction(async (tx) => {
    const label = await labelByNameSql(tx, doc.projectId, input.label);
    const layer = await layerForWriteSql(tx, { actor: opts.actor, documentId: doc.id, target: opts.target ?? "own" });
    const row = await insertAnnotation(tx, {
      id,
      layerId: layer.id,
      start: input.start,
      end: input.end,
      text,
      labelId: label.id,
      labelName: label.name,
      documentId: doc.id,
      createdById: opts.actor.id,
    });
    await insertAudit(tx, {
      projectId: doc.projectId,
      documentId: doc.id,
      actorId: opts.actor.id,
      subject: "ANNOTATION",
      subjectId: row.id,
      action: "CREATE",
      after: auditSnapshot(row),
    });
    return { row, layer };
  });
  const annotation = annotationView(saved);
  await publishDocumentEvent({ type: "annotation.created", ...layerRef(layer, doc.projectId, opts.actor.id), annotation });
  return { annotation, created: true };
}
