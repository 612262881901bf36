import { apiRoute } from "@/lib/api/route";
import { undoEntityMerge } from "@/lib/entities/merge";

/** Reviewers, admins: split a merged entity back out (same id, aliases, mentions and stances); 409 when undone already. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => undoEntityMerge({ actor, mergeId: params.id }));
