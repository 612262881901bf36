/** Which annotator layers agreement and distribution figures count. */
import { z } from "zod";
import type { LayerStatus } from "@/lib/domain/enums";

/** Completed work: what a dashboard counts unless asked to include work in progress. */
export const COMPLETED_STATUSES: readonly LayerStatus[] = ["SUBMITTED", "APPROVED"];

export const AgreementQuery = z.object({
  include: z.enum(["in_progress"], { message: 'include takes one value: "in_progress"' }).optional(),
});

export function countedStatuses(includeInProgress: boolean): LayerStatus[] {
  return includeInProgress ? [...COMPLETED_STATUSES, "IN_PROGRESS"] : [...COMPLETED_STATUSES];
}

/** Prisma `where` for the counted annotator layers of a project. */
export function countedLayerWhere(projectId: string, statuses: readonly LayerStatus[]) {
  return { kind: "ANNOTATOR" as const, userId: { not: null }, status: { in: [...statuses] }, document: { projectId } };
}
