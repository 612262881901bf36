import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { authorize } from "@/lib/authz";
import { listProjects } from "@/lib/projects/list-projects";
import { createProject, NewProject } from "@/lib/projects/create-project";
import { projectView } from "@/lib/projects/project-view";

/** The projects the caller may see (admins: all; reviewers: theirs), oldest first, with counts; ?limit=&cursor= */
export const GET = apiRoute(async ({ req, actor }) => listProjects({ actor, query: Object.fromEntries(new URL(req.url).searchParams) }));

/** Creates a project with the default label schema (admins); body {name, slug?, addAllUsers?}. */
export const POST = apiRoute(async ({ req, actor }) => {
  authorize(actor, "project:manage");
  const input = await readJson(req, NewProject);
  return Response.json(projectView(await createProject({ actor, input })), { status: 201 });
});
