import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { authorize } from "@/lib/authz";
import { listUsers } from "@/lib/users/list-users";
import { addUser, AddUserInput } from "@/lib/users/add-user";

/** Every user, newest first, with their first projects (admins); ?limit=&cursor= */
export const GET = apiRoute(async ({ req, actor }) => listUsers({ actor, query: Object.fromEntries(new URL(req.url).searchParams) }));

/** Creates an account (admins); without `password` a temporary one is generated and returned here once. */
export const POST = apiRoute(async ({ req, actor }) => {
  authorize(actor, "user:manage");
  const input = await readJson(req, AddUserInput);
  return Response.json(await addUser({ actor, input }), { status: 201 });
});
