/**
 * The layer's choices after one choice is toggled (a click or a hotkey): in a
 * multiple-choice set it is added or removed; in a single-choice set it
 * replaces the set's other choice, or clears the set when it was the one held.
 * Ids of no listed set (archived choices still held) are only ever removed.
 */
export function toggledChoices(
  sets: readonly { id: string; multiple: boolean; choices: readonly { id: string }[] }[],
  chosen: readonly string[],
  choiceId: string,
): string[] {
  if (chosen.includes(choiceId)) return chosen.filter((id) => id !== choiceId);
  const set = sets.find((s) => s.choices.some((c) => c.id === choiceId));
  if (!set) return [...chosen];
  const siblings = new Set(set.multiple ? [] : set.choices.map((c) => c.id));
  return [...chosen.filter((id) => !siblings.has(id)), choiceId];
}
