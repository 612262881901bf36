import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { copyToSyndicated, CopyToSyndicatedInput } from "@/lib/syndication/copy-to-syndicated";

/** Copies the annotation onto the same words in the syndicated copies of its passage (all, or `documentIds`). */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = req.headers.get("content-length") === "0" || !req.headers.get("content-type") ? {} : await readJson(req, CopyToSyndicatedInput);
  return copyToSyndicated({ actor, annotationId: params.id, input });
});
