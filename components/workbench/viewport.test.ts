import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TextIndex } from "@/lib/text/offsets";
import { inWindow, lineRange, linesMeeting } from "./viewport";

describe("viewport window", () => {
  it("finds the lines that meet a pixel band", () => {
    const box = (i: number) => ({ top: i * 20, bottom: i * 20 + 20 });
    expect(linesMeeting(100, box, 95, 205)).toEqual([4, 10]);
    expect(linesMeeting(100, box, -500, -10)).toEqual([0, 0]);
    expect(linesMeeting(0, box, 0, 10)).toBeNull();
  });

  it("agrees with a linear scan for any line heights and band", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 80 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: -200, max: 3000 }),
        fc.nat(1500),
        (heights, from, span) => {
          const tops = heights.reduce<number[]>((acc, _h, i) => [...acc, i === 0 ? 0 : acc[i - 1] + heights[i - 1]], []);
          const box = (i: number) => ({ top: tops[i], bottom: tops[i] + heights[i] });
          const to = from + span;
          const meeting = heights.map((_, i) => i).filter((i) => box(i).bottom >= from && box(i).top <= to);
          const got = linesMeeting(heights.length, box, from, to)!;
          if (meeting.length) expect(got).toEqual([meeting[0], meeting[meeting.length - 1]]);
        },
      ),
    );
  });

  it("maps lines to code points and keeps spans that overlap the window", () => {
    // lines start at code points 0, 10, 25 and 40; the emoji is one code point, two UTF-16 units
    const index = new TextIndex(["😀" + "a".repeat(8), "b".repeat(14), "c".repeat(14), "d".repeat(10)].join("\n"));
    expect(lineRange(index, 1, 2)).toEqual({ start: 10, end: 40 });
    expect(lineRange(index, 3, 3)).toEqual({ start: 40, end: 50 });
    expect(inWindow({ start: 5, end: 12 }, { start: 10, end: 40 })).toBe(true);
    expect(inWindow({ start: 40, end: 45 }, { start: 10, end: 40 })).toBe(false);
  });
});
