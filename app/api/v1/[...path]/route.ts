import { errorResponse } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";

/** Any /api/v1 path no route serves: the API's JSON 404, never the app's HTML page. */
function unknownPath(req: Request): Response {
  const { pathname } = new URL(req.url);
  return errorResponse(new AppError("NOT_FOUND", `No API route ${req.method} ${pathname}; see the API section of the README`));
}

export const GET = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
