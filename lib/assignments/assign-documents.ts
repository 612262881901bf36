import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import type { Actor } from "@/lib/auth/actor";
import { assignmentProject } from "./assignment-project";
import { planAssignments, type PlanAnnotator, type PlanDocument, type PlannedSeat } from "./plan-assignments";
import { lockSeatsPerDocument, SEAT_TX_OPTIONS } from "./seat-lock";
import { seatLayer, SeatTaken } from "./seat-layer";
import { VISIBLE_DOCUMENT } from "@/lib/documents/visible";

export const AssignDocumentsInput = z.object({
  /** who may take seats; default: every active member with role ANNOTATOR */
  annotatorIds: z.array(z.string().min(1).max(100)).max(1000).optional(),
  /** which documents to fill; default: all of the project's */
  documentIds: z.array(z.string().min(1).max(100)).max(100_000).optional(),
});
export type AssignDocumentsInput = z.input<typeof AssignDocumentsInput>;

export type AssignmentResult = {
  seatsPerDocument: number;
  eligibleAnnotators: number;
  filled: number;
  openSeats: number;
  openDocuments: number;
  message: string;
};

/** Passes of plan-and-write; a pass only repeats when someone took a planned seat meanwhile. */
const MAX_PASSES = 5;

/**
 * Fills every open seat of a project's documents (documents holding fewer
 * than N seated layers) with eligible annotators, balanced by
 * planAssignments: oldest documents first, each seat to the annotator with the
 * fewest seats in the project, never one person twice on a document.
 * Idempotent: a second run finds no open seat it can fill. Each seat is
 * written in its own transaction; a seat taken meanwhile (the unique index
 * says so) sends its document back to be planned again.
 */
export async function assignDocuments(opts: { actor: Actor; projectId: string } & AssignDocumentsInput): Promise<AssignmentResult> {
  const input = AssignDocumentsInput.parse({ annotatorIds: opts.annotatorIds, documentIds: opts.documentIds });
  const project = await assignmentProject({ actor: opts.actor, projectId: opts.projectId, permission: "assignment:manage" });
  const eligibleIds = await eligibleAnnotatorIds(project.id, input.annotatorIds);

  let filled = 0;
  let last = { openSeats: 0, openDocuments: 0, seatsPerDocument: project.annotatorsPerDocument };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const state = await loadState(project.id, eligibleIds, input.documentIds);
    const plan = planAssignments(state);
    last = { openSeats: plan.openSeats, openDocuments: plan.openDocuments, seatsPerDocument: state.seatsPerDocument };
    let stale = 0;
    for (const [documentId, seats] of groupByDocument(plan.seats)) {
      const doc = state.byId.get(documentId);
      if (!doc) continue;
      // One seat per transaction: a transaction that inserted one seat and then
      // waited on another could deadlock with a claim doing the opposite.
      for (const s of seats) {
        try {
          await db.$transaction(async (tx) => {
            if ((await lockSeatsPerDocument(tx, project.id)) !== state.seatsPerDocument) throw new SeatTaken();
            await seatLayer(tx, { ...s, projectId: project.id, actorId: opts.actor.id, seatlessLayerId: doc.seatlessLayers.get(s.userId), via: "assignment" });
          }, SEAT_TX_OPTIONS);
          filled++;
        } catch (err) {
          if (!(err instanceof SeatTaken) && !isUniqueViolation(err)) throw err;
          stale++;
          break; // the rest of this document's plan is stale too; the next pass plans it again
        }
      }
    }
    if (stale === 0) break;
  }
  const result = { ...last, eligibleAnnotators: eligibleIds.length, filled };
  return { ...result, message: describeAssignment(result) };
}

/** "Filled 8 seats; 2 seats still open: only 1 eligible annotator for 2 seats per document". */
export function describeAssignment(r: Omit<AssignmentResult, "message">): string {
  const seats = (k: number) => `${k} seat${k === 1 ? "" : "s"}`;
  const head = r.filled === 0 ? "No seats filled" : `Filled ${seats(r.filled)}`;
  if (r.openSeats === 0) return r.filled === 0 ? "Every seat is already filled" : `${head}; every seat is now filled`;
  const why =
    r.eligibleAnnotators === 0
      ? "no eligible annotators (active project members with role annotator, or the ones you chose)"
      : `only ${r.eligibleAnnotators} eligible annotator${r.eligibleAnnotators === 1 ? "" : "s"} for ${r.seatsPerDocument} seat${r.seatsPerDocument === 1 ? "" : "s"} per document`;
  return `${head}; ${seats(r.openSeats)} still open on ${r.openDocuments} document${r.openDocuments === 1 ? "" : "s"}: ${why}`;
}

async function eligibleAnnotatorIds(projectId: string, chosen: string[] | undefined): Promise<string[]> {
  const members = await db.projectMember.findMany({
    where: { projectId, user: { active: true, ...(chosen ? { id: { in: chosen } } : { role: "ANNOTATOR" }) } },
    select: { userId: true },
  });
  const ids = members.map((m) => m.userId);
  if (chosen) {
    const missing = [...new Set(chosen)].filter((id) => !ids.includes(id));
    if (missing.length > 0) {
      throw new AppError(
        "UNPROCESSABLE",
        `Not active members of this project: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""}`,
      );
    }
  }
  return ids;
}

type DocumentState = PlanDocument & { seatlessLayers: Map<string, string> };

async function loadState(projectId: string, eligibleIds: string[], documentIds: string[] | undefined) {
  const [project, docs, loads, users] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { annotatorsPerDocument: true } }),
    db.document.findMany({
      where: { projectId, ...VISIBLE_DOCUMENT, ...(documentIds ? { id: { in: documentIds } } : {}) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, layers: { where: { kind: "ANNOTATOR" }, select: { id: true, userId: true, seat: true } } },
    }),
    db.layer.groupBy({ by: ["userId"], where: { seat: { not: null }, userId: { in: eligibleIds }, document: { projectId } }, _count: { _all: true } }),
    db.user.findMany({ where: { id: { in: eligibleIds } }, select: { id: true, name: true } }),
  ]);
  const loadOf = new Map(loads.map((l) => [l.userId, l._count._all]));
  const annotators: PlanAnnotator[] = users.map((u) => ({ id: u.id, name: u.name, seats: loadOf.get(u.id) ?? 0 }));
  const documents: DocumentState[] = docs.map((d) => {
    const seats = d.layers.flatMap((l) => (l.seat !== null && l.userId ? [{ seat: l.seat, userId: l.userId }] : []));
    const seatless = d.layers.filter((l) => l.seat === null && l.userId);
    return {
      id: d.id,
      seats,
      seatlessUserIds: seatless.map((l) => l.userId as string),
      seatlessLayers: new Map(seatless.map((l) => [l.userId as string, l.id])),
    };
  });
  return { documents, annotators, seatsPerDocument: project.annotatorsPerDocument, byId: new Map(documents.map((d) => [d.id, d])) };
}

function groupByDocument(seats: PlannedSeat[]): Map<string, PlannedSeat[]> {
  const groups = new Map<string, PlannedSeat[]>();
  for (const s of seats) groups.set(s.documentId, [...(groups.get(s.documentId) ?? []), s]);
  return groups;
}
