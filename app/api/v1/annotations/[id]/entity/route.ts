import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { createEntityFromMention, linkMention, mentionEntity } from "@/lib/entities/link-mention";

/** The entity a mention (in a layer the caller may write) is linked to. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => mentionEntity({ actor, annotationId: params.id }));

const Link = z.object({ entityId: z.string().min(1).max(200).nullable(), version: z.number().int() }).strict();

/** Links the mention to an entity, or unlinks it (`entityId: null`); `version` is required. */
export const PUT = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { entityId, version } = await readJson(req, Link);
  return linkMention({ actor, annotationId: params.id, entityId, version });
});

const Create = z
  .object({
    version: z.number().int().optional(),
    create: z
      .object({
        name: z.string().optional(),
        type: z.string().optional(),
        aliases: z.array(z.string()).optional(),
        note: z.string().optional(),
        externalId: z.string().nullable().optional(),
      })
      .strict(),
  })
  .strict();

/** Creates an entity from the mention (name: its text, type: its label, unless given) and links it, in one go. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { version, create } = await readJson(req, Create);
  return Response.json(await createEntityFromMention({ actor, annotationId: params.id, version, create }), { status: 201 });
});
