import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize, memberProjectScope } from "@/lib/authz";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import type { Actor } from "@/lib/auth/actor";
import { claimableDocuments, type ClaimableDocument } from "./claimable-documents";
import { freeSeats } from "./plan-assignments";
import { lockSeatsPerDocument, SEAT_TX_OPTIONS } from "./seat-lock";
import { seatLayer, SeatTaken } from "./seat-layer";

export type NextDocument = { documentId: string; layerId: string; claimed: boolean };

/** Attempts on one document before moving on: each lost race means someone else filled a seat there. */
const MAX_CONFLICTS = 200;

/**
 * The document the actor should work on next, or null when nothing is left:
 * 1. their own seat not done yet: rejected ones first (a reviewer is
 *    waiting), then the oldest assignment;
 * 2. otherwise an open seat they take now (see claimableDocuments), written
 *    as their seated layer (or by seating the layer they already have there).
 * `skip` passes over one document this time (the annotator's "Skip"): their
 * seat on it stays, and a later call without it comes back to it.
 * Safe when many call at once: the unique index on (documentId, seat) lets
 * exactly one caller have each seat; the others re-read the document and
 * take the next free seat or go on to the next document.
 */
export async function nextDocument(opts: { actor: Actor; projectId?: string; skip?: string }): Promise<NextDocument | null> {
  authorize(opts.actor, "layer:annotate");
  const own = await ownOpenSeat(opts);
  if (own) return { documentId: own.documentId, layerId: own.id, claimed: false };

  let conflicts = 0;
  for (const candidate of await claimableDocuments(opts)) {
    if (candidate.id === opts.skip) continue;
    for (;;) {
      try {
        const outcome = await claimSeat(opts.actor, candidate);
        if (outcome === "full") break;
        return outcome;
      } catch (err) {
        if (!(err instanceof SeatTaken) && !isUniqueViolation(err)) throw err;
        if (++conflicts > MAX_CONFLICTS) throw new AppError("CONFLICT", "Many people are taking documents right now; try again in a moment");
      }
    }
  }
  return null;
}

async function ownOpenSeat(opts: { actor: Actor; projectId?: string; skip?: string }) {
  const where = {
    userId: opts.actor.id,
    ...(opts.skip ? { documentId: { not: opts.skip } } : {}),
    kind: "ANNOTATOR" as const,
    seat: { not: null },
    document: { project: { ...memberProjectScope(opts.actor), ...(opts.projectId ? { id: opts.projectId } : {}) } },
  };
  const select = { id: true, documentId: true } as const;
  const orderBy = [{ assignedAt: "asc" as const }, { id: "asc" as const }];
  return (
    (await db.layer.findFirst({ where: { ...where, status: "REJECTED" }, orderBy, select })) ??
    (await db.layer.findFirst({ where: { ...where, status: { in: ["NOT_STARTED", "IN_PROGRESS"] } }, orderBy, select }))
  );
}

/** One attempt at a seat on one document, in one transaction (a unique violation aborts it on PostgreSQL). */
async function claimSeat(actor: Actor, doc: ClaimableDocument): Promise<NextDocument | "full"> {
  return db.$transaction(async (tx) => {
    const n = await lockSeatsPerDocument(tx, doc.projectId);
    const layers = await tx.layer.findMany({
      where: { documentId: doc.id, OR: [{ seat: { not: null } }, { userId: actor.id }] },
      select: { id: true, userId: true, seat: true, status: true },
    });
    const mine = layers.find((l) => l.userId === actor.id);
    if (mine?.seat != null) return { documentId: doc.id, layerId: mine.id, claimed: false };
    if (mine && (mine.status === "SUBMITTED" || mine.status === "APPROVED")) return "full";
    const seated = layers.filter((l) => l.seat !== null);
    const seat = freeSeats(new Set(seated.map((l) => l.seat as number)), n)[0];
    if (seated.length >= n || seat === undefined) return "full";
    const layerId = await seatLayer(tx, {
      projectId: doc.projectId,
      documentId: doc.id,
      userId: actor.id,
      seat,
      actorId: actor.id,
      seatlessLayerId: mine?.id,
      via: "queue",
    });
    return { documentId: doc.id, layerId, claimed: true };
  }, SEAT_TX_OPTIONS);
}
