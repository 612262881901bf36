import { describe, expect, it } from "vitest";
import { documentTextIndex, documentTextIndexOf } from "./text-index-cache";

describe("documentTextIndex", () => {
  it("hands out one index per document text and a new one when the text differs", () => {
    const a = documentTextIndex({ id: "d1", textHash: "h1", text: "😀 Lavrov" });
    expect(documentTextIndex({ id: "d1", textHash: "h1", text: "😀 Lavrov" })).toBe(a);
    expect(a.slice(2, 8)).toBe("Lavrov");
    const b = documentTextIndex({ id: "d1", textHash: "h2", text: "Kerry" });
    expect(b).not.toBe(a);
    expect(b.slice(0, 5)).toBe("Kerry");
  });

  it("lets the least recently used documents go once the texts held pass the limit", () => {
    const big = (c: string) => c.repeat(3_000_000);
    const first = documentTextIndex({ id: "big1", textHash: "x", text: big("a") });
    const second = documentTextIndex({ id: "big2", textHash: "x", text: big("b") });
    expect(documentTextIndex({ id: "big1", textHash: "x", text: big("a") })).toBe(first); // big1 is now the most recent
    documentTextIndex({ id: "big3", textHash: "x", text: big("c") }); // 9,000,000 characters: the oldest (big2) goes
    expect(documentTextIndex({ id: "big1", textHash: "x", text: big("a") })).toBe(first);
    expect(documentTextIndex({ id: "big2", textHash: "x", text: big("b") })).not.toBe(second);
  });

  it("reads a document's text only when its index is not held", async () => {
    let reads = 0;
    const load = async () => (reads++, "😀 Lavrov met Kerry");
    const first = await documentTextIndexOf({ id: "lazy", textHash: "h" }, load);
    const again = await documentTextIndexOf({ id: "lazy", textHash: "h" }, load);
    expect(again).toBe(first);
    expect(reads).toBe(1);
    expect(first.slice(2, 8)).toBe("Lavrov");
  });
});
