import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { EndpointInput, listEndpoints, saveEndpoint } from "@/lib/assist/endpoints";

/** Admins, reviewers: the project's model endpoints (never their keys), `{items}`. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ items: await listEndpoints({ actor, projectId: params.id }), nextCursor: null }));

/** Admins: add an endpoint, or change the one of the same name `{name, baseUrl, model, apiKey?, timeoutMs?, maxRetries?, requestsPerMinute?}`. */
export const PUT = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, EndpointInput);
  return saveEndpoint({ actor, projectId: params.id, input });
});
