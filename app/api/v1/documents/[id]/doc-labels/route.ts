import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { readDocLabels, setDocLabels } from "@/lib/doc-labels/doc-label-values";
import { SetDocLabelsInput } from "@/lib/doc-labels/doc-label-input";

/** The project's document label sets and the choices of every layer of the document the caller may see. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  return readDocLabels({ actor, documentId: params.id });
});

/** Sets the complete list of choices of the caller's own layer (or `layer: "gold"`, reviewers). */
export const PUT = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, SetDocLabelsInput);
  return setDocLabels({ actor, documentId: params.id, input });
});
