import Link from "next/link";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { can } from "@/lib/authz";
import { listUsers } from "@/lib/users/list-users";
import { projectChoices } from "@/lib/projects/list-projects";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserRow } from "@/components/admin/user-row";
import { createUserAction, userRowAction } from "./actions";
import { UserAuditList } from "@/components/admin/user-audit-list";
import { listUserAudit } from "@/lib/users/user-audit";

export const metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requirePageActor();
  if (!can(actor, "user:manage")) {
    return (
      <main className="page">
        <h1>Users</h1>
        <p className="banner">Only admins manage users.</p>
      </main>
    );
  }
  const { cursor } = await searchParams;
  const [{ items, nextCursor }, projects, audit] = await Promise.all([
    listUsers({ actor, query: { cursor, limit: 50 } }),
    projectChoices({ actor }),
    listUserAudit({ actor, query: { limit: 50 } }),
  ]);
  return (
    <main className="page wide">
      <h1>Users</h1>
      <CreateUserForm projects={projects} action={createUserAction} />
      <h2>{cursor ? "Users (continued)" : "All users, newest first"}</h2>
      <table className="list dense">
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Status</th>
            <th>Created</th>
            <th>Projects</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((u) => (
            <UserRow key={u.id} user={{ ...u, createdAt: u.createdAt.toISOString() }} isSelf={u.id === actor.id} action={userRowAction} />
          ))}
        </tbody>
      </table>
      <p className="pager">
        {cursor && (
          <Link className="button" href="/admin/users">
            ← Newest
          </Link>
        )}
        {nextCursor && (
          <Link className="button" href={`/admin/users?cursor=${encodeURIComponent(nextCursor)}`}>
            Older users →
          </Link>
        )}
      </p>
      <h2>Recent changes to users</h2>
      <UserAuditList entries={audit} />
    </main>
  );
}
