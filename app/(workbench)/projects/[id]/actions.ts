"use server";
import { revalidatePath } from "next/cache";
import { formText } from "@/lib/actions/action-error";
import { formAction } from "@/lib/actions/form-action";
import { AppError } from "@/lib/errors";
import { updateProject } from "@/lib/projects/update-project";
import { addLabel, deleteLabel, moveLabel, updateLabel } from "@/lib/projects/label-schema";
import { addMember, removeMember } from "@/lib/projects/members";
import { LabelKind } from "@/lib/projects/label-input";

const settingsPage = (projectId: string) => revalidatePath(`/projects/${projectId}`);

export const updateSettingsAction = formAction(async (actor, form) => {
  const projectId = formText(form, "projectId");
  await updateProject({
    actor,
    projectId,
    input: {
      name: formText(form, "name"),
      guidelines: formText(form, "guidelines"),
      showOtherLayers: form.get("showOtherLayers") === "on",
      blindReview: form.get("blindReview") === "on",
      expectedUpdatedAt: formText(form, "expectedUpdatedAt") || undefined,
    },
  });
  settingsPage(projectId);
  return { message: "Settings saved" };
});

/** The label fields of a row (throws a readable ZodError on an unknown kind). */
const labelFields = (form: FormData) => ({
  name: formText(form, "name"),
  kind: LabelKind.parse(formText(form, "kind")),
  color: formText(form, "color"),
  hotkey: formText(form, "hotkey"),
  description: formText(form, "description"),
});

/** Save, archive, unarchive or delete one label (the pressed button's intent). */
export const labelRowAction = formAction(async (actor, form) => {
  const intent = formText(form, "intent");
  if (intent === "delete") {
    const { projectId } = await deleteLabel({ actor, labelId: formText(form, "labelId") });
    settingsPage(projectId);
    return { message: "Deleted" };
  }
  const input = intent === "archive" ? { archived: true } : intent === "unarchive" ? { archived: false } : labelFields(form);
  const label = await updateLabel({ actor, labelId: formText(form, "labelId"), input });
  settingsPage(label.projectId);
  return { message: intent === "archive" ? "Archived" : intent === "unarchive" ? "Unarchived" : "Saved" };
});

export const addLabelAction = formAction(async (actor, form) => {
  const projectId = formText(form, "projectId");
  const label = await addLabel({ actor, projectId, input: labelFields(form) });
  settingsPage(projectId);
  return { message: `Added ${label.name}` };
});

/** Moves a label one place up or down (fields labelId, direction). */
export const moveLabelAction = formAction(async (actor, form) => {
  const direction = formText(form, "direction");
  if (direction !== "up" && direction !== "down") throw new AppError("INVALID_INPUT", 'direction is "up" or "down"');
  const order = await moveLabel({ actor, labelId: formText(form, "labelId"), direction });
  if (order[0]) settingsPage(order[0].projectId);
  return { message: "Moved" };
});

export const addMemberAction = formAction(async (actor, form) => {
  const projectId = formText(form, "projectId");
  const m = await addMember({ actor, projectId, member: { email: formText(form, "email") } });
  settingsPage(projectId);
  return { message: `Added ${m.name}` };
});

export const removeMemberAction = formAction(async (actor, form) => {
  const projectId = formText(form, "projectId");
  await removeMember({ actor, projectId, userId: formText(form, "userId") });
  settingsPage(projectId);
  return { message: "Removed" };
});
