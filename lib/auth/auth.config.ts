/** Auth.js options that need no database (shared by lib/auth/index.ts). */
import type { NextAuthConfig } from "next-auth";
import { safeRedirectUrl } from "./safe-next";

declare module "next-auth" {
  interface User {
    /** the user's session version when they signed in (lib/auth/session-version.ts) */
    sessionVersion?: number;
  }
  interface Session {
    sessionVersion?: number;
  }
}

export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [],
  callbacks: {
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
    jwt({ token, user }) {
      if (user) token.sv = user.sessionVersion;
      return token;
    },
    session({ session, token }) {
      if (token.sub && session.user) session.user.id = token.sub;
      session.sessionVersion = typeof token.sv === "number" ? token.sv : undefined;
      return session;
    },
  },
} satisfies NextAuthConfig;
