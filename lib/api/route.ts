/**
 * Wraps every /api/v1 route handler: authenticates the caller (API token or
 * the browser session), runs the handler, maps errors once.
 */
import { actorFromToken } from "@/lib/auth/api-tokens";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { errorResponse } from "./respond";
import { isSameOrigin } from "./same-origin";
import { hasSessionCookie } from "./session-cookie";

type Context<P> = { req: Request; actor: Actor; params: P };
type NextContext<P> = { params: Promise<P> };

export async function authenticate(req: Request): Promise<Actor> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError("UNAUTHENTICATED", "Use Authorization: Bearer <token>");
    return actorFromToken(match[1]);
  }
  // Cookie sessions: a cross-site form cannot send JSON, and we require it
  // for writes (lib/api/read-json.ts); reject foreign origins outright too.
  if (req.method !== "GET" && req.method !== "HEAD" && !isSameOrigin(req)) {
    throw new AppError("FORBIDDEN", "Cross-origin request refused");
  }
  const anonymous = () => new AppError("UNAUTHENTICATED", "Sign in or send an API token (Authorization: Bearer …)");
  if (!hasSessionCookie(req)) throw anonymous();
  const { getSessionActor } = await import("@/lib/auth");
  const actor = await getSessionActor();
  if (!actor) throw anonymous();
  return actor;
}

export function apiRoute<P = Record<string, never>>(handler: (ctx: Context<P>) => Promise<Response | object>) {
  return async (req: Request, ctx?: NextContext<P>): Promise<Response> => {
    try {
      const actor = await authenticate(req);
      const params = ctx ? await ctx.params : ({} as P);
      const result = await handler({ req, actor, params });
      return result instanceof Response ? result : Response.json(result);
    } catch (err) {
      return errorResponse(err);
    }
  };
}
