import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { shingleKeys } from "./match";
import { shingleHashes, shingleHashesAsync } from "./shingle-hash";
import { syndicationWords, syndicationWordsAsync } from "./words";
import { runSliced } from "@/lib/util/time-slice";

const pieces = ["Iraq", "said", "😀", "𝒳y", " ", "-", "\n", "e\u0301", "U.S.", "“", "ﬁ", "con- cerns", "Con-\n cerns", "\ud800", "Σ", "the", "group", "Tehran"];
const texts = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: "binary", maxLength: 6 })), { maxLength: 60 }).map((p) => p.join(""));

describe("shingle hashes", () => {
  it("are equal exactly where the shingle keys are equal (property)", () => {
    fc.assert(
      fc.property(texts, texts, (a, b) => {
        const wa = syndicationWords(a);
        const wb = syndicationWords(b);
        const ka = shingleKeys(wa);
        const kb = shingleKeys(wb);
        const ha = shingleHashes(wa);
        const hb = shingleHashes(wb);
        expect(ha).toHaveLength(ka.length);
        for (let i = 0; i < ka.length; i++) {
          for (let j = 0; j < kb.length; j++) expect(ha[i] === hb[j]).toBe(ka[i] === kb[j]);
        }
        for (const h of ha) expect(Number.isSafeInteger(h) && h >= 0).toBe(true);
      }),
    );
  });

  it("do not depend on how the work is sliced (property)", async () => {
    await fc.assert(
      fc.asyncProperty(texts, async (t) => {
        const words = syndicationWords(t);
        expect(await syndicationWordsAsync(t)).toEqual(words);
        expect(await shingleHashesAsync(words)).toEqual(shingleHashes(words));
      }),
      { numRuns: 50 },
    );
  });

  it("give the event loop back between slices of a long text", async () => {
    const text = "Iraq has long had close ties with neighboring Iran and coordinated with Tehran. ".repeat(20_000);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const words = await syndicationWordsAsync(text);
    const hashes = await shingleHashesAsync(words);
    clearInterval(timer);
    expect(words).toHaveLength(13 * 20_000);
    expect(hashes).toHaveLength(words.length - 7);
    expect(ticks).toBeGreaterThan(1);
  });
});

describe("runSliced", () => {
  it("runs a checkpointing generator to its result, yielding to other tasks between slices", async () => {
    let other = 0;
    const seen: number[] = [];
    function* work(): Generator<void, number> {
      const start = performance.now();
      let n = 0;
      while (performance.now() - start < 40) {
        n++;
        seen.push(other);
        yield;
      }
      return n;
    }
    const ticker = setInterval(() => other++, 0);
    const n = await runSliced(work(), 2);
    clearInterval(ticker);
    expect(n).toBeGreaterThan(0);
    expect(new Set(seen).size).toBeGreaterThan(1); // the interval ran while the work was going on
  });
});
