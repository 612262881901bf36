import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { MentionCreate, MentionLink } from "@/lib/api/request-schemas";
import { createEntityFromMention, linkMention, mentionEntity } from "@/lib/entities/link-mention";

/** The entity a mention (in a layer the caller may write) is linked to. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => mentionEntity({ actor, annotationId: params.id }));

/** Links the mention to an entity, or unlinks it (`entityId: null`); `version` is required. */
export const PUT = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { entityId, version } = await readJson(req, MentionLink);
  return linkMention({ actor, annotationId: params.id, entityId, version });
});

/** Creates an entity from the mention (name: its text, type: its label, unless given) and links it, in one go. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { version, create } = await readJson(req, MentionCreate);
  return Response.json(await createEntityFromMention({ actor, annotationId: params.id, version, create }), { status: 201 });
});
