/**
 * Whether a request carries an Auth.js session cookie at all (plain, with the
 * __Secure- prefix on https, or split into numbered chunks). Without one the
 * caller is anonymous, and Auth.js need not be asked.
 */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;

export const hasSessionCookie = (req: Request) => SESSION_COOKIE.test(req.headers.get("cookie") ?? "");
