import { authorize } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";
import { getProject } from "./get-project";

type ProjectRow = {
  id: string;
  slug: string;
  name: string;
  guidelines: string;
  annotatorsPerDocument: number;
  showOtherLayers: boolean;
  blindReview: boolean;
  allowExternalModels: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/** A project's settings as the API shows them; `updatedAt` is what PATCH takes back as `expectedUpdatedAt`. */
export const projectView = (p: ProjectRow) => ({
  id: p.id,
  slug: p.slug,
  name: p.name,
  guidelines: p.guidelines,
  annotatorsPerDocument: p.annotatorsPerDocument,
  showOtherLayers: p.showOtherLayers,
  blindReview: p.blindReview,
  allowExternalModels: p.allowExternalModels,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

/** A project's settings, for those who may see project settings (admins, and reviewers of their projects), by id or slug. */
export async function viewProject(opts: { actor: Actor; projectId: string }) {
  authorize(opts.actor, "project:view");
  return projectView(await getProject(opts));
}
