/**
 * Which suggestions a layer already holds (a span with the same offsets and
 * label): the server leaves those out when it lists suggestions, and the
 * workbench leaves out those the annotator added since, without asking again.
 */
type Spanned = { start: number; end: number; label: string };

/** First index in `layer` (sorted by start ascending) whose start is not below `start`. */
function firstAt(layer: readonly Spanned[], start: number): number {
  let lo = 0;
  let hi = layer.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (layer[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The ids of `suggestions` that `layer` holds, as one string (equal strings
 * for equal answers, so a caller's memo holds across edits that change
 * nothing here). `layer` must be sorted by start; costs log n per suggestion.
 */
export function heldSuggestionIds(suggestions: readonly (Spanned & { id: string })[], layer: readonly Spanned[]): string {
  const held: string[] = [];
  for (const s of suggestions) {
    for (let i = firstAt(layer, s.start); i < layer.length && layer[i].start === s.start; i++) {
      if (layer[i].end === s.end && layer[i].label === s.label) {
        held.push(s.id);
        break;
      }
    }
  }
  return held.join(" ");
}
