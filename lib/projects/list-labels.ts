import { db } from "@/lib/db";

export type LabelView = { id: string; name: string; color: string; hotkey: string | null; description: string; kind: string };

/** A project's active labels in schema order. Callers have already checked access to the project. */
export async function listLabels(opts: { projectId: string }): Promise<LabelView[]> {
  return db.label.findMany({
    where: { projectId: opts.projectId, archived: false },
    orderBy: { sortOrder: "asc" },
    select: { id: true, name: true, color: true, hotkey: true, description: true, kind: true },
  });
}
