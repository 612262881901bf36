/**
 * The balancing rule of assignments, pure (no database): which annotator takes
 * which open seat. lib/assignments/assign-documents.ts feeds it the project's
 * current seats and writes the plan; the property tests check it alone.
 *
 * Rule: documents in the order given (oldest first); each open seat goes to
 * the eligible annotator with the fewest seats in the project who holds no
 * seat on that document yet. Ties: someone who already has a (seatless) layer
 * on the document first, so work already begun is counted; then by name, then
 * by id. Starting from an even load, loads never differ by more than one.
 */

export type PlanDocument = {
  id: string;
  /** seats already filled on this document */
  seats: readonly { seat: number; userId: string }[];
  /** annotators with a layer on the document that holds no seat */
  seatlessUserIds?: readonly string[];
};

export type PlanAnnotator = {
  id: string;
  name: string;
  /** seats they hold in the project now */
  seats: number;
};

export type PlannedSeat = { documentId: string; userId: string; seat: number };

export type AssignmentPlan = {
  seats: PlannedSeat[];
  /** seats still open after the plan, on how many documents */
  openSeats: number;
  openDocuments: number;
};

export function planAssignments(input: { documents: readonly PlanDocument[]; annotators: readonly PlanAnnotator[]; seatsPerDocument: number }): AssignmentPlan {
  const n = input.seatsPerDocument;
  const load = new Map(input.annotators.map((a) => [a.id, a.seats]));
  const planned: PlannedSeat[] = [];
  let openSeats = 0;
  let openDocuments = 0;

  for (const doc of input.documents) {
    const taken = new Set(doc.seats.map((s) => s.seat));
    const onDocument = new Set(doc.seats.map((s) => s.userId));
    const seatless = new Set(doc.seatlessUserIds ?? []);
    const free = freeSeats(taken, n).slice(0, Math.max(0, n - doc.seats.length));
    let left = free.length;
    for (const seat of free) {
      const next = pickAnnotator(input.annotators, load, onDocument, seatless);
      if (!next) break;
      planned.push({ documentId: doc.id, userId: next.id, seat });
      load.set(next.id, (load.get(next.id) ?? 0) + 1);
      onDocument.add(next.id);
      left--;
    }
    if (left > 0) {
      openSeats += left;
      openDocuments++;
    }
  }
  return { seats: planned, openSeats, openDocuments };
}

/** Seat numbers 0..n-1 not taken, lowest first. */
export function freeSeats(taken: ReadonlySet<number>, n: number): number[] {
  const free: number[] = [];
  for (let s = 0; s < n; s++) if (!taken.has(s)) free.push(s);
  return free;
}

function pickAnnotator(
  annotators: readonly PlanAnnotator[],
  load: ReadonlyMap<string, number>,
  onDocument: ReadonlySet<string>,
  seatless: ReadonlySet<string>,
): PlanAnnotator | undefined {
  let best: PlanAnnotator | undefined;
  for (const a of annotators) {
    if (onDocument.has(a.id)) continue;
    if (!best || compare(a, best, load, seatless) < 0) best = a;
  }
  return best;
}

function compare(a: PlanAnnotator, b: PlanAnnotator, load: ReadonlyMap<string, number>, seatless: ReadonlySet<string>): number {
  const byLoad = (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0);
  if (byLoad !== 0) return byLoad;
  const byStarted = Number(seatless.has(b.id)) - Number(seatless.has(a.id));
  if (byStarted !== 0) return byStarted;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
