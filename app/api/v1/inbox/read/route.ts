import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { markMentionsRead } from "@/lib/threads/inbox";
import { MarkReadInput } from "@/lib/threads/thread-input";

/** Anyone signed in: mark their mentions read (those named in `ids`, or all). */
export const POST = apiRoute(async ({ req, actor }) =>
  markMentionsRead({ actor, input: req.headers.get("content-type") ? await readJson(req, MarkReadInput) : {} }),
);
