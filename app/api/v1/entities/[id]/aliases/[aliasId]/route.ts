import { apiRoute } from "@/lib/api/route";
import { removeAlias } from "@/lib/entities/aliases";

export const DELETE = apiRoute<{ id: string; aliasId: string }>(async ({ actor, params }) =>
  removeAlias({ actor, entityId: params.id, aliasId: params.aliasId }),
);
