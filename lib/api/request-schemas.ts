/**
 * Query and body schemas that belong to a route rather than to one domain
 * operation; the routes parse with them and the OpenAPI registry
 * (lib/api/openapi.ts) describes them, so the two cannot drift apart.
 */
import { z } from "zod";

/** `?layer=gold` addresses the document's gold layer (reviewers); the default is the caller's own layer. */
export const LayerQuery = z.object({ layer: z.enum(["own", "gold"]).default("own") });
export const layerOf = (req: Request) => LayerQuery.parse(Object.fromEntries(new URL(req.url).searchParams)).layer;

/** `?version=` on deletes: the version last seen (409 when the row moved on). */
export const VersionQuery = z.object({ version: z.coerce.number().int().optional() });

export const EntityListQuery = z.object({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(200).optional(),
});

export const MentionLink = z.object({ entityId: z.string().min(1).max(200).nullable(), version: z.number().int() }).strict();

export const MentionCreate = z
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

export const AliasInput = z.object({ alias: z.string() });

export const NextInput = z.object({
  projectId: z.string().min(1).max(100).optional(),
  /** a document to pass over this time ("skip"): the caller's seat on it stays theirs */
  skip: z.string().min(1).max(100).optional(),
});
