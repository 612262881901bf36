import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { LabelSpec, Proposal, RegistryEntity } from "@/lib/assist/recognizer";
import { ENTITY_LABELS } from "@/lib/projects/default-labels";
import { TextIndex } from "@/lib/text/offsets";
import { builtinRecognizer, BUILTIN_ORIGIN } from "./builtin-recognizer";

const ALL: LabelSpec[] = ENTITY_LABELS.map((l) => ({ name: l.name, description: l.description, kind: l.kind }));
const only = (...names: string[]) => ALL.filter((l) => names.includes(l.name));
const REGISTRY: RegistryEntity[] = [
  { id: "ent-is", name: "Islamic State", type: "ORG", aliases: ["IS", "ISIS", "Daesh"] },
  { id: "ent-assad", name: "Bashar al-Assad", type: "PERSON", aliases: ["Bashar Assad", "Assad"] },
  { id: "ent-us", name: "United States", type: "GPE", aliases: ["U.S.", "US"] },
];

const recognizer = builtinRecognizer();
const recognize = (text: string, opts: { labels?: LabelSpec[]; registry?: RegistryEntity[]; signal?: AbortSignal } = {}) =>
  recognizer.recognize({ text, labels: opts.labels ?? ALL, guidelines: "", registry: opts.registry ?? [], signal: opts.signal });

/** "LABEL:text" of each proposal, the text cut by code points. */
const shown = (text: string, proposals: Proposal[]) => {
  const index = new TextIndex(text);
  return proposals.map((p) => `${p.label}:${index.slice(p.start, p.end)}`);
};

describe("builtinRecognizer", () => {
  it("names its origin after compromise's major version", () => {
    expect(recognizer.origin).toMatch(/^builtin:compromise-\d+$/);
    expect(BUILTIN_ORIGIN).toBe(recognizer.origin);
  });

  it("counts offsets in code points, with emoji before the names", async () => {
    const text = "😀😀 Barack Obama met 👩‍👩‍👧 Vladimir Putin in Moscow on Sunday.";
    const proposals = await recognize(text);
    expect(shown(text, proposals)).toEqual(["PERSON:Barack Obama", "PERSON:Vladimir Putin", "GPE:Moscow", "DATE:Sunday"]);
    expect(proposals[0]).toMatchObject({ start: 3, end: 15 });
    expect(proposals[1].start).toBe(Array.from("😀😀 Barack Obama met 👩‍👩‍👧 ").length);
  });

  it("splits a list into one span per name", async () => {
    const text = "Iraq will share intelligence with Russia, Syria and Iran.";
    expect(shown(text, await recognize(text))).toEqual(["GPE:Iraq", "GPE:Russia", "GPE:Syria", "GPE:Iran"]);
  });

  it("trims possessives, punctuation, brackets and hyphened words from the edges", async () => {
    const text = "Iraq’s army left Iran. The U.S.-led coalition met in (Paris) with Germany's envoy.";
    expect(shown(text, await recognize(text))).toEqual(["GPE:Iraq", "GPE:Iran", "ORG:U.S.", "GPE:Paris", "GPE:Germany"]);
  });

  it("takes dates and quantities with their determiner and comparative", async () => {
    const text = "During the past three months it took about a third of Syria, and more than 240,000 people died.";
    expect(shown(text, await recognize(text))).toEqual(["DATE:the past three months", "QUANTITY:about a third", "GPE:Syria", "QUANTITY:more than 240,000"]);
  });

  it("proposes registry matches with their entity, over compromise's guesses", async () => {
    const text = "The Islamic State group, or IS, is called Daesh; the U.S.-led coalition fights it. Bashar\u00a0Assad stays.";
    const proposals = await recognize(text, { registry: REGISTRY });
    expect(shown(text, proposals)).toEqual(["ORG:Islamic State", "ORG:IS", "ORG:Daesh", "GPE:U.S.", "PERSON:Bashar\u00a0Assad"]);
    expect(proposals.map((p) => p.entityId)).toEqual(["ent-is", "ent-is", "ent-is", "ent-us", "ent-assad"]);
    // without the registry compromise calls "U.S." an organisation, and nothing carries an entity
    const bare = await recognize(text);
    expect(shown(text, bare)).toContain("ORG:U.S.");
    expect(bare.every((p) => p.entityId === undefined)).toBe(true);
  });

  it("proposes only the labels it is given, registry types included", async () => {
    const text = "On Sunday Iraqi officials in Baghdad said Daesh and Barack Obama disagree.";
    const gpeOnly = await recognize(text, { labels: only("GPE"), registry: REGISTRY });
    expect(shown(text, gpeOnly)).toEqual(["GPE:Baghdad"]);
    const dateAndOrg = await recognize(text, { labels: only("DATE", "ORG"), registry: REGISTRY });
    expect(shown(text, dateAndOrg)).toEqual(["DATE:Sunday", "ORG:Daesh"]);
    expect(await recognize(text, { labels: [], registry: REGISTRY })).toEqual([]);
  });

  it("lets the event loop turn while it reads a long text, and stops when aborted", async () => {
    const text = "Iraq will share intelligence with Russia, Syria and Iran.\n".repeat(100); // several pieces
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const proposals = await recognize(text);
    clearInterval(ticking);
    expect(proposals).toHaveLength(400);
    expect(turns).toBeGreaterThan(3);
    for (let i = 1; i < proposals.length; i++) expect(proposals[i].start).toBeGreaterThanOrEqual(proposals[i - 1].end);

    const controller = new AbortController();
    const running = recognize(text, { signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toThrow();
  });

  it("keeps every proposal inside the text, sorted, apart, and clean at its edges (property)", async () => {
    const piece = fc.constantFrom(
      "Iraq",
      "Iraq’s",
      "Russia,",
      "Barack Obama",
      "Bashar al-Assad",
      "Islamic State",
      "IS",
      "U.S.-led",
      "(Moscow)",
      "“Syria”",
      "Sunday, September 27,",
      "more than $20 billion",
      "100%",
      "Shiite",
      "Sunni Arab",
      "the",
      "said",
      "and",
      " ",
      "  ",
      "\u00a0",
      "\n",
      "\n\n",
      ".",
      "—",
      "😀",
      "👩‍👩‍👧",
      "e\u0301",
      "𝔘𝔰𝔞",
      "\u200b",
      "Joint Operations Command",
    );
    const texts = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(" ").normalize("NFC"));
    await fc.assert(
      fc.asyncProperty(texts, fc.boolean(), async (text, withRegistry) => {
        const index = new TextIndex(text);
        const proposals = await builtinRecognizer({ chunkChars: 64 }).recognize({
          text,
          labels: ALL,
          guidelines: "",
          registry: withRegistry ? REGISTRY : [],
        });
        let previousEnd = 0;
        for (const p of proposals) {
          expect(0 <= p.start && p.start < p.end && p.end <= index.length).toBe(true);
          expect(p.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = p.end;
          const s = index.slice(p.start, p.end);
          expect(s).toMatch(/^[\p{L}\p{N}\p{Sc}]/u);
          // the end is a letter, digit or mark, or an abbreviation's dot ("U.S.") or a percent sign
          expect(s).toMatch(/(?:[\p{L}\p{N}\p{M}%]|(?:^|[^\p{L}\p{N}])(?:\p{L}\.)+)$/u);
          expect(ALL.map((l) => l.name)).toContain(p.label);
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
