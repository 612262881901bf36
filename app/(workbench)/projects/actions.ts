"use server";
import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { actionError, formText, type ActionFailure } from "@/lib/actions/action-error";
import { createProject } from "@/lib/projects/create-project";

export type CreateProjectState = ActionFailure | null;

/** Creates the project and opens its settings. */
export async function createProjectAction(_prev: CreateProjectState, form: FormData): Promise<CreateProjectState> {
  const actor = await requirePageActor();
  let id: string;
  try {
    const project = await createProject({
      actor,
      input: { name: formText(form, "name"), slug: formText(form, "slug"), addAllUsers: form.get("addAllUsers") === "on" },
    });
    id = project.id;
  } catch (err) {
    return actionError(err);
  }
  redirect(`/projects/${id}`);
}
