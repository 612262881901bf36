import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { getManagedProject } from "./get-project";
import { Guidelines, ProjectName } from "./project-input";

export const ProjectSettings = z
  .object({
    name: ProjectName.optional(),
    guidelines: Guidelines.optional(),
    showOtherLayers: z.boolean().optional(),
    blindReview: z.boolean().optional(),
    /** whether document text may go to model endpoints outside this machine (lib/assist/endpoint-policy.ts) */
    allowExternalModels: z.boolean().optional(),
    /** the project's updatedAt as the editor loaded it: a later change by someone else is a conflict, not overwritten */
    expectedUpdatedAt: z.iso.datetime().optional(),
  })
  .strict();
export type ProjectSettings = z.input<typeof ProjectSettings>;

const snapshot = (p: { name: string; guidelines: string; showOtherLayers: boolean; blindReview: boolean; allowExternalModels: boolean }) => ({
  name: p.name,
  guidelines: p.guidelines,
  showOtherLayers: p.showOtherLayers,
  blindReview: p.blindReview,
  allowExternalModels: p.allowExternalModels,
});

/** An admin changes a project's name, guidelines and visibility settings (not its assignments). */
export async function updateProject(opts: { actor: Actor; projectId: string; input: ProjectSettings }) {
  const { expectedUpdatedAt, ...changes } = ProjectSettings.parse(opts.input);
  const before = await getManagedProject(opts);
  if (expectedUpdatedAt && before.updatedAt.toISOString() !== expectedUpdatedAt) throw changedElsewhere();
  return db.$transaction(async (tx) => {
    const { count } = await tx.project.updateMany({ where: { id: before.id, updatedAt: before.updatedAt }, data: changes });
    if (count === 0) throw changedElsewhere();
    const after = await tx.project.findUniqueOrThrow({ where: { id: before.id } });
    await recordAudit(tx, {
      projectId: before.id,
      actorId: opts.actor.id,
      subject: "PROJECT",
      subjectId: before.id,
      action: "UPDATE",
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

const changedElsewhere = () =>
  new AppError("CONFLICT", "Someone else changed this project's settings since you opened them; reload to see their changes, then edit again");
