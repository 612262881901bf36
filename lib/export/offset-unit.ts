/**
 * Offsets of an exported document in the unit asked for. Code points (the
 * contract, Python's `str` indices) are what the database holds; utf16
 * rewrites every offset as JavaScript string indices, through TextIndex.
 */
import { TextIndex } from "@/lib/text/offsets";
import type { ExportDocument } from "./native-record";

export type OffsetUnit = "codepoint" | "utf16";

export function inOffsetUnit(doc: ExportDocument, unit: OffsetUnit): ExportDocument {
  if (unit === "codepoint") return doc;
  const index = new TextIndex(doc.text);
  const at = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: index.cpToUtf16(x.start), end: index.cpToUtf16(x.end) });
  return {
    ...doc,
    spans: doc.spans.map(at),
    grades: doc.grades.map((g) => (g.target === "outlet" ? g : { ...g, target: at(g.target) })),
    stances: doc.stances.map((st) => ({ ...st, evidence: st.evidence.map(at) })),
    ...(doc.threads
      ? {
          threads: doc.threads.map((t) =>
            t.anchor.start !== undefined && t.anchor.end !== undefined
              ? { ...t, anchor: { ...t.anchor, start: index.cpToUtf16(t.anchor.start), end: index.cpToUtf16(t.anchor.end) } }
              : t,
          ),
        }
      : {}),
  };
}
