/**
 * Wraps every /api/v1 route handler: authenticates the caller (API token or
 * the browser session), runs the handler, maps errors once.
 */
import { actorFromToken } from "@/lib/auth/api-tokens";
import { clientAddress } from "@/lib/auth/client-address";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { errorResponse } from "./respond";
import { isSameOrigin } from "./same-origin";
import { hasSessionCookie } from "./session-cookie";

/** `recheck` asks again later (live streams): null once the token is revoked, the session ended or the user deactivated. */
type Context<P> = { req: Request; actor: Actor; params: P; recheck: () => Promise<Actor | null> };
type NextContext<P> = { params: Promise<P> };

const refusedAsNull = (err: unknown) => {
  if (err instanceof AppError) return null;
  throw err;
};

export async function authenticate(req: Request): Promise<{ actor: Actor; recheck: () => Promise<Actor | null> }> {
  const header = req.headers.get("authorization");
  if (header) {
    // A malformed header counts as a failed token (it is not one of ours).
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? "";
    const actor = await actorFromToken(token, { limits: { address: clientAddress(req.headers) } });
    // A later check is not a new attempt: it does not count against the limits.
    return { actor, recheck: () => actorFromToken(token).catch(refusedAsNull) };
  }
  // Cookie sessions: a cross-site form cannot send JSON, and we require it
  // for writes (lib/api/read-json.ts); reject foreign origins outright too.
  if (req.method !== "GET" && req.method !== "HEAD" && !isSameOrigin(req)) {
    throw new AppError("FORBIDDEN", "Cross-origin request refused");
  }
  const anonymous = () => new AppError("UNAUTHENTICATED", "Sign in or send an API token (Authorization: Bearer …)");
  if (!hasSessionCookie(req)) throw anonymous();
  const { sessionAuthentication } = await import("@/lib/auth");
  const session = await sessionAuthentication();
  if (!session) throw anonymous();
  return session;
}

export function apiRoute<P = Record<string, never>>(handler: (ctx: Context<P>) => Promise<Response | object>) {
  return async (req: Request, ctx?: NextContext<P>): Promise<Response> => {
    try {
      const { actor, recheck } = await authenticate(req);
      const params = ctx ? await ctx.params : ({} as P);
      const result = await handler({ req, actor, params, recheck });
      return result instanceof Response ? result : Response.json(result);
    } catch (err) {
      return errorResponse(err);
    }
  };
}
