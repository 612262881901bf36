/**
 * A long generated document (> 20,000 words, 2,000 spans) for tests at scale:
 * one paragraph per line, every body paragraph carrying a PERSON span, a
 * nested pair (ORG holding a GPE) and an overlapping pair (LOC / FAC sharing a
 * word). Astral characters (emoji, a ZWJ family, a flag, Fraktur letters) open
 * the text and run through the last paragraphs, before and inside spans, so
 * UTF-16 and code point offsets disagree more and more towards the end.
 *
 * The last paragraph is for the test to act on; its phrases occur nowhere else:
 * "Nineveh Operations Command" and "Erbil Governorate" carry no span (to be
 * added), "Commander Okonkwo" and "Sheikh Barzani" are imported PERSON spans
 * (to be relabeled and deleted), and the text ends with the word "today".
 */

export type LongSpan = { start: number; end: number; label: string; text: string };

const VOCAB = (
  "the officials said that a new report on security and the region was read by analysts in the capital while " +
  "ministers discussed supplies routes convoys patrols borders cooperation sharing intelligence with partners " +
  "after weeks of talks about airspace advisers training militias forces and the coalition in several provinces " +
  "according to sources who asked not to be named because they were not allowed to speak publicly on matters"
).split(" ");
const NAMES = ["Haddad", "Rahimi", "Sokolov", "Mansour", "Karimi", "Petrov", "Jabouri", "Nasser", "Volkov", "Tahir", "Qassem", "Orlov"];
const PLACES = ["Anbar", "Diyala", "Basra", "Kirkuk", "Latakia", "Homs", "Tartus", "Najaf", "Karbala", "Samarra", "Ramadi", "Fallujah"];
const ASTRAL = ["😀", "𝔄𝔅", "📡", "👩‍👩‍👧", "🇮🇶", "𠀀", "🛰️", "𝒳"];

/** Body paragraphs carry 5 spans each, the last paragraph 5 more: 2,000 in all. */
const BODY_PARAGRAPHS = 399;
const NEAR_END = 360; // from this paragraph on, astral characters appear before and inside spans

export const LONG_DOC_FINAL = {
  mouse: "Nineveh Operations Command",
  keyboard: "Erbil Governorate",
  relabel: "Commander Okonkwo",
  remove: "Sheikh Barzani",
  lastWord: "today",
};

/** A small deterministic generator (mulberry32), so a failure can be reproduced. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function longDocument(tag: string): { title: string; text: string; spans: LongSpan[]; words: number } {
  const rnd = random(20151027);
  const chunks: string[] = [];
  const spans: LongSpan[] = [];
  let at = 0; // code points written so far
  const put = (s: string) => {
    chunks.push(s);
    at += Array.from(s).length;
  };
  /** Writes `s` and marks the listed parts of it (by their first occurrence in `s`) as spans. */
  const marked = (s: string, parts: [string, string][]) => {
    const base = at;
    for (const [part, label] of parts) {
      const u = s.indexOf(part);
      if (u < 0) throw new Error(`"${part}" not in "${s}"`);
      const start = base + Array.from(s.slice(0, u)).length;
      spans.push({ start, end: start + Array.from(part).length, label, text: part });
    }
    put(s);
  };
  const filler = (n: number, extra?: string) => {
    const words = Array.from({ length: n }, () => VOCAB[Math.floor(rnd() * VOCAB.length)]);
    if (extra) words.splice(Math.floor(n / 2), 0, extra);
    put(" " + words.join(" ") + " ");
  };

  put(`${ASTRAL[0]} ${ASTRAL[1]} Long dispatch ${tag} ${ASTRAL[3]} opens the file.\n`);
  for (let i = 0; i < BODY_PARAGRAPHS; i++) {
    const near = i >= NEAR_END;
    const glyph = ASTRAL[i % ASTRAL.length];
    if (near) put(`${glyph} `);
    put(`Paragraph ${i + 1}:`);
    filler(12, near ? ASTRAL[(i + 2) % ASTRAL.length] : undefined);
    const name = `Colonel ${NAMES[i % NAMES.length]}${near ? ` ${glyph}` : ""}`;
    marked(name, [[name, "PERSON"]]);
    filler(10);
    const place = PLACES[i % PLACES.length];
    const org = `Ministry of Defence of ${place}`;
    marked(`the ${org}`, [
      [org, "ORG"],
      [place, "GPE"],
    ]);
    filler(10, near ? ASTRAL[(i + 5) % ASTRAL.length] : undefined);
    const crossing = near ? `northern ${glyph} border crossing` : "northern border crossing";
    marked(crossing, [
      [crossing.slice(0, crossing.indexOf("border") + "border".length), "LOC"],
      ["border crossing", "FAC"],
    ]);
    filler(12);
    put(".\n");
  }
  marked(
    `😀 Closing dispatch 𝔄: ${LONG_DOC_FINAL.relabel} met the ${LONG_DOC_FINAL.mouse} envoy 👩‍👩‍👧 beside the Kurdistan Regional Government office, ` +
      `🚁 three helicopters waited, ${LONG_DOC_FINAL.remove} listened 🇮🇶 and the delegation left for ${LONG_DOC_FINAL.keyboard} ${LONG_DOC_FINAL.lastWord}`,
    [
      [LONG_DOC_FINAL.relabel, "PERSON"],
      ["Kurdistan Regional Government", "ORG"],
      ["Kurdistan", "GPE"],
      ["🚁 three helicopters", "QUANTITY"],
      [LONG_DOC_FINAL.remove, "PERSON"],
    ],
  );
  const text = chunks.join("");
  return { title: `Long dispatch ${tag}`, text, spans, words: text.split(/\s+/).filter(Boolean).length };
}
