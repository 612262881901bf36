/** Maps errors to the one HTTP error shape: {"error":{"code","message"}}. */
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";

export function errorResponse(err: unknown): Response {
  if (err instanceof AppError) {
    const retryAfter = (err.details as { retryAfter?: unknown } | undefined)?.retryAfter;
    return Response.json(
      { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } },
      { status: err.status, headers: typeof retryAfter === "number" ? { "Retry-After": String(retryAfter) } : undefined },
    );
  }
  if (err instanceof ZodError) {
    const message = err.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
    return Response.json({ error: { code: "INVALID_INPUT", message, details: err.issues } }, { status: 400 });
  }
  console.error("unexpected error", err);
  return Response.json({ error: { code: "INTERNAL", message: "Something went wrong on the server" } }, { status: 500 });
}
