import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { userSlot } from "@/lib/domain/enums";

/** The plan a seat was filled by went stale before it was written (someone else got there first). */
export class SeatTaken extends Error {
  constructor() {
    super("The seat was taken meanwhile");
    this.name = "SeatTaken";
  }
}

/**
 * Gives `userId` seat `seat` on a document: seats their existing seatless
 * layer there, or creates a layer holding the seat. The unique indexes on
 * (documentId, seat) and (documentId, slot) refuse a seat someone else took
 * and a second layer of the same person (Prisma P2002, which aborts the
 * transaction: callers run one attempt per transaction and retry outside).
 */
export async function seatLayer(
  tx: Tx,
  opts: { projectId: string; documentId: string; userId: string; seat: number; actorId: string; seatlessLayerId?: string; via: "assignment" | "queue" },
) {
  const { projectId, documentId, userId, seat } = opts;
  const assignedAt = new Date();
  let layerId: string;
  if (opts.seatlessLayerId) {
    const updated = await tx.layer.updateMany({ where: { id: opts.seatlessLayerId, userId, seat: null }, data: { seat, assignedAt } });
    if (updated.count !== 1) throw new SeatTaken();
    layerId = opts.seatlessLayerId;
  } else {
    const layer = await tx.layer.create({
      data: { documentId, kind: "ANNOTATOR", slot: userSlot(userId), userId, status: "NOT_STARTED", seat, assignedAt },
      select: { id: true },
    });
    layerId = layer.id;
  }
  await recordAudit(tx, {
    projectId,
    documentId,
    actorId: opts.actorId,
    subject: "LAYER",
    subjectId: layerId,
    action: "ASSIGN",
    after: { userId, seat, via: opts.via },
  });
  return layerId;
}
