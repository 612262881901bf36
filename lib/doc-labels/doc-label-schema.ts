/**
 * A project's document label schema: sets (single or multiple choice) of
 * choices, read by every member and saved whole by admins in one transaction
 * (the settings editor's one Save). Like span labels, what a document uses is
 * never deleted: a set or choice left out of a save is archived when some
 * layer holds it, removed otherwise. Every changed set is audited
 * (subject DOC_LABEL_SET) with its choices before and after.
 */
import type { z } from "zod";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { serializable } from "@/lib/db/serializable";
import { getManagedProject, getProject } from "@/lib/projects/get-project";
import type { Actor } from "@/lib/auth/actor";
import { DocLabelSchemaInput } from "./doc-label-input";
import { schemaProblems, type RuleSet } from "./schema-rules";
import { bumpAgreementRevision } from "@/lib/agreement/stored/bump-revision";

export type DocLabelChoiceView = { id: string; name: string; description: string; hotkey: string | null; archived: boolean; values: number };
export type DocLabelSetView = { id: string; name: string; description: string; multiple: boolean; archived: boolean; choices: DocLabelChoiceView[] };

const setInclude = {
  choices: { orderBy: [{ sortOrder: "asc" as const }, { id: "asc" as const }], include: { _count: { select: { values: true } } } },
};

type SetRow = {
  id: string;
  name: string;
  description: string;
  multiple: boolean;
  archived: boolean;
  sortOrder: number;
  choices: { id: string; name: string; description: string; hotkey: string | null; archived: boolean; sortOrder: number; _count: { values: number } }[];
};

const setView = (s: SetRow): DocLabelSetView => ({
  id: s.id,
  name: s.name,
  description: s.description,
  multiple: s.multiple,
  archived: s.archived,
  choices: s.choices.map((c) => ({ id: c.id, name: c.name, description: c.description, hotkey: c.hotkey, archived: c.archived, values: c._count.values })),
});

const snapshot = (
  s: Pick<SetRow, "name" | "description" | "multiple" | "archived"> & {
    choices: Pick<SetRow["choices"][number], "name" | "description" | "hotkey" | "archived">[];
  },
) => ({
  name: s.name,
  description: s.description,
  multiple: s.multiple,
  archived: s.archived,
  choices: s.choices.map((c) => ({ name: c.name, description: c.description, hotkey: c.hotkey, archived: c.archived })),
});

async function readSets(client: Tx | typeof db, projectId: string) {
  return client.docLabelSet.findMany({ where: { projectId }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], include: setInclude });
}

/** The schema in its order (archived sets and choices included and flagged), with how many layers hold each choice. Any member. */
export async function listDocLabelSchema(opts: { actor: Actor; projectId: string }): Promise<DocLabelSetView[]> {
  const project = await getProject(opts);
  return (await readSets(db, project.id)).map(setView);
}

/** The project's active sets with their active choices, for the workbench (no counts). */
export async function activeDocLabelSets(projectId: string): Promise<DocLabelSetView[]> {
  const rows = await readSets(db, projectId);
  return rows.filter((s) => !s.archived).map((s) => ({ ...setView(s), choices: setView(s).choices.filter((c) => !c.archived) }));
}

const unprocessable = (message: string, field?: string) => new AppError("UNPROCESSABLE", message, field ? { field } : undefined);

/** Saves the whole schema (admins): sets and choices in the order given; see the module comment for what is left out. */
export async function saveDocLabelSchema(opts: { actor: Actor; projectId: string; input: z.input<typeof DocLabelSchemaInput> }): Promise<DocLabelSetView[]> {
  const input = DocLabelSchemaInput.parse(opts.input);
  const project = await getManagedProject(opts);
  return serializable(async (tx) => {
    const current = await readSets(tx, project.id);
    const byId = new Map(current.map((s) => [s.id, s]));
    const seenSets = new Set<string>();
    const seenChoices = new Set<string>();
    input.sets.forEach((set, s) => {
      if (!set.id) return;
      const existing = byId.get(set.id);
      if (!existing) throw unprocessable(`Set ${set.id} is not a document label set of this project`, `sets.${s}.id`);
      if (seenSets.has(set.id)) throw unprocessable(`Set ${set.id} is listed twice`, `sets.${s}.id`);
      seenSets.add(set.id);
      set.choices.forEach((choice, c) => {
        if (!choice.id) return;
        if (!existing.choices.some((x) => x.id === choice.id))
          throw unprocessable(`Choice ${choice.id} is not a choice of ${existing.name}`, `sets.${s}.choices.${c}.id`);
        if (seenChoices.has(choice.id)) throw unprocessable(`Choice ${choice.id} is listed twice`, `sets.${s}.choices.${c}.id`);
        seenChoices.add(choice.id);
      });
    });
    const used = (c: { _count: { values: number } }) => c._count.values > 0;
    // what is left out: kept (archived) when used, removed otherwise
    const leftOutSets = current.filter((s) => !seenSets.has(s.id));
    const keptSets = leftOutSets.filter((s) => s.choices.some(used));
    const leftOutChoices = new Map(current.map((s) => [s.id, s.choices.filter((c) => !seenChoices.has(c.id))]));

    const result: RuleSet[] = [
      ...input.sets.map((s) => ({
        name: s.name,
        archived: s.archived,
        choices: [
          ...s.choices,
          ...(s.id
            ? leftOutChoices
                .get(s.id)!
                .filter(used)
                .map((c) => ({ ...c, archived: true }))
            : []),
        ],
      })),
      ...keptSets.map((s) => ({ name: s.name, archived: true, choices: s.choices.map((c) => ({ ...c, archived: true })) })),
    ];
    const problems = schemaProblems(result);
    if (problems.length) {
      const first = problems[0];
      // paths past the listed sets are archived sets left out of the save (kept because documents use them)
      const kept = Number(/^sets\.(\d+)/.exec(first.path)?.[1]) >= input.sets.length;
      throw new AppError("UNPROCESSABLE", kept ? `${first.message} (an archived set still in use)` : first.message, { field: first.path, problems });
    }

    // Names move out of the way first, so two rows can swap names in one save.
    for (const set of input.sets) {
      const before = set.id ? byId.get(set.id)! : null;
      if (before && before.name !== set.name) await tx.docLabelSet.update({ where: { id: before.id }, data: { name: `\u0000${before.id}` } });
      for (const choice of set.choices) {
        const was = choice.id ? before?.choices.find((c) => c.id === choice.id) : undefined;
        if (was && was.name !== choice.name) await tx.docLabelChoice.update({ where: { id: was.id }, data: { name: `\u0000${was.id}` } });
      }
    }

    const audit = (subjectId: string, action: string, before?: unknown, after?: unknown) =>
      recordAudit(tx, { projectId: project.id, actorId: opts.actor.id, subject: "DOC_LABEL_SET", subjectId, action, before, after });

    let order = 0;
    for (const set of input.sets) {
      const before = set.id ? byId.get(set.id)! : null;
      const fields = { name: set.name, description: set.description, multiple: set.multiple, archived: set.archived, sortOrder: order++ };
      const row = before
        ? await tx.docLabelSet.update({ where: { id: before.id }, data: fields })
        : await tx.docLabelSet.create({ data: { ...fields, projectId: project.id } });
      // A set that becomes single-choice keeps what layers already hold; the next change of such a layer must pick one.
      // Its agreement is counted the other way now: the documents using it are recomputed.
      if (before && before.multiple !== set.multiple && before.choices.some(used)) {
        const holders = await tx.docLabelValue.findMany({ where: { choice: { setId: before.id } }, select: { layer: { select: { documentId: true } } } });
        await bumpAgreementRevision(
          tx,
          holders.map((h) => h.layer.documentId),
        );
      }
      const kept = before ? leftOutChoices.get(before.id)! : [];
      for (const c of kept) {
        if (used(c)) await tx.docLabelChoice.update({ where: { id: c.id }, data: { archived: true } });
        else await tx.docLabelChoice.delete({ where: { id: c.id } });
      }
      let choiceOrder = 0;
      for (const choice of set.choices) {
        const data = { name: choice.name, description: choice.description, hotkey: choice.hotkey, archived: choice.archived, sortOrder: choiceOrder++ };
        if (choice.id) await tx.docLabelChoice.update({ where: { id: choice.id }, data });
        else await tx.docLabelChoice.create({ data: { ...data, setId: row.id } });
      }
      // archived choices that were left out go after the listed ones
      for (const c of kept.filter(used)) await tx.docLabelChoice.update({ where: { id: c.id }, data: { sortOrder: choiceOrder++ } });
      const after = await tx.docLabelSet.findUniqueOrThrow({ where: { id: row.id }, include: setInclude });
      const a = snapshot(after);
      if (!before) await audit(row.id, "CREATE", undefined, a);
      else {
        const b = snapshot(before);
        if (JSON.stringify(a) !== JSON.stringify(b) || before.sortOrder !== after.sortOrder) {
          await audit(row.id, before.archived === after.archived ? "UPDATE" : after.archived ? "ARCHIVE" : "UNARCHIVE", b, a);
        }
      }
    }
    for (const set of leftOutSets) {
      if (set.choices.some(used)) {
        await tx.docLabelSet.update({ where: { id: set.id }, data: { archived: true, sortOrder: order++ } });
        for (const c of set.choices) if (!used(c)) await tx.docLabelChoice.delete({ where: { id: c.id } });
        if (!set.archived) await audit(set.id, "ARCHIVE", snapshot(set), { ...snapshot(set), archived: true });
      } else {
        await tx.docLabelSet.delete({ where: { id: set.id } });
        await audit(set.id, "DELETE", snapshot(set));
      }
    }
    return (await readSets(tx, project.id)).map(setView);
  }, "Someone else changed the document labels at the same moment; reload and try again");
}
