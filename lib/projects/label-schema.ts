/**
 * The label schema of a project: add, change, reorder, archive. Labels are
 * never deleted (annotations point at them); an archived label stays on the
 * spans that use it and cannot be chosen for new ones.
 */
import type { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { authorize, projectScope } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record-audit";
import { serializable } from "@/lib/db/serializable";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import type { Actor } from "@/lib/auth/actor";
import type { LabelKind } from "@/lib/domain/enums";
import { getProject, getManagedProject } from "./get-project";
import { lookalikeOf } from "./label-name";
import { LABEL_PALETTE, LabelPatch, MoveDirection, NewLabel } from "./label-input";

type LabelRow = {
  id: string;
  projectId: string;
  name: string;
  kind: LabelKind;
  color: string;
  hotkey: string | null;
  description: string;
  sortOrder: number;
  archived: boolean;
};

export type SchemaLabel = Omit<LabelRow, "projectId"> & { spans: number };

const snapshot = (l: LabelRow) => ({
  name: l.name,
  kind: l.kind,
  color: l.color,
  hotkey: l.hotkey,
  description: l.description,
  sortOrder: l.sortOrder,
  archived: l.archived,
});

export const labelView = (l: LabelRow) => ({ id: l.id, projectId: l.projectId, ...snapshot(l) });

const CONCURRENT = "Someone else changed this label schema at the same moment; reload and try again";

/** Every label of a project the actor belongs to, archived ones last, with how many spans use each. */
export async function listSchemaLabels(opts: { actor: Actor; projectId: string }): Promise<SchemaLabel[]> {
  const project = await getProject(opts);
  const rows = await db.label.findMany({
    where: { projectId: project.id },
    orderBy: [{ archived: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
    include: { _count: { select: { annotations: true } } },
  });
  return rows.map(({ _count, projectId: _, ...l }) => ({ ...l, spans: _count.annotations }));
}

/** Names are unique per project (ignoring case); hotkeys among its active labels. */
async function checkUnique(tx: Tx, label: Pick<LabelRow, "projectId" | "name" | "hotkey" | "archived"> & { id?: string }) {
  const others = await tx.label.findMany({ where: { projectId: label.projectId, ...(label.id ? { NOT: { id: label.id } } : {}) } });
  const sameName = others.find((o) => o.name.toLowerCase() === label.name.toLowerCase());
  if (sameName) {
    throw new AppError(
      "CONFLICT",
      `A label named "${sameName.name}" already exists in this project${sameName.archived ? " (archived: unarchive it instead)" : ""}`,
      { field: "name", labelId: sameName.id },
    );
  }
  const lookalike = lookalikeOf(label.name, others);
  if (lookalike) {
    throw new AppError("CONFLICT", `"${label.name}" looks the same as the label "${lookalike.name}"; pick a name that reads differently`, {
      field: "name",
      labelId: lookalike.id,
    });
  }
  if (label.hotkey && !label.archived) {
    const sameKey = others.find((o) => !o.archived && o.hotkey === label.hotkey);
    if (sameKey) {
      throw new AppError("CONFLICT", `Hotkey ${label.hotkey} is already used by ${sameKey.name}; free it there first or pick another key`, {
        field: "hotkey",
        labelId: sameKey.id,
      });
    }
  }
  return others;
}

function nameTaken(err: unknown, name: string) {
  return isUniqueViolation(err) ? new AppError("CONFLICT", `A label named "${name}" already exists in this project`, { field: "name" }) : err;
}

/** An admin adds a label at the end of the schema. */
export async function addLabel(opts: { actor: Actor; projectId: string; input: z.input<typeof NewLabel> }) {
  const input = NewLabel.parse(opts.input);
  const project = await getManagedProject(opts);
  try {
    return await serializable(async (tx) => {
      const draft = { projectId: project.id, name: input.name, hotkey: input.hotkey ?? null, archived: false };
      const others = await checkUnique(tx, draft);
      const used = new Set(others.map((o) => o.color));
      const color = input.color ?? LABEL_PALETTE.find((c) => !used.has(c)) ?? LABEL_PALETTE[others.length % LABEL_PALETTE.length];
      const sortOrder = others.reduce((max, o) => Math.max(max, o.sortOrder + 1), 0);
      const label = await tx.label.create({ data: { ...draft, kind: input.kind, color, description: input.description, sortOrder } });
      await recordAudit(tx, { projectId: project.id, actorId: opts.actor.id, subject: "LABEL", subjectId: label.id, action: "CREATE", after: snapshot(label) });
      return labelView(label);
    }, CONCURRENT);
  } catch (err) {
    throw nameTaken(err, input.name);
  }
}

/** A label of a project the actor may manage, or 403/404. */
async function managedLabel(actor: Actor, labelId: string, tx: Tx | typeof db = db) {
  authorize(actor, "project:manage");
  const label = await tx.label.findFirst({ where: { id: labelId, project: projectScope(actor) } });
  if (!label) throw notFound("Label");
  return label;
}

/** An admin changes a label's fields, or archives / unarchives it. */
export async function updateLabel(opts: { actor: Actor; labelId: string; input: z.input<typeof LabelPatch> }) {
  const patch = LabelPatch.parse(opts.input);
  await managedLabel(opts.actor, opts.labelId);
  try {
    return await serializable(async (tx) => {
      const before = await managedLabel(opts.actor, opts.labelId, tx);
      const next = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as LabelRow;
      if (next.kind !== before.kind) {
        const spans = await tx.annotation.count({ where: { labelId: before.id } });
        if (spans > 0) {
          throw new AppError(
            "UNPROCESSABLE",
            `${before.name} is used by ${spans} span${spans === 1 ? "" : "s"}, so its kind cannot change; archive it and add a new label instead`,
            { field: "kind" },
          );
        }
      }
      const others = await checkUnique(tx, next);
      const unarchived = before.archived && !next.archived;
      // An unarchived label goes back at the end of the active ones.
      const sortOrder = unarchived ? others.reduce((max, o) => Math.max(max, o.sortOrder + 1), 0) : before.sortOrder;
      const after = await tx.label.update({
        where: { id: before.id },
        data: { name: next.name, kind: next.kind, color: next.color, hotkey: next.hotkey, description: next.description, archived: next.archived, sortOrder },
      });
      const action = before.archived === after.archived ? "UPDATE" : after.archived ? "ARCHIVE" : "UNARCHIVE";
      await recordAudit(tx, {
        projectId: before.projectId,
        actorId: opts.actor.id,
        subject: "LABEL",
        subjectId: before.id,
        action,
        before: snapshot(before),
        after: snapshot(after),
      });
      return labelView(after);
    }, CONCURRENT);
  } catch (err) {
    throw nameTaken(err, patch.name ?? "");
  }
}

/**
 * An admin removes a label no span uses (a default one the project never needed, say): gone from the
 * schema, with an audit row that keeps what it was. A label in use is archived instead (409 says so).
 */
export async function deleteLabel(opts: { actor: Actor; labelId: string }): Promise<{ projectId: string }> {
  const { projectId } = await managedLabel(opts.actor, opts.labelId);
  await serializable(async (tx) => {
    const label = await managedLabel(opts.actor, opts.labelId, tx);
    const spans = await tx.annotation.count({ where: { labelId: label.id } });
    if (spans > 0) throw new AppError("CONFLICT", `${label.name} is used by ${spans} span${spans === 1 ? "" : "s"}; archive it instead`);
    await tx.label.delete({ where: { id: label.id } });
    await recordAudit(tx, {
      projectId: label.projectId,
      actorId: opts.actor.id,
      subject: "LABEL",
      subjectId: label.id,
      action: "DELETE",
      before: snapshot(label),
    });
  }, CONCURRENT);
  return { projectId };
}

/** An admin moves an active label one place up or down; returns the project's active labels in their new order. */
export async function moveLabel(opts: { actor: Actor; labelId: string; direction: z.input<typeof MoveDirection> }) {
  const direction = MoveDirection.parse(opts.direction);
  await managedLabel(opts.actor, opts.labelId);
  return serializable(async (tx) => {
    const label = await managedLabel(opts.actor, opts.labelId, tx);
    if (label.archived) throw new AppError("UNPROCESSABLE", `${label.name} is archived; unarchive it to place it in the schema`);
    const active = await tx.label.findMany({ where: { projectId: label.projectId, archived: false }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
    const from = active.findIndex((l) => l.id === label.id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to >= 0 && to < active.length) {
      [active[from], active[to]] = [active[to], active[from]];
      // Renumbering 0..n-1 also repairs ties left by older data.
      for (const [i, l] of active.entries()) {
        if (l.sortOrder !== i) await tx.label.update({ where: { id: l.id }, data: { sortOrder: i } });
      }
      await recordAudit(tx, {
        projectId: label.projectId,
        actorId: opts.actor.id,
        subject: "LABEL",
        subjectId: label.id,
        action: "MOVE",
        before: { sortOrder: label.sortOrder, position: from },
        after: { sortOrder: to, position: to },
      });
    }
    return active.map((l, i) => labelView({ ...l, sortOrder: i }));
  }, CONCURRENT);
}
