/** A project's editable list of stance targets (propositions a stance is for or against). */
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { authorize, projectScope } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record-audit";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { getProject } from "@/lib/projects/get-project";
import type { Actor } from "@/lib/auth/actor";

const TargetText = z.string().trim().min(1, "Give the target a text").max(300, "Keep a target under 300 characters");
const Description = z.string().trim().max(2000, "Keep the description under 2,000 characters");

export const NewTarget = z.object({ text: TargetText, description: Description.default("") });
export const TargetPatch = z
  .object({ text: TargetText.optional(), description: Description.optional() })
  .refine((p) => p.text !== undefined || p.description !== undefined, "Change the text or the description");

export type TargetView = { id: string; projectId: string; text: string; description: string; stances: number };

const view = (t: { id: string; projectId: string; text: string; description: string; _count: { stances: number } }): TargetView => ({
  id: t.id,
  projectId: t.projectId,
  text: t.text,
  description: t.description,
  stances: t._count.stances,
});

const duplicate = (text: string) => new AppError("CONFLICT", `The target "${text}" already exists in this project`);

/** Every member of the project may read its targets (they pick from them). */
export async function listTargets(opts: { actor: Actor; projectId: string }): Promise<TargetView[]> {
  const project = await getProject(opts);
  const rows = await db.stanceTarget.findMany({
    where: { projectId: project.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { _count: { select: { stances: true } } },
  });
  return rows.map(view);
}

export async function createTarget(opts: { actor: Actor; projectId: string; input: z.input<typeof NewTarget> }): Promise<TargetView> {
  authorize(opts.actor, "stance-target:manage");
  const input = NewTarget.parse(opts.input);
  const project = await getProject(opts);
  if (await db.stanceTarget.findUnique({ where: { projectId_text: { projectId: project.id, text: input.text } } })) throw duplicate(input.text);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.stanceTarget.create({ data: { projectId: project.id, ...input }, include: { _count: { select: { stances: true } } } });
      await recordAudit(tx, { projectId: project.id, actorId: opts.actor.id, subject: "STANCE_TARGET", subjectId: row.id, action: "CREATE", after: input });
      return view(row);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate(input.text);
    throw err;
  }
}

async function managedTarget(actor: Actor, targetId: string) {
  authorize(actor, "stance-target:manage");
  const row = await db.stanceTarget.findFirst({ where: { id: targetId, project: projectScope(actor) }, include: { _count: { select: { stances: true } } } });
  if (!row) throw notFound("Stance target");
  return row;
}

export async function updateTarget(opts: { actor: Actor; targetId: string; input: z.input<typeof TargetPatch> }): Promise<TargetView> {
  const input = TargetPatch.parse(opts.input);
  const before = await managedTarget(opts.actor, opts.targetId);
  if (input.text && input.text !== before.text) {
    if (await db.stanceTarget.findUnique({ where: { projectId_text: { projectId: before.projectId, text: input.text } } })) throw duplicate(input.text);
  }
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.stanceTarget.update({ where: { id: before.id }, data: input, include: { _count: { select: { stances: true } } } });
      await recordAudit(tx, {
        projectId: before.projectId,
        actorId: opts.actor.id,
        subject: "STANCE_TARGET",
        subjectId: row.id,
        action: "UPDATE",
        before: { text: before.text, description: before.description },
        after: { text: row.text, description: row.description },
      });
      return view(row);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate(input.text ?? before.text);
    throw err;
  }
}

/** Removes a target nobody has taken a stance on yet (409 while stances use it). */
export async function deleteTarget(opts: { actor: Actor; targetId: string }): Promise<void> {
  const before = await managedTarget(opts.actor, opts.targetId);
  await db.$transaction(async (tx) => {
    const used = await tx.stance.count({ where: { targetId: before.id } });
    if (used > 0) throw new AppError("CONFLICT", `${used} stance${used === 1 ? "" : "s"} use the target "${before.text}"; change or delete them first`);
    await tx.stanceTarget.delete({ where: { id: before.id } });
    await recordAudit(tx, {
      projectId: before.projectId,
      actorId: opts.actor.id,
      subject: "STANCE_TARGET",
      subjectId: before.id,
      action: "DELETE",
      before: { text: before.text, description: before.description },
    });
  });
}
