/**
 * Turns a file's spans (offsets in code points or UTF-16 units over the text
 * as the file gives it) into spans over the canonical text (NFC, "\n"), in
 * code points.
 *
 * Canonicalisation may change the text (a "\r\n" becomes "\n", "e" + U+0301
 * becomes "é"). Offsets are first converted against the text as given, then
 * mapped through the normalisation: the text is cut at every span boundary,
 * each piece canonicalised on its own, and the pieces must join into the
 * canonical text. When they do, every boundary maps exactly (the length of the
 * canonical pieces before it). When they do not, a boundary falls inside a
 * sequence that normalisation joins (between "\r" and "\n", between a letter
 * and its combining accent): the record is rejected with an error naming the
 * span, since no offset in the canonical text means the same thing.
 */
import { canonicalizeText, codePointLength, TextIndex } from "@/lib/text/offsets";
import type { ImportSpan, OffsetUnit, RawSpan } from "./types";
import { runSliced, type Slicer } from "@/lib/util/time-slice";

export class SpanError extends Error {}

const describe = (s: RawSpan, i: number) => `span ${i + 1} (${String(s.start)}–${String(s.end)} ${typeof s.label === "string" ? s.label : "?"})`;

type Mapped = { text: string; spans: ImportSpan[] };

export function mapSpans(raw: string, spans: RawSpan[], unit: OffsetUnit): Mapped {
  const work = mapSpansSteps(raw, spans, unit);
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** The same in time slices (a record with 100,000 spans takes a good part of a second). */
export const mapSpansAsync = (raw: string, spans: RawSpan[], unit: OffsetUnit, clock?: Slicer): Promise<Mapped> =>
  runSliced(mapSpansSteps(raw, spans, unit), clock);

const CHECKPOINT = 1024;

/** mapSpans as a generator that stops every CHECKPOINT spans. */
export function* mapSpansSteps(raw: string, spans: RawSpan[], unit: OffsetUnit): Generator<void, Mapped> {
  const text = canonicalizeText(raw);
  if (spans.length === 0) return { text, spans: [] };
  const index = new TextIndex(raw);
  const limit = unit === "utf16" ? raw.length : index.length;
  // 1. offsets in UTF-16 units of the raw text
  const u16: { start: number; end: number }[] = [];
  for (let i = 0; i < spans.length; i++) {
    if (i % CHECKPOINT === CHECKPOINT - 1) yield;
    u16.push(toUtf16(spans[i], i));
  }
  function toUtf16(s: RawSpan, i: number) {
    if (typeof s.label !== "string" || s.label.trim() === "") throw new SpanError(`${describe(s, i)}: missing label`);
    for (const v of [s.start, s.end]) {
      if (typeof v !== "number" || !Number.isInteger(v)) throw new SpanError(`${describe(s, i)}: offsets must be whole numbers`);
    }
    const start = s.start as number;
    const end = s.end as number;
    if (start < 0 || end > limit || start >= end) {
      throw new SpanError(
        `${describe(s, i)}: offsets must satisfy 0 ≤ start < end ≤ ${limit} (the text's length in ${unit === "utf16" ? "UTF-16 units" : "code points"})`,
      );
    }
    if (unit === "codepoint") return { start: index.cpToUtf16(start), end: index.cpToUtf16(end) };
    for (const u of [start, end]) {
      if (index.cpToUtf16(index.utf16ToCp(u)) !== u)
        throw new SpanError(
          `${describe(s, i)}: UTF-16 offset ${u} falls inside a surrogate pair (an emoji or other astral character); are these offsets code points?`,
        );
    }
    return { start, end };
  }
  // 2. the span text, when the file carries it, must be the slice
  for (let i = 0; i < spans.length; i++) {
    if (i % CHECKPOINT === CHECKPOINT - 1) yield;
    const s = spans[i];
    if (s.text === undefined || s.text === null) continue;
    const actual = raw.slice(u16[i].start, u16[i].end);
    if (typeof s.text !== "string" || (s.text !== actual && canonicalizeText(s.text) !== canonicalizeText(actual))) {
      throw new SpanError(
        `${describe(s, i)}: the file says its text is ${JSON.stringify(s.text)} but the text at those offsets is ${JSON.stringify(actual)}${unit === "codepoint" && index.length !== raw.length ? " (if the file counts UTF-16 units, import with offsets utf16)" : ""}`,
      );
    }
  }
  // 3. map through canonicalisation
  let cpOf: (u: number) => number;
  if (text === raw) {
    cpOf = (u) => index.utf16ToCp(u);
  } else {
    const bounds = [...new Set(u16.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
    const map = new Map<number, number>();
    let prev = 0;
    let cp = 0;
    let joined = "";
    for (const b of bounds) {
      const piece = canonicalizeText(raw.slice(prev, b));
      joined += piece;
      cp += codePointLength(piece);
      map.set(b, cp);
      prev = b;
    }
    joined += canonicalizeText(raw.slice(prev));
    if (joined !== text) {
      const bad = u16.findIndex((s) => [s.start, s.end].some((b) => canonicalizeText(raw.slice(0, b)) + canonicalizeText(raw.slice(b)) !== text));
      const i = bad === -1 ? 0 : bad;
      throw new SpanError(
        `${describe(spans[i], i)}: a boundary falls inside a sequence that import normalisation joins (a "\\r\\n" line ending or a letter and its combining mark, Unicode NFC); fix the offsets or send the text in NFC with "\\n" line endings`,
      );
    }
    cpOf = (u) => map.get(u)!;
  }
  const canonical = new TextIndex(text);
  const out: ImportSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    if (i % CHECKPOINT === CHECKPOINT - 1) yield;
    const start = cpOf(u16[i].start);
    const end = cpOf(u16[i].end);
    out.push({ start, end, label: (spans[i].label as string).trim(), text: canonical.slice(start, end) });
  }
  return { text, spans: out };
}
