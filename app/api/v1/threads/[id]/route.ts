import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { setThreadResolved } from "@/lib/threads/threads";
import { ResolveInput } from "@/lib/threads/thread-input";

/** Reviewers, admins and the thread's starter: resolve or reopen. */
export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  setThreadResolved({ actor, threadId: params.id, input: await readJson(req, ResolveInput) }),
);
