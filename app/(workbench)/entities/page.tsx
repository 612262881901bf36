import Link from "next/link";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { projectScope } from "@/lib/authz";
import { requirePageActor } from "@/lib/auth/require-page-actor";

export const metadata = { title: "Entities" };

/** The entity registry of the user's project, or a choice when they belong to several. */
export default async function EntitiesIndexPage() {
  const actor = await requirePageActor();
  const projects = await db.project.findMany({ where: projectScope(actor), orderBy: { createdAt: "asc" }, select: { id: true, name: true }, take: 100 });
  if (projects.length === 1) redirect(`/projects/${projects[0].id}/entities`);
  return (
    <main className="page">
      <h1>Entities</h1>
      {projects.length === 0 ? (
        <p className="muted">You are not a member of any project yet.</p>
      ) : (
        <ul>
          {projects.map((p) => (
            <li key={p.id}>
              <Link href={`/projects/${p.id}/entities`}>{p.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
