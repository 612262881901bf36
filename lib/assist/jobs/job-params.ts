/** What a pre-annotation job is asked to do, as the API takes it and as the job keeps it. */
import { z } from "zod";

export const MAX_JOB_DOCUMENTS = 20_000;

export const PreannotateInput = z.object({
  /** "builtin", or the name of one of the project's model endpoints */
  model: z.string().trim().min(1, "Name a model: builtin or a configured endpoint").max(100),
  /** label names to propose; all the project's active entity labels when left out */
  labels: z.array(z.string().min(1).max(100)).min(1).max(200).optional(),
  /** documents to run on; every document of the project when left out */
  documentIds: z.array(z.string().min(1).max(200)).min(1).max(MAX_JOB_DOCUMENTS).optional(),
});

/** What the job row keeps: everything resolved when it was queued. */
export const JobParams = z.object({
  model: z.string(),
  origin: z.string(),
  labels: z.array(z.string()),
  documentIds: z.array(z.string()),
});
export type JobParams = z.infer<typeof JobParams>;

export const JobResult = z.object({
  proposed: z.number().default(0),
  added: z.number().default(0),
  known: z.number().default(0),
  rejected: z.number().default(0),
  refused: z.number().default(0),
});
export type JobResult = z.infer<typeof JobResult>;

export const JobErrors = z.array(z.object({ documentId: z.string(), message: z.string() }));
export type JobErrors = z.infer<typeof JobErrors>;
