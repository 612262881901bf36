"use server";
import { revalidatePath } from "next/cache";
import { formText } from "@/lib/actions/action-error";
import { formAction } from "@/lib/actions/form-action";
import { AppError } from "@/lib/errors";
import { setOverlap } from "@/lib/assignments/set-overlap";
import { assignDocuments } from "@/lib/assignments/assign-documents";
import { unassign } from "@/lib/assignments/unassign";

const done = (form: FormData, message: string) => {
  revalidatePath(`/projects/${formText(form, "projectId")}/assignments`);
  return { message };
};
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export const setOverlapAction = formAction(async (actor, form) => {
  const r = await setOverlap({ actor, projectId: formText(form, "projectId"), annotatorsPerDocument: form.get("annotatorsPerDocument") });
  const moved = r.renumberedSeats > 0 ? ` (${plural(r.renumberedSeats, "seat")} renumbered)` : "";
  return done(form, `Saved: ${plural(r.annotatorsPerDocument, "annotator")} per document${moved}`);
});

export const assignAction = formAction(async (actor, form) => {
  const annotatorIds = form.getAll("annotatorId").map(String);
  if (annotatorIds.length === 0) throw new AppError("INVALID_INPUT", "Choose at least one annotator to give seats to");
  const r = await assignDocuments({ actor, projectId: formText(form, "projectId"), annotatorIds });
  return done(form, r.message);
});

export const unassignAction = formAction(async (actor, form) => {
  await unassign({ actor, layerId: formText(form, "layerId") });
  return done(form, "Unassigned");
});
