import { apiRoute } from "@/lib/api/route";
import { deleteEndpoint } from "@/lib/assist/endpoints";

/** Admins: remove a model endpoint (its suggestions stay). */
export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => deleteEndpoint({ actor, endpointId: params.id }));
