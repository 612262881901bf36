import { apiRoute } from "@/lib/api/route";
import { exportStream } from "@/lib/export/stream-export";
import { ExportOptions } from "@/lib/export/export-options";
import { contentType, fileName } from "@/lib/export/serialize-export";

export const GET = apiRoute(async ({ req, actor }) => {
  const params = new URL(req.url).searchParams;
  // Empty fields of the export form mean "the default"; labels may repeat (one checkbox each).
  const raw: Record<string, string> = {};
  for (const [key, value] of params) if (value.trim() !== "" && key !== "labels") raw[key] = value;
  const labels = params.getAll("labels").filter((l) => l.trim() !== "");
  if (labels.length) raw.labels = labels.join(",");
  const options = ExportOptions.parse(raw);
  const body = await exportStream({ actor, options: raw });
  const manifestOnly = options.manifest === "only";
  return new Response(body, {
    headers: {
      "content-type": manifestOnly ? "application/json; charset=utf-8" : contentType(options.format),
      "content-disposition": `attachment; filename="${fileName(options.format, manifestOnly)}"`,
      "cache-control": "no-store",
    },
  });
});
