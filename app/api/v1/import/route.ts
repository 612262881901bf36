import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { importFiles, MAX_IMPORT_BYTES, tooLarge, utf8Chunks, type UploadFile } from "@/lib/import/import-files";

/**
 * POST /api/v1/import?format=&offsets=&mode=&project=&into=&name=&createLabels=
 * Body: multipart/form-data with one or more "file" parts, or the file itself
 * as the raw body (name it with ?filename=). Answers the import summary (200),
 * or 422 with every line error when mode=all-or-nothing finds any.
 * A browser session must send X-Requested-With (a cross-site form cannot).
 */
export const POST = apiRoute(async ({ req, actor }) => {
  if (!req.headers.get("authorization") && !req.headers.get("x-requested-with")) {
    throw new AppError("FORBIDDEN", "Uploads from the browser must come from the import page");
  }
  const url = new URL(req.url);
  const query = Object.fromEntries(url.searchParams);
  const { filename, ...options } = query;
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_IMPORT_BYTES) throw tooLarge(MAX_IMPORT_BYTES);
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  let files: UploadFile[];
  if (type.startsWith("multipart/form-data")) {
    if (!declared) throw new AppError("PAYLOAD_TOO_LARGE", "Send a Content-Length with multipart uploads");
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw new AppError("INVALID_INPUT", "The multipart body could not be read");
    }
    files = form
      .getAll("file")
      .filter((f): f is File => typeof f !== "string")
      .map((f) => ({ name: f.name, chunks: utf8Chunks(f.stream() as unknown as AsyncIterable<Uint8Array>, MAX_IMPORT_BYTES) }));
  } else {
    if (!req.body) throw new AppError("INVALID_INPUT", "The body is empty: send the file");
    files = [{ name: filename ?? "", chunks: utf8Chunks(req.body as unknown as AsyncIterable<Uint8Array>, MAX_IMPORT_BYTES) }];
  }
  return importFiles({ actor, options, files });
});
