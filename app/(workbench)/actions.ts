"use server";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/form-action";
import { nextDocument } from "@/lib/assignments/next-document";

/** "Next document →": off to the actor's next document, or a message saying there is none. */
export const nextDocumentAction = formAction(async (actor) => {
  const next = await nextDocument({ actor });
  if (next) redirect(`/documents/${next.documentId}`);
  return { message: "You're all caught up: no assigned or open documents" };
});
