/**
 * Finds names and aliases in a text, in code point offsets (end exclusive).
 * Pure: no database. The text is folded code point by code point with
 * `foldChars` (white-space runs become one space), so every position of the
 * folded text maps back to the code point it came from; an alias matches
 * where its normalised form occurs in the folded text on word boundaries
 * (the code points before and after are not letters, marks, digits or "_").
 * Overlapping matches resolve leftmost-longest: "Bashar al-Assad" wins over
 * the "Assad" inside it.
 */
import { foldChars, isCaseSensitiveAlias, normalizeName } from "./normalize";

export type Needle = { entityId: string; alias: string };
export type Occurrence = { entityId: string; alias: string; start: number; end: number; text: string };

const WORD = /[\p{L}\p{M}\p{N}_]/u;

type Folded = { folded: string; cpAt: number[] };

function foldText(cps: string[]): Folded {
  let folded = "";
  const cpAt: number[] = []; // for each UTF-16 unit of `folded`, the source code point index
  for (let i = 0; i < cps.length; i++) {
    const space = /\s/u.test(cps[i]);
    if (space && i > 0 && /\s/u.test(cps[i - 1])) continue; // a run of white space folds to its first
    const piece = space ? " " : foldChars(cps[i]);
    for (let u = 0; u < piece.length; u++) cpAt.push(i);
    folded += piece;
  }
  return { folded, cpAt };
}

export function findOccurrences(text: string, needles: Needle[]): Occurrence[] {
  const cps = Array.from(text);
  const { folded, cpAt } = foldText(cps);
  const found: Occurrence[] = [];
  for (const needle of needles) {
    const pattern = normalizeName(needle.alias);
    if (!pattern) continue;
    const exact = isCaseSensitiveAlias(needle.alias) ? needle.alias.normalize("NFKC").replace(/\s+/gu, " ").trim() : null;
    for (let u = folded.indexOf(pattern); u !== -1; u = folded.indexOf(pattern, u + 1)) {
      const last = u + pattern.length - 1;
      // a match must start and end on whole source code points
      if (u > 0 && cpAt[u - 1] === cpAt[u]) continue;
      if (last + 1 < cpAt.length && cpAt[last + 1] === cpAt[last]) continue;
      const start = cpAt[u];
      const end = cpAt[last] + 1; // patterns are trimmed, so a match never ends inside a white-space run
      if (start > 0 && WORD.test(cps[start - 1])) continue;
      if (end < cps.length && WORD.test(cps[end])) continue;
      const slice = cps.slice(start, end).join("");
      if (exact !== null && slice.normalize("NFKC").replace(/\s+/gu, " ") !== exact) continue;
      found.push({ entityId: needle.entityId, alias: needle.alias, start, end, text: slice });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end || a.entityId.localeCompare(b.entityId));
  const kept: Occurrence[] = [];
  let reach = 0;
  for (const o of found) {
    if (o.start < reach) continue;
    kept.push(o);
    reach = o.end;
  }
  return kept;
}
