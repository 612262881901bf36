"use server";
import { revalidatePath } from "next/cache";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { readableError } from "@/lib/actions/readable-error";
import { setOverlap } from "@/lib/assignments/set-overlap";
import { assignDocuments } from "@/lib/assignments/assign-documents";
import { unassign } from "@/lib/assignments/unassign";

export type ActionState = { ok?: string; error?: string } | null;

const projectIdOf = (form: FormData) => String(form.get("projectId") ?? "");
const done = (form: FormData, ok: string): ActionState => {
  revalidatePath(`/projects/${projectIdOf(form)}/assignments`);
  return { ok };
};

export async function setOverlapAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requirePageActor();
  try {
    const r = await setOverlap({ actor, projectId: projectIdOf(form), annotatorsPerDocument: form.get("annotatorsPerDocument") });
    const moved = r.renumberedSeats > 0 ? ` (${r.renumberedSeats} seat${r.renumberedSeats === 1 ? "" : "s"} renumbered)` : "";
    return done(form, `Saved: ${r.annotatorsPerDocument} annotator${r.annotatorsPerDocument === 1 ? "" : "s"} per document${moved}`);
  } catch (err) {
    return { error: readableError(err) };
  }
}

export async function assignAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requirePageActor();
  const annotatorIds = form.getAll("annotatorId").map(String);
  if (annotatorIds.length === 0) return { error: "Choose at least one annotator to give seats to" };
  try {
    const r = await assignDocuments({ actor, projectId: projectIdOf(form), annotatorIds });
    return done(form, r.message);
  } catch (err) {
    return { error: readableError(err) };
  }
}

export async function unassignAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requirePageActor();
  try {
    await unassign({ actor, layerId: String(form.get("layerId") ?? "") });
    return done(form, "Unassigned");
  } catch (err) {
    return { error: readableError(err) };
  }
}
