import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { NextInput } from "@/lib/api/request-schemas";
import { AppError } from "@/lib/errors";
import { nextDocument } from "@/lib/assignments/next-document";

/** The caller's next document: their own open seat, or an open seat taken now (`skip` passes one over). 404 when nothing is left. */
export const POST = apiRoute(async ({ req, actor }) => {
  const input = req.headers.get("content-type") ? await readJson(req, NextInput) : {};
  const next = await nextDocument({ actor, projectId: input.projectId, skip: input.skip });
  if (!next) throw new AppError("NOT_FOUND", "Nothing left in your queue");
  return next;
});
