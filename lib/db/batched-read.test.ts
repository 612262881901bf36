import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readInBatches, inTextOrder } from "./batched-read";

type Row = { id: string; start: number; end: number };
const byKey = (a: Row, b: Row) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe("readInBatches", () => {
  it("reads every row exactly once, whatever the batch size and however many rows share a start", async () => {
    const rows = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), start: fc.nat(20), end: fc.nat(40) }), {
      selector: (r) => r.id,
      maxLength: 60,
    });
    await fc.assert(
      fc.asyncProperty(rows, fc.integer({ min: 1, max: 9 }), async (all, take) => {
        const table = [...all].sort(byKey);
        let queries = 0;
        const read = async (after: Row | undefined, n: number) => {
          queries++;
          const from = after ? table.findIndex((r) => byKey(r, after) > 0) : 0;
          return from === -1 ? [] : table.slice(from, from + n);
        };
        const got = await readInBatches(read, take);
        expect(got).toEqual(table);
        expect(queries).toBe(Math.floor(table.length / take) + 1);
      }),
    );
  });

  it("orders spans as text: by start, the longer first, then by id", () => {
    const spans = [
      { id: "b", start: 3, end: 5 },
      { id: "a", start: 3, end: 5 },
      { id: "c", start: 3, end: 9 },
      { id: "d", start: 1, end: 2 },
    ];
    expect([...spans].sort(inTextOrder).map((s) => s.id)).toEqual(["d", "c", "a", "b"]);
  });
});
