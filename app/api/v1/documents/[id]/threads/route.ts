import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { createThread, listThreads } from "@/lib/threads/threads";
import { CreateThreadInput } from "@/lib/threads/thread-input";

/** Members: the document's threads they may see, with posts and the count per anchor. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => listThreads({ actor, documentId: params.id }));

/** Members: start a thread on a span, stance or grade they can see, or on the document. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, CreateThreadInput);
  return Response.json(await createThread({ actor, documentId: params.id, input }), { status: 201 });
});
