/**
 * What the export page offers: the actor's projects with their labels, and the
 * people whose layers can be exported — under blind review, a reviewer gets
 * each blind project's annotators as pseudonyms (named with the project), never
 * their names or emails.
 */
import { db } from "@/lib/db";
import { authorize, projectScope } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";
import { isBlindFor, namedPeopleProjects, pseudonym } from "@/lib/review/blind";

const MAX_PEOPLE = 500;

export async function exportFormData(actor: Actor) {
  authorize(actor, "corpus:export");
  const [projects, named, blindLayers] = await Promise.all([
    db.project.findMany({
      where: projectScope(actor),
      orderBy: { name: "asc" },
      select: {
        id: true,
        slug: true,
        name: true,
        labels: { where: { archived: false }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { name: true, color: true } },
      },
    }),
    db.user.findMany({
      where: { layers: { some: { kind: "ANNOTATOR", document: { project: { ...projectScope(actor), ...namedPeopleProjects(actor) } } } } },
      orderBy: { name: "asc" },
      take: MAX_PEOPLE,
      select: { id: true, name: true, email: true },
    }),
    actor.role === "REVIEWER"
      ? db.projectMember.findMany({
          where: { project: { ...projectScope(actor), blindReview: true }, user: { layers: { some: { kind: "ANNOTATOR" } } } },
          take: MAX_PEOPLE,
          select: { userId: true, project: { select: { id: true, name: true, blindReview: true } } },
        })
      : Promise.resolve([]),
  ]);
  const pseudonymous = blindLayers
    .filter((m) => isBlindFor(actor, m.project) && m.userId !== actor.id)
    .map((m) => {
      const p = pseudonym(m.project.id, m.userId);
      return { id: p.id, name: p.name, email: m.project.name };
    });
  return { projects, people: [...named, ...pseudonymous.sort((a, b) => (a.name < b.name ? -1 : 1))] };
}

export type ExportFormData = Awaited<ReturnType<typeof exportFormData>>;
