import type { z } from "zod";
import { AppError } from "@/lib/errors";

export const MAX_JSON_BYTES = 10 * 1024 * 1024;

/** Reads and validates a JSON body: 413 when too large, 400 when malformed or of the wrong shape. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes = MAX_JSON_BYTES): Promise<z.infer<S>> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json");
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const raw = await readTextLimited(req, maxBytes);
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new AppError("INVALID_INPUT", "The body is not valid JSON");
  }
  return schema.parse(data);
}

/**
 * The body as text, counted while it arrives: a chunked body (no
 * Content-Length) is refused as soon as it passes the limit, never read whole
 * first.
 */
export async function readTextLimited(req: Request, maxBytes: number): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

const tooLarge = (max: number) => new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${Math.round(max / 1024 / 1024)} MB`);
