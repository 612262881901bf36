"use server";
import { revalidatePath } from "next/cache";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { actionError, formText, type ActionFailure } from "@/lib/actions/action-error";
import { updateProject } from "@/lib/projects/update-project";
import { addLabel, moveLabel, updateLabel } from "@/lib/projects/label-schema";
import { addMember, removeMember } from "@/lib/projects/members";
import { LabelKind } from "@/lib/projects/label-input";

export type FormState = { ok: true; message: string } | ActionFailure | null;

const settingsPage = (projectId: string) => revalidatePath(`/projects/${projectId}`);

export async function updateSettingsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePageActor();
  const projectId = formText(form, "projectId");
  try {
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
    return { ok: true, message: "Settings saved" };
  } catch (err) {
    return actionError(err);
  }
}

/** The label fields of a row (throws a readable ZodError on an unknown kind). */
const labelFields = (form: FormData) => ({
  name: formText(form, "name"),
  kind: LabelKind.parse(formText(form, "kind")),
  color: formText(form, "color"),
  hotkey: formText(form, "hotkey"),
  description: formText(form, "description"),
});

/** Save, archive or unarchive one label (the pressed button's intent). */
export async function labelRowAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePageActor();
  const intent = formText(form, "intent");
  try {
    const input = intent === "archive" ? { archived: true } : intent === "unarchive" ? { archived: false } : labelFields(form);
    const label = await updateLabel({ actor, labelId: formText(form, "labelId"), input });
    settingsPage(label.projectId);
    return { ok: true, message: intent === "archive" ? "Archived" : intent === "unarchive" ? "Unarchived" : "Saved" };
  } catch (err) {
    return actionError(err);
  }
}

export async function addLabelAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePageActor();
  const projectId = formText(form, "projectId");
  try {
    const label = await addLabel({ actor, projectId, input: labelFields(form) });
    settingsPage(projectId);
    return { ok: true, message: `Added ${label.name}` };
  } catch (err) {
    return actionError(err);
  }
}

export async function moveLabelAction(labelId: string, direction: "up" | "down"): Promise<{ ok: true } | ActionFailure> {
  const actor = await requirePageActor();
  try {
    const order = await moveLabel({ actor, labelId, direction });
    if (order[0]) settingsPage(order[0].projectId);
    return { ok: true };
  } catch (err) {
    return actionError(err);
  }
}

export async function addMemberAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePageActor();
  const projectId = formText(form, "projectId");
  try {
    const m = await addMember({ actor, projectId, member: { email: formText(form, "email") } });
    settingsPage(projectId);
    return { ok: true, message: `Added ${m.name}` };
  } catch (err) {
    return actionError(err);
  }
}

export async function removeMemberAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePageActor();
  const projectId = formText(form, "projectId");
  try {
    await removeMember({ actor, projectId, userId: formText(form, "userId") });
    settingsPage(projectId);
    return { ok: true, message: "Removed" };
  } catch (err) {
    return actionError(err);
  }
}
