import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { authorize } from "@/lib/authz";
import { addMember, listMembersPage, MemberRef } from "@/lib/projects/members";

/** The project's members by name, `{items, nextCursor, total}` (admins, reviewers; not reviewers under blind review); ?limit=&cursor= */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  listMembersPage({ actor, projectId: params.id, query: Object.fromEntries(new URL(req.url).searchParams) }),
);

/** Adds an existing, active user (admins); body {userId} or {email}. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  authorize(actor, "project:manage");
  const member = await readJson(req, MemberRef);
  return Response.json(await addMember({ actor, projectId: params.id, member }), { status: 201 });
});
