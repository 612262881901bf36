import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { replyToThread } from "@/lib/threads/threads";
import { ReplyInput } from "@/lib/threads/thread-input";

/** Whoever may see the thread: reply to it. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, ReplyInput);
  return Response.json(await replyToThread({ actor, threadId: params.id, input }), { status: 201 });
});
