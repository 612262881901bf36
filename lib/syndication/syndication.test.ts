import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { syndicationWords, normaliseWord } from "./words";
import { MIN_WORDS, sharedPassages } from "./match";
import { SyndicationIndex } from "./corpus";

const cp = (s: string) => Array.from(s);
const slice = (s: string, a: number, b: number) => cp(s).slice(a, b).join("");

const WIRE =
  "Iraq has long had close ties with neighboring Iran and has coordinated with Tehran in fighting the group which controls about a third of Iraq and Syria in a self-declared caliphate.";

describe("syndication words", () => {
  it("case-folds, applies NFKC and drops punctuation", () => {
    expect(normaliseWord("Tehran’s")).toBe("tehrans");
    expect(normaliseWord("ﬁghting")).toBe("fighting"); // NFKC splits the ligature character
    const w = syndicationWords("“Security,” he said.");
    expect(w.map((x) => x.norm)).toEqual(["security", "he", "said"]);
  });

  it("joins hyphenation breaks but keeps compounds apart", () => {
    const text = "raised con- cerns and con-\ncerns about self-declared";
    const w = syndicationWords(text);
    expect(w.map((x) => x.norm)).toEqual(["raised", "concerns", "and", "concerns", "about", "self", "declared"]);
    expect(slice(text, w[1].start, w[1].end)).toBe("con- cerns");
  });

  it("keeps code point offsets with astral characters", () => {
    const text = "😀 Iraq 𝒳says 👩‍👩‍👧 hello";
    for (const w of syndicationWords(text)) expect(normaliseWord(slice(text, w.start, w.end))).toBe(w.norm);
  });

  it("offsets always map back to the same words (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("Iraq", "😀", "𝒳y", " ", "-", "\n", "e\u0301", "U.S.", "“", "ﬁ", "con- cerns"), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        const words = syndicationWords(text);
        let prev = 0;
        for (const w of words) {
          expect(w.start).toBeGreaterThanOrEqual(prev);
          expect(w.end).toBeGreaterThan(w.start);
          expect(w.end).toBeLessThanOrEqual(cp(text).length);
          expect(normaliseWord(slice(text, w.start, w.end))).toBe(w.norm);
          prev = w.end;
        }
      }),
    );
  });
});

describe("shared passages", () => {
  it("finds a wire passage in two texts despite punctuation, a damaged word and a line break", () => {
    const a = `Local news first. ${WIRE} Weather follows.`;
    const b = `Other intro entirely different here. ${WIRE.replace("coordinated", "coordinnnated").replace("Iraq and Syria", "Iraq and\nSyria").replace("neighboring", "neigh-\nboring")} Sports.`;
    const idx = new SyndicationIndex([
      { id: "a", title: "A", text: a },
      { id: "b", title: "B", text: b },
    ]);
    const [p] = idx.passagesOf("a");
    expect(p.text.startsWith("Iraq has long")).toBe(true);
    expect(p.text.endsWith("caliphate")).toBe(true);
    expect(p.copies[0].documentId).toBe("b");
    expect(slice(b, p.copies[0].start, p.copies[0].end)).toBe(p.copies[0].text);
    // a span on the damaged word maps to the damaged copy of it
    const s = cp(a).join("").indexOf("coordinated");
    const [m] = idx.mapSpan("a", s, s + "coordinated with Tehran".length);
    expect(m.text).toBe("coordinnnated with Tehran");
  });

  it("ignores short matches", () => {
    const words = syndicationWords("one two three four five six seven eight nine ten");
    expect(MIN_WORDS).toBeGreaterThan(10);
    expect(sharedPassages(words, words)).toEqual([]);
  });

  it("maps spans onto the same words in the other copy (property, with astral characters)", () => {
    const vocab = ["Iraq", "😀x", "said", "𝒳ray", "Moscow", "the", "intelligence", "Tehran", "caf\u00e9", "ISIS", "group"];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...vocab), { minLength: 14, maxLength: 40 }),
        fc.string({ maxLength: 6 }),
        fc.string({ maxLength: 6 }),
        fc.nat(),
        fc.nat(),
        (wordsList, preA, preB, x, y) => {
          const wire = wordsList.join(" ");
          const a = `${preA.replace(/[\p{L}\p{N}]/gu, "")}## ${wire}.`;
          const b = `«${preB.replace(/[\p{L}\p{N}]/gu, "")}» ${wire.replace(/ /g, "  ")}!`;
          const idx = new SyndicationIndex([
            { id: "a", title: "A", text: a },
            { id: "b", title: "B", text: b },
          ]);
          const wa = syndicationWords(a);
          const wb = syndicationWords(b);
          const i = x % wa.length;
          const j = i + (y % (wa.length - i));
          const mapped = idx.mapSpan("a", wa[i].start, wa[j].end);
          if (idx.passagesOf("a").length === 0) return; // repetitive inputs can fall under the thresholds
          if (mapped.length === 0) return;
          const m = mapped[0];
          expect(m.text).toBe(slice(b, m.start, m.end));
          const got = syndicationWords(m.text).map((w) => w.norm);
          const want = wa.slice(i, j + 1).map((w) => w.norm);
          expect(got).toEqual(want);
          expect(wb.some((w) => w.start === m.start)).toBe(true);
        },
      ),
    );
  });

  it("maps a span in plain non-repetitive wire copy always", () => {
    const a = `Intro. ${WIRE}`;
    const b = `${WIRE} Outro.`;
    const idx = new SyndicationIndex([
      { id: "a", title: "A", text: a },
      { id: "b", title: "B", text: b },
    ]);
    const wa = syndicationWords(a);
    for (let i = 1; i < wa.length; i += 3) {
      const [m] = idx.mapSpan("a", wa[i].start, wa[Math.min(i + 2, wa.length - 1)].end);
      expect(m.text).toBe(slice(a, wa[i].start, wa[Math.min(i + 2, wa.length - 1)].end));
    }
    // a span with its punctuation: the same punctuation is taken on the copy
    const s = a.indexOf("self-declared");
    expect(idx.mapSpan("a", s, s + "self-declared caliphate.".length)[0].text).toBe("self-declared caliphate.");
    // outside the shared passage: nothing
    expect(idx.mapSpan("a", 0, 5)).toEqual([]);
  });
});

describe("pairs around one document, on shingle hashes", () => {
  const vocab = ["Iraq", "said", "the", "group", "Tehran", "😀x", "caf\u00e9", "ISIS", "Moscow", "of", "𝒳ray", "in"];
  const text = fc.array(fc.constantFrom(...vocab), { minLength: 0, maxLength: 70 }).map((w) => w.join(" "));
  const passage = fc.array(fc.constantFrom(...vocab), { minLength: 14, maxLength: 60 }).map((w) => w.join(" "));

  it("finds the same passages as the whole-corpus index, whichever side the focus document is on (property)", async () => {
    let found = 0;
    await fc.assert(
      fc.asyncProperty(passage, text, text, fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 3 }), async (shared, x, y, cuts) => {
        // two documents sharing a passage, with words changed at random places around and inside it
        const a = `${x} ${shared} ${y}`;
        const words = `${y} ${shared} ${x}`.split(" ");
        for (const c of cuts) if (c < words.length) words[c] = "changed";
        const b = words.join(" ");
        for (const focus of ["a", "b"]) {
          const docs = [
            { id: "a", title: "A", text: a },
            { id: "b", title: "B", text: b },
          ];
          const whole = new SyndicationIndex(docs);
          const around = await SyndicationIndex.around(docs, { focusId: focus, ignore: new Set() });
          expect(around.passagesOf(focus)).toEqual(whole.passagesOf(focus));
          expect(around.mapSpan(focus, 0, 40)).toEqual(whole.mapSpan(focus, 0, 40));
          found += whole.passagesOf(focus).length;
        }
      }),
      { numRuns: 150 },
    );
    expect(found).toBeGreaterThan(20);
  });
});
