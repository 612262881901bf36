"use server";
import { redirect } from "next/navigation";
import { formText } from "@/lib/actions/action-error";
import { formAction } from "@/lib/actions/form-action";
import { createProject } from "@/lib/projects/create-project";

/** Creates the project and opens its settings. */
export const createProjectAction = formAction(async (actor, form) => {
  const project = await createProject({
    actor,
    input: { name: formText(form, "name"), slug: formText(form, "slug"), addAllUsers: form.get("addAllUsers") === "on" },
  });
  redirect(`/projects/${project.id}`);
});
