/**
 * Document labels in the export (pure): a layer's choices as `{set: [choice
 * names]}`, and the forms the flat formats want — spaCy's `cats` (every
 * choice of the project's sets → 1.0 or 0.0), doccano's `cats` list, Label
 * Studio's `choices` results (from_name = the set's name).
 */
export type ExportDocLabelSet = { name: string; multiple: boolean; choices: string[] };
/** set name → the names of the choices a layer holds in it */
export type ExportDocLabels = Record<string, string[]>;

/** A layer's values as `{set: [choice names]}`, every listed set present (empty when nothing was chosen), in schema order. */
export function docLabelsOf(sets: readonly ExportDocLabelSet[], values: readonly { set: string; choice: string }[]): ExportDocLabels {
  const out: ExportDocLabels = {};
  for (const s of sets) out[s.name] = [];
  for (const v of values) (out[v.set] ??= []).push(v.choice);
  for (const s of sets) {
    const order = new Map(s.choices.map((c, i) => [c, i]));
    out[s.name].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b));
  }
  return out;
}

/**
 * spaCy's `doc.cats`: each choice name → 1.0 when the layer holds it, else 0.0. A name that two sets share is
 * written "Set/Choice" for both, so no category stands for two things.
 */
export function spacyCats(sets: readonly ExportDocLabelSet[], labels: ExportDocLabels): Record<string, number> {
  const count = new Map<string, number>();
  for (const s of sets) for (const c of s.choices) count.set(c, (count.get(c) ?? 0) + 1);
  for (const [set, chosen] of Object.entries(labels)) {
    if (!sets.some((s) => s.name === set)) for (const c of chosen) count.set(c, (count.get(c) ?? 0) + 1);
  }
  const key = (set: string, choice: string) => ((count.get(choice) ?? 0) > 1 ? `${set}/${choice}` : choice);
  const cats: Record<string, number> = {};
  for (const s of sets) for (const c of s.choices) cats[key(s.name, c)] = 0;
  for (const [set, chosen] of Object.entries(labels)) for (const c of chosen) cats[key(set, c)] = 1;
  return cats;
}

/** doccano's classification list: the names of the chosen choices, in schema order. */
export const doccanoCats = (labels: ExportDocLabels): string[] => Object.values(labels).flat();

export type LabelStudioChoices = { id: string; from_name: string; to_name: "text"; type: "choices"; value: { choices: string[] } };

/** Label Studio `choices` results, one per set with a choice; `<Choices name="<set>" toName="text">` in the labeling config. */
export function labelStudioChoices(labels: ExportDocLabels, idPrefix: string): LabelStudioChoices[] {
  return Object.entries(labels)
    .filter(([, chosen]) => chosen.length > 0)
    .map(([set, chosen], i) => ({
      id: `${idPrefix}-doc-label-${i}`,
      from_name: set,
      to_name: "text" as const,
      type: "choices" as const,
      value: { choices: chosen },
    }));
}
