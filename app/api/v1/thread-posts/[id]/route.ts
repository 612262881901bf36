import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { editPost } from "@/lib/threads/threads";
import { EditPostInput } from "@/lib/threads/thread-input";

/** The post's author: change its text. */
export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  editPost({ actor, postId: params.id, input: await readJson(req, EditPostInput) }),
);
