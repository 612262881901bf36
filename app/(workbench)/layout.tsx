import Link from "next/link";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { signOut } from "@/lib/auth";

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
