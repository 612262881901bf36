/**
 * Which suggestions a layer already holds (a span with the same offsets and
 * label): the server leaves those out when it lists suggestions, and the
 * workbench leaves out those the annotator added since, without asking again.
 */
import { countBelowBy } from "@/lib/text/sorted-search";

type Spanned = { start: number; end: number; label: string };
const startOf = (s: Spanned) => s.start;

/**
 * The ids of `suggestions` that `layer` holds, as one string (equal strings
 * for equal answers, so a caller's memo holds across edits that change
 * nothing here). `layer` must be sorted by start; costs log n per suggestion.
 */
export function heldSuggestionIds(suggestions: readonly (Spanned & { id: string })[], layer: readonly Spanned[]): string {
  const held: string[] = [];
  for (const s of suggestions) {
    for (let i = countBelowBy(layer, s.start, startOf); i < layer.length && layer[i].start === s.start; i++) {
      if (layer[i].end === s.end && layer[i].label === s.label) {
        held.push(s.id);
        break;
      }
    }
  }
  return held.join(" ");
}
