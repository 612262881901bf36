import { openApiDocument } from "@/lib/api/openapi";

/** GET /api/v1/openapi.json — this API as an OpenAPI 3.1 document; public (it describes the API, it holds no data). */
export async function GET(): Promise<Response> {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
