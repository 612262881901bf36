import { z } from "zod";

export const ExportOptions = z.object({
  /** gold: the adjudicated layer; annotators: every annotator's own layer */
  layer: z.enum(["gold", "annotators"]).default("gold"),
  /** approved: only layers a reviewer approved; all: every layer as it stands */
  status: z.enum(["approved", "all"]).default("approved"),
  project: z.string().min(1).optional(),
});
export type ExportOptions = z.infer<typeof ExportOptions>;
