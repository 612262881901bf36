import { apiRoute } from "@/lib/api/route";
import { listInbox } from "@/lib/threads/inbox";

/** Anyone signed in: the posts that mention them, newest first, with the unread count. */
export const GET = apiRoute(async ({ req, actor }) => listInbox({ actor, query: Object.fromEntries(new URL(req.url).searchParams) }));
