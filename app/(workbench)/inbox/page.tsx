import Link from "next/link";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { listInbox } from "@/lib/threads/inbox";
import { InboxList } from "@/components/threads/inbox-list";

export const metadata = { title: "Inbox" };

/** Posts in discussion threads that mention the signed-in user, newest first. */
export default async function InboxPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requirePageActor();
  const { cursor } = await searchParams;
  const page = await listInbox({ actor, query: { cursor: typeof cursor === "string" && /^\d+$/.test(cursor) ? cursor : undefined } });
  return (
    <main className="page inbox-page">
      <h1>Inbox</h1>
      <InboxList key={cursor ?? "first"} items={page.items} unread={page.unread} />
      {page.nextCursor && (
        <p>
          <Link href={`/inbox?cursor=${page.nextCursor}`}>Older mentions</Link>
        </p>
      )}
    </main>
  );
}
