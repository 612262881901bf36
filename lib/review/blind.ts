/**
 * Blind review, in one place: who is hidden from whom, and under which name.
 *
 * In a project with blind review, a reviewer sees every annotator other than
 * themselves as a pseudonym — a name ("Annotator 7KQ2") and an id
 * ("anon-…") derived by HMAC from the project, the user and the server's
 * secret. The same person has the same pseudonym on every document, page,
 * stream and file of the project, a different one in another project, and
 * the pseudonym cannot be turned back into a user without the secret.
 * Admins (who assign seats and manage users) see names.
 *
 * Every surface that shows an annotator to someone else asks `seenAs`: the
 * review page, the history (JSON and JSONL), presence and live events, the
 * assignments API and page, the agreement dashboard and the export (records,
 * spaCy/doccano layer names, manifest, the export page's annotator choices).
 */
import { serverHmac } from "@/lib/auth/server-hmac";

export type Person = { id: string; name: string };
type Viewer = { id: string; role: string };
type BlindProject = { id: string; blindReview: boolean };

const CODE = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

export const isBlindFor = (viewer: Viewer, project: Pick<BlindProject, "blindReview">) => project.blindReview && viewer.role === "REVIEWER";

/** The pseudonym of a user within a project. */
export function pseudonym(projectId: string, userId: string): Person {
  const mac = serverHmac("blind-review", projectId, userId);
  const code = Array.from(mac.subarray(0, 4), (b) => CODE[b % CODE.length]).join("");
  return { id: `anon-${mac.subarray(4, 14).toString("hex")}`, name: `Annotator ${code}` };
}

/** How `viewer` sees `person` (in their annotator role) in `project`. */
export function seenAs(viewer: Viewer, project: BlindProject, person: Person): Person {
  return isBlindFor(viewer, project) && person.id !== viewer.id ? pseudonym(project.id, person.id) : person;
}

/** `seenAs` for an optional person (a layer without a user). */
export function seenAsOrNull(viewer: Viewer, project: BlindProject, person: Person | null): Person | null {
  return person ? seenAs(viewer, project, person) : null;
}

/** A user id as the viewer may see it (events, presence): the pseudonym's id when blind. */
export function idSeenAs(viewer: Viewer, project: BlindProject, userId: string): string {
  return seenAs(viewer, project, { id: userId, name: "" }).id;
}

/**
 * Projects where the viewer may look people up by their real id or email
 * (a Prisma `where` on Project): all of them, except blind ones for a reviewer.
 */
export function namedPeopleProjects(viewer: Viewer): { blindReview?: false } {
  return viewer.role === "REVIEWER" ? { blindReview: false } : {};
}
