import { redirect } from "next/navigation";
import { getSessionActor } from "@/lib/auth";

/** For pages and server actions: the signed-in, active user, or off to the sign-in page. */
export async function requirePageActor() {
  const actor = await getSessionActor();
  if (!actor) redirect("/signin");
  return actor;
}
