import { db } from "@/lib/db";

/** A project's guidelines (Markdown). Callers have already checked access to the project (getDocument, getProject). */
export async function projectGuidelines(opts: { projectId: string }): Promise<string> {
  const p = await db.project.findUnique({ where: { id: opts.projectId }, select: { guidelines: true } });
  return p?.guidelines ?? "";
}
