import { describe, expect, it } from "vitest";
import { describeRefusals } from "./describe-refusals";

const base = { chunks: 2, chunksDone: 2, proposed: 40 };

describe("describeRefusals", () => {
  it("says nothing when nothing was refused", () => {
    expect(describeRefusals({ ...base, refused: 0 })).toBeNull();
  });

  it("counts the refused proposals, by reason, most frequent first", () => {
    expect(describeRefusals({ ...base, refused: 1 })).toBe("1 proposal of 40 refused because it did not match the text");
    expect(describeRefusals({ ...base, refused: 5, refusedBy: { label: 0, empty: 0, "not-in-text": 2, occurrence: 3 } })).toBe(
      "5 proposals of 40 refused because they did not match the text (3 named an occurrence the text does not have, 2 quoted text that is not in the document)",
    );
  });
});
