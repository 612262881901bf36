import { notFound, redirect } from "next/navigation";
import { getSessionActor } from "@/lib/auth";
import { can, type Permission } from "@/lib/authz";

/**
 * For pages and server actions: the signed-in, active user, or off to the
 * sign-in page. With a permission, users without it get the not-found page
 * (as the API answers 404 for what a user may not see).
 */
export async function requirePageActor(permission?: Permission) {
  const actor = await getSessionActor();
  if (!actor) redirect("/signin");
  if (permission && !can(actor, permission)) notFound();
  return actor;
}
