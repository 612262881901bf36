import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { authorize } from "@/lib/authz";
import { projectView, viewProject } from "@/lib/projects/project-view";
import { ProjectSettings, updateProject } from "@/lib/projects/update-project";

/** A project's settings, by id or slug (admins, reviewers of the project). */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => viewProject({ actor, projectId: params.id }));

/** Changes name, guidelines, showOtherLayers, blindReview (admins); `expectedUpdatedAt` makes a concurrent change a 409. */
export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  authorize(actor, "project:manage");
  const input = await readJson(req, ProjectSettings);
  return projectView(await updateProject({ actor, projectId: params.id, input }));
});
