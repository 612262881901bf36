import { ZodError } from "zod";
import { AppError } from "@/lib/errors";

/**
 * For server actions: the message a person can act on, from the errors domain
 * code throws on purpose (AppError, zod validation). Anything else is a bug
 * and is rethrown, to be logged and shown as a server error.
 */
export function readableError(err: unknown): string {
  if (err instanceof AppError) return err.message;
  if (err instanceof ZodError) return err.issues.map((i) => i.message).join("; ");
  throw err;
}
