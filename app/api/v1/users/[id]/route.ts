import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { authorize } from "@/lib/authz";
import { updateUser, UserPatch } from "@/lib/users/update-user";

/** Changes a user's role and/or active flag (admins), as the Users page does: their sessions end, the change is audited. */
export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  authorize(actor, "user:manage");
  const input = await readJson(req, UserPatch);
  return updateUser({ actor, userId: params.id, input });
});
