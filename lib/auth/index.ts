/**
 * Auth.js (next-auth v5): email + password, JWT sessions. The session
 * carries the user id and the user's session version at sign-in; every
 * request reads the user from the database (getSessionActor, the one place),
 * so a role change, deactivation, password reset or sign-out — each of which
 * bumps the version (lib/auth/session-version.ts) — ends the session at once.
 */
import NextAuth, { CredentialsSignin } from "next-auth";
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
    // A wrong password is an expected outcome, shown to the user; not a server error.
    error(error) {
      if (error.name !== "CredentialsSignin") console.error("[auth]", error);
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

/** Who the session cookie stands for, with the session version it was signed in with. */
async function sessionIdentity(): Promise<{ id: string; sessionVersion: number } | null> {
  const session = await auth();
  const id = session?.user?.id;
  const sessionVersion = session?.sessionVersion;
  // Sessions from before session versions carry none: they are over too.
  return id && typeof sessionVersion === "number" ? { id, sessionVersion } : null;
}

/** The signed-in user of this request (cookie session), or null. */
export async function getSessionActor(): Promise<Actor | null> {
  return (await sessionAuthentication())?.actor ?? null;
}

/**
 * The session's user and a way to check it again later without the request
 * (live streams re-check on every ping), or null.
 */
export async function sessionAuthentication(): Promise<{ actor: Actor; recheck: () => Promise<Actor | null> } | null> {
  const identity = await sessionIdentity();
  if (!identity) return null;
  const recheck = () => loadActiveActor(identity.id, { sessionVersion: identity.sessionVersion });
  const actor = await recheck();
  return actor ? { actor, recheck } : null;
}
