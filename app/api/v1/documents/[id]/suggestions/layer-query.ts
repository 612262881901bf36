import { z } from "zod";

/** `?layer=gold` addresses the gold layer (reviewers); the default is the caller's own layer. */
const LayerQuery = z.object({ layer: z.enum(["own", "gold"]).default("own") });
export const layerOf = (req: Request) => LayerQuery.parse(Object.fromEntries(new URL(req.url).searchParams)).layer;
