/** What the export page offers: the actor's projects with their labels, and the people whose layers can be exported. */
import { db } from "@/lib/db";
import { authorize, projectScope } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";

const MAX_PEOPLE = 500;

export async function exportFormData(actor: Actor) {
  authorize(actor, "corpus:export");
  const [projects, people] = await Promise.all([
    db.project.findMany({
      where: projectScope(actor),
      orderBy: { name: "asc" },
      select: { id: true, slug: true, name: true, labels: { where: { archived: false }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { name: true, color: true } } },
    }),
    db.user.findMany({
      where: { layers: { some: { kind: "ANNOTATOR", document: { project: projectScope(actor) } } } },
      orderBy: { name: "asc" },
      take: MAX_PEOPLE,
      select: { id: true, name: true, email: true },
    }),
  ]);
  return { projects, people };
}

export type ExportFormData = Awaited<ReturnType<typeof exportFormData>>;
