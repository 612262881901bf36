/**
 * Auth.js (next-auth v5): email + password, JWT sessions. The session only
 * carries the user id; role and active flag are read from the database on
 * every request (lib/auth/actor.ts), so a role change or deactivation bites
 * at once.
 */
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { authConfig } from "./auth.config";
import { verifyPassword } from "./password";
import { loadActiveActor, type Actor } from "./actor";

const SignInInput = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is an expected outcome, shown to the user; not a server error.
    error(error) {
      if (error.name !== "CredentialsSignin") console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = SignInInput.safeParse(raw);
        if (!parsed.success) return null;
        const user = await db.user.findUnique({ where: { email: parsed.data.email } });
        if (!user || !user.active) return null;
        if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
});

/** The signed-in user of this request (cookie session), or null. */
export async function getSessionActor(): Promise<Actor | null> {
  const session = await auth();
  const id = session?.user?.id;
  return id ? loadActiveActor(id) : null;
}
