import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { planAssignments, type PlanAnnotator, type PlanDocument, type PlannedSeat } from "./plan-assignments";

const annotators = (k: number): PlanAnnotator[] =>
  Array.from({ length: k }, (_, i) => ({ id: `u${i}`, name: `Annotator ${String(i).padStart(2, "0")}`, seats: 0 }));
const documents = (k: number): PlanDocument[] => Array.from({ length: k }, (_, i) => ({ id: `d${i}`, seats: [] }));

/** Applies a plan to the inputs, as the database layer would. */
function apply(docs: PlanDocument[], people: PlanAnnotator[], plan: PlannedSeat[]) {
  const seats = new Map(docs.map((d) => [d.id, [...d.seats]]));
  for (const s of plan) seats.get(s.documentId)?.push({ seat: s.seat, userId: s.userId });
  const load = new Map(people.map((p) => [p.id, p.seats]));
  for (const s of plan) load.set(s.userId, (load.get(s.userId) ?? 0) + 1);
  return {
    docs: docs.map((d) => ({ ...d, seats: seats.get(d.id) ?? [] })),
    people: people.map((p) => ({ ...p, seats: load.get(p.id) ?? 0 })),
  };
}

function checkStructure(docs: PlanDocument[], n: number) {
  for (const d of docs) {
    expect(d.seats.length).toBeLessThanOrEqual(n);
    expect(new Set(d.seats.map((s) => s.seat)).size).toBe(d.seats.length);
    expect(new Set(d.seats.map((s) => s.userId)).size).toBe(d.seats.length);
    for (const s of d.seats) {
      expect(s.seat).toBeGreaterThanOrEqual(0);
      expect(s.seat).toBeLessThan(n);
    }
  }
}

const spread = (people: PlanAnnotator[]) => Math.max(...people.map((p) => p.seats)) - Math.min(...people.map((p) => p.seats));

describe("planAssignments", () => {
  it("5 documents × 2 seats over 3 annotators: 10 seats, loads 4/3/3, nobody twice on a document", () => {
    const plan = planAssignments({ documents: documents(5), annotators: annotators(3), seatsPerDocument: 2 });
    expect(plan.seats).toHaveLength(10);
    expect(plan.openSeats).toBe(0);
    const { docs, people } = apply(documents(5), annotators(3), plan.seats);
    checkStructure(docs, 2);
    expect(people.map((p) => p.seats).sort()).toEqual([3, 3, 4]);
  });

  it("leaves seats open when there are fewer eligible annotators than seats", () => {
    const plan = planAssignments({ documents: documents(4), annotators: annotators(1), seatsPerDocument: 3 });
    expect(plan.seats).toHaveLength(4);
    expect(plan.openSeats).toBe(8);
    expect(plan.openDocuments).toBe(4);
    expect(planAssignments({ documents: documents(2), annotators: [], seatsPerDocument: 1 })).toEqual({ seats: [], openSeats: 2, openDocuments: 2 });
  });

  it("fills only free seat numbers and breaks ties by name, preferring someone whose layer is already there", () => {
    const people = annotators(3);
    const plan = planAssignments({
      documents: [{ id: "d", seats: [{ seat: 1, userId: "u0" }], seatlessUserIds: ["u2"] }],
      annotators: people.map((p) => (p.id === "u0" ? { ...p, seats: 1 } : p)),
      seatsPerDocument: 3,
    });
    expect(plan.seats).toEqual([
      { documentId: "d", userId: "u2", seat: 0 },
      { documentId: "d", userId: "u1", seat: 2 },
    ]);
  });

  it("property: from an even start, loads differ by at most one, each document gets min(N, annotators) distinct people, and a second run plans nothing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 12 }), (d, n, k) => {
        const people = annotators(k);
        const docs = documents(d);
        const plan = planAssignments({ documents: docs, annotators: people, seatsPerDocument: n });
        const after = apply(docs, people, plan.seats);
        checkStructure(after.docs, n);
        for (const doc of after.docs) expect(doc.seats.length).toBe(Math.min(n, k));
        expect(plan.seats.length).toBe(d * Math.min(n, k));
        expect(plan.openSeats).toBe(d * (n - Math.min(n, k)));
        expect(spread(after.people)).toBeLessThanOrEqual(1);
        expect(planAssignments({ documents: after.docs, annotators: after.people, seatsPerDocument: n }).seats).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("property: assigning in batches (new documents imported later) stays balanced", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 8 }),
        (batches, n, k) => {
          let docs: PlanDocument[] = [];
          let people = annotators(k);
          let next = 0;
          for (const size of batches) {
            docs = [...docs, ...Array.from({ length: size }, () => ({ id: `d${next++}`, seats: [] }))];
            const plan = planAssignments({ documents: docs, annotators: people, seatsPerDocument: n });
            ({ docs, people } = apply(docs, people, plan.seats));
            checkStructure(docs, n);
            expect(spread(people)).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("property: with arbitrary existing seats, it never seats anyone twice on a document nor exceeds N", () => {
    const arbitraryDocs = (k: number, n: number) =>
      fc.array(fc.subarray(Array.from({ length: k }, (_, i) => `u${i}`)), { maxLength: 15 }).map((docs) =>
        docs.map((users, i): PlanDocument => ({
          id: `d${i}`,
          seats: users.slice(0, n).map((userId, seat) => ({ seat: seat * 2 < n ? seat * 2 : seat, userId })),
        })),
      );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) => fc.integer({ min: 1, max: 8 }).chain((k) => fc.tuple(fc.constant(n), fc.constant(k), arbitraryDocs(k, n)))),
        ([n, k, docs]) => {
          const valid = docs.map((d) => ({ ...d, seats: dedupeSeats(d.seats, n) }));
          const plan = planAssignments({ documents: valid, annotators: annotators(k), seatsPerDocument: n });
          checkStructure(apply(valid, annotators(k), plan.seats).docs, n);
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** Keeps the first holder of each seat number, within 0..n-1. */
function dedupeSeats(seats: readonly { seat: number; userId: string }[], n: number) {
  const seen = new Set<number>();
  return seats.filter((s) => {
    if (s.seat >= n || seen.has(s.seat)) return false;
    seen.add(s.seat);
    return true;
  });
}
