/**
 * Auth.js (next-auth v5): email + password, JWT sessions. The session
 * carries the user id and the user's session version at sign-in; every
 * request reads the user from the database (getSessionActor, the one place),
 * so a role change, deactivation, password reset or sign-out — each of which
 * bumps the version (lib/auth/session-version.ts) — ends the session at once.
 */
import NextAuth, { CredentialsSignin, type Session } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth.config";
import { loadActiveActor, type Actor } from "./actor";
import { clientAddress } from "./client-address";
import { verifyCredentials } from "./verify-credentials";
import { endSessions } from "./session-version";

/** Too many failures for this email or address: the form and the endpoint answer "try later". */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password or too many of them is an expected outcome, shown to the user; not a server error.
    error(error) {
      if (!(error instanceof CredentialsSignin) && error.name !== "CredentialsSignin") console.error("[auth]", error);
    },
  },
  events: {
    // Signing out ends every session of the user: a copied cookie stops working too.
    async signOut(message) {
      const sub = "token" in message ? message.token?.sub : undefined;
      if (sub) await endSessions(sub);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const result = await verifyCredentials(raw, clientAddress(request.headers));
        if (result.ok) return result.user;
        if (result.retryAfter !== null) throw new SignInRateLimited();
        return null;
      },
    }),
  ],
});

/** The signed-in user of this request (cookie session), or null. */
export async function getSessionActor(): Promise<Actor | null> {
  return (await sessionAuthentication())?.actor ?? null;
}

/**
 * The session's user and a way to check it again later without the request
 * (live streams re-check on every ping), or null.
 */
export async function sessionAuthentication() {
  return actorForSession(await auth());
}

/**
 * The one check of a session: the user exists, is active, and has not had
 * their sessions ended since this one was signed in (its version is the
 * user's current one). Sessions from before session versions carry none and
 * are over too.
 */
export async function actorForSession(session: Session | null): Promise<{ actor: Actor; recheck: () => Promise<Actor | null> } | null> {
  const id = session?.user?.id;
  const sessionVersion = session?.sessionVersion;
  if (!id || typeof sessionVersion !== "number") return null;
  const recheck = () => loadActiveActor(id, { sessionVersion });
  const actor = await recheck();
  return actor ? { actor, recheck } : null;
}
