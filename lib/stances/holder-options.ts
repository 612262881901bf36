import { db } from "@/lib/db";

export type HolderOption = { id: string; name: string; type: string };

/** The project's canonical entities, for the stance holder picker. Callers have already checked access to the project. */
export async function holderOptions(opts: { projectId: string }): Promise<HolderOption[]> {
  return db.canonicalEntity.findMany({
    where: { projectId: opts.projectId },
    select: { id: true, name: true, type: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
