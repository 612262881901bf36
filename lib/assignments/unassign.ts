import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { authorize, documentScope } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { layerStatusText } from "@/lib/domain/enums";

/**
 * Takes a seat back from an annotator who has not begun: the layer must be
 * NOT_STARTED and empty (no annotations, stances or grades), otherwise 409
 * saying why. The empty layer is deleted, which frees the seat. The delete is
 * conditional, so a first annotation racing it either lands first (and the
 * unassign is refused) or finds the layer gone and goes to a new one.
 */
export async function unassign(opts: { actor: Actor; layerId: string }) {
  authorize(opts.actor, "assignment:manage");
  const layer = await db.layer.findFirst({
    where: { id: opts.layerId, kind: "ANNOTATOR", document: documentScope(opts.actor) },
    select: {
      id: true,
      seat: true,
      status: true,
      userId: true,
      documentId: true,
      user: { select: { name: true } },
      document: { select: { projectId: true, title: true } },
      _count: { select: { annotations: true, stances: true, grades: true } },
    },
  });
  if (!layer) throw notFound("Assignment");
  const who = layer.user?.name ?? "The annotator";
  if (layer.seat === null) throw new AppError("CONFLICT", `${who} holds no seat on "${layer.document.title}"; there is nothing to unassign`);
  if (layer.status !== "NOT_STARTED") {
    throw new AppError(
      "CONFLICT",
      `${who} has already started "${layer.document.title}" (${layerStatusText(layer.status)}); only seats not started can be unassigned`,
    );
  }
  const work = layer._count.annotations + layer._count.stances + layer._count.grades;
  if (work > 0) {
    throw new AppError("CONFLICT", `${who} has ${work} annotation${work === 1 ? "" : "s"} on "${layer.document.title}"; only empty seats can be unassigned`);
  }
  await db.$transaction(async (tx) => {
    const deleted = await tx.layer.deleteMany({
      where: { id: layer.id, seat: { not: null }, status: "NOT_STARTED", annotations: { none: {} }, stances: { none: {} }, grades: { none: {} } },
    });
    if (deleted.count !== 1) throw new AppError("CONFLICT", `${who} started "${layer.document.title}" a moment ago; the seat stays theirs`);
    await recordAudit(tx, {
      projectId: layer.document.projectId,
      documentId: layer.documentId,
      actorId: opts.actor.id,
      subject: "LAYER",
      subjectId: layer.id,
      action: "UNASSIGN",
      before: { userId: layer.userId, seat: layer.seat },
    });
  });
  return { layerId: layer.id, documentId: layer.documentId };
}
