/**
 * The rules of a document label schema, checked on the schema as it will be
 * after a save (pure, so the editor and the server agree): set names unique in
 * the project and choice names unique in their set (ignoring case and
 * lookalike letters, as span label names), and each hotkey on at most one
 * active choice of the project's active sets.
 */
import { labelSkeleton } from "@/lib/projects/label-name";

export type RuleSet = { name: string; archived: boolean; choices: { name: string; hotkey: string | null; archived: boolean }[] };
export type SchemaProblem = { path: string; message: string };

function duplicates<T extends { name: string }>(items: readonly T[], what: string, pathOf: (i: number) => string): SchemaProblem[] {
  const seen = new Map<string, string>();
  const problems: SchemaProblem[] = [];
  items.forEach((item, i) => {
    const skeleton = labelSkeleton(item.name);
    const first = seen.get(skeleton);
    if (first === undefined) seen.set(skeleton, item.name);
    else {
      problems.push({
        path: pathOf(i),
        message:
          first.toLowerCase() === item.name.toLowerCase()
            ? `There are two ${what} named "${item.name}"`
            : `"${item.name}" looks the same as the ${what.replace(/s$/, "")} "${first}"; pick a name that reads differently`,
      });
    }
  });
  return problems;
}

/** Everything wrong with a schema, each with the path of the field (`sets.0.choices.2.hotkey`); empty when it can be saved. */
export function schemaProblems(sets: readonly RuleSet[]): SchemaProblem[] {
  const problems = duplicates(sets, "sets", (i) => `sets.${i}.name`);
  const keys = new Map<string, string>();
  sets.forEach((set, s) => {
    problems.push(...duplicates(set.choices, `choices in ${set.name}`, (c) => `sets.${s}.choices.${c}.name`));
    set.choices.forEach((choice, c) => {
      if (!choice.hotkey || choice.archived || set.archived) return;
      const owner = keys.get(choice.hotkey);
      if (owner) problems.push({ path: `sets.${s}.choices.${c}.hotkey`, message: `Hotkey ${choice.hotkey} is already used by ${owner}` });
      else keys.set(choice.hotkey, `${set.name}: ${choice.name}`);
    });
  });
  return problems;
}

/**
 * Why a layer cannot hold these choices (a single-choice set with more than
 * one), or null. `setOf` maps a choice id to its set.
 */
export function singleChoiceProblem(choiceIds: readonly string[], setOf: (choiceId: string) => { name: string; multiple: boolean } | undefined): string | null {
  const count = new Map<string, number>();
  for (const id of new Set(choiceIds)) {
    const set = setOf(id);
    if (!set || set.multiple) continue;
    const n = (count.get(set.name) ?? 0) + 1;
    if (n > 1) return `${set.name} takes one choice; ${n} were given`;
    count.set(set.name, n);
  }
  return null;
}
