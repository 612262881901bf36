import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/**
 * A page's data, or Next's not-found page when the domain answers NOT_FOUND
 * (what the actor may not see answers as if it did not exist). Loads happen
 * here, outside the JSX, so that a rendering error is never mistaken for one.
 */
export async function orNotFound<T>(load: Promise<T> | (() => Promise<T>), opts: { forbiddenToo?: boolean } = {}): Promise<T> {
  try {
    return await (typeof load === "function" ? load() : load);
  } catch (err) {
    if (err instanceof AppError && (err.code === "NOT_FOUND" || (opts.forbiddenToo && err.code === "FORBIDDEN"))) notFound();
    throw err;
  }
}
