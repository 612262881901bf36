/**
 * A search's page cursor: opaque to callers (base64url of JSON), checked with
 * zod when it comes back, so a tampered one is a 400 and never reaches SQL as
 * anything but a bound value.
 */
import { z } from "zod";
import { AppError } from "@/lib/errors";

const Key = z.union([z.string().max(200), z.number().int().min(-1).max(Number.MAX_SAFE_INTEGER)]);
const Cursor = z.object({ mode: z.enum(["passages", "annotations"]), after: z.array(Key).min(1).max(3) }).strict();
export type SearchCursor = z.infer<typeof Cursor>;

export function encodeCursor(c: SearchCursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

const badCursor = () => new AppError("INVALID_INPUT", "cursor: not a cursor of this search; start again without it");

/** The cursor's keys, checked to be the shape `shape` of this mode; null without a cursor. */
export function decodeCursor<T extends unknown[]>(raw: string | undefined, mode: SearchCursor["mode"], shape: z.ZodType<T>): T | null {
  if (raw === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  const c = Cursor.safeParse(json);
  if (!c.success || c.data.mode !== mode) throw badCursor();
  const keys = shape.safeParse(c.data.after);
  if (!keys.success) throw badCursor();
  return keys.data;
}
