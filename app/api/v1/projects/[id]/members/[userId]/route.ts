import { apiRoute } from "@/lib/api/route";
import { removeMember } from "@/lib/projects/members";

/** Removes a member (admins); their layers and annotations stay. */
export const DELETE = apiRoute<{ id: string; userId: string }>(async ({ actor, params }) => {
  await removeMember({ actor, projectId: params.id, userId: params.userId });
  return new Response(null, { status: 204 });
});
