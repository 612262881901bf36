/** What the thread operations and routes accept (zod at the boundary). */
import { z } from "zod";

const Id = z.string().min(1).max(200);

/** A post's text: plain text, kept as written (no Markdown, no HTML). */
export const PostBody = z
  .string()
  .max(5000, "A post is at most 5000 characters")
  .refine((s) => s.trim().length > 0, "Write something");

/** What a thread is about: a span, a stance or a grade of the document, or the document itself. */
export const ThreadAnchorInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("document") }).strict(),
  z.object({ kind: z.enum(["span", "stance", "grade"]), id: Id }).strict(),
]);
export type ThreadAnchorInput = z.infer<typeof ThreadAnchorInput>;

export const CreateThreadInput = z.object({ anchor: ThreadAnchorInput, body: PostBody }).strict();
export const ReplyInput = z.object({ body: PostBody }).strict();
export const EditPostInput = z.object({ body: PostBody }).strict();
export const ResolveInput = z.object({ resolved: z.boolean() }).strict();

export const InboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z.string().regex(/^\d+$/, "cursor is the nextCursor of the previous page").optional(),
  unread: z.enum(["0", "1"]).optional(),
});
export const MarkReadInput = z.object({ ids: z.array(Id).max(500).optional() }).strict();
