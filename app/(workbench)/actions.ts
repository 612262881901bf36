"use server";
import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { readableError } from "@/lib/actions/readable-error";
import { nextDocument } from "@/lib/assignments/next-document";

export type NextDocumentState = { message: string } | null;

const ALL_CAUGHT_UP = "You're all caught up: no assigned or open documents";

/** "Next document →": off to the actor's next document, or a message saying there is none. */
export async function nextDocumentAction(_prev: NextDocumentState, _form: FormData): Promise<NextDocumentState> {
  const actor = await requirePageActor();
  let next;
  try {
    next = await nextDocument({ actor });
  } catch (err) {
    return { message: readableError(err) };
  }
  if (!next) return { message: ALL_CAUGHT_UP };
  redirect(`/documents/${next.documentId}`);
}
