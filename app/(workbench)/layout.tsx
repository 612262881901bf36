import Link from "next/link";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { signOut } from "@/lib/auth";
import { can } from "@/lib/authz";
import { InboxBadge } from "@/components/threads/inbox-badge";

export default async function WorkbenchLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  async function signOutAction() {
    "use server";
    await signOut({ redirectTo: "/signin" });
  }
  return (
    <>
      <header className="topbar">
        <Link href="/" className="brand">
          Marginalia
        </Link>
        <nav aria-label="Main">
          <Link href="/">Documents</Link>
          {can(actor, "review:decide") && <Link href="/review">Review</Link>}
          <Link href="/search">Search</Link>
          <Link href="/entities">Entities</Link>
          <InboxBadge />
          {can(actor, "review:decide") && <Link href="/projects">Projects</Link>}
          {can(actor, "corpus:export") && <Link href="/export">Export</Link>}
          {can(actor, "user:manage") && <Link href="/admin/users">Users</Link>}
          {can(actor, "document:import") && <Link href="/import">Import</Link>}
          <Link href="/profile">API tokens</Link>
        </nav>
        <span className="muted" data-testid="whoami">
          {actor.name} · {actor.role.toLowerCase()}
        </span>
        <form action={signOutAction}>
          <button type="submit">Sign out</button>
        </form>
      </header>
      {children}
    </>
  );
}
