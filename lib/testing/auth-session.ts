/**
 * Drives Auth.js's real endpoints (/api/auth/*) the way a browser does:
 * CSRF cookie and token, the credentials form, the session cookie it sets.
 * The session is then checked by the same function every request uses
 * (actorForSession), with the session Auth.js decodes from the cookie.
 */
import { NextRequest } from "next/server";
import type { Session } from "next-auth";
import { GET, POST } from "@/lib/auth/route-handlers";
import { actorForSession } from "@/lib/auth";

const BASE = "http://localhost";
type Jar = Map<string, string>;

function keepCookies(jar: Jar, res: Response) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1);
    if (/expires=Thu, 01 Jan 1970/i.test(line) || value === "") jar.delete(name);
    else jar.set(name, value);
  }
}

const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

async function csrf(jar: Jar, headers: Record<string, string>) {
  const res = await GET(new NextRequest(`${BASE}/api/auth/csrf`, { headers: { ...headers, cookie: cookieHeader(jar) } }));
  keepCookies(jar, res);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/** Posts the credentials form; `address` goes in X-Forwarded-For (no preload in tests). */
export async function signInOverHttp(email: string, password: string, opts: { address?: string } = {}) {
  const jar: Jar = new Map();
  const headers = { "x-forwarded-for": opts.address ?? "203.0.113.1" };
  const csrfToken = await csrf(jar, headers);
  const res = await POST(
    new NextRequest(`${BASE}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { ...headers, cookie: cookieHeader(jar), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/" }).toString(),
    }),
  );
  keepCookies(jar, res);
  const signedIn = [...jar.keys()].some((k) => k.endsWith("authjs.session-token"));
  return { status: res.status, retryAfter: res.headers.get("retry-after"), location: res.headers.get("location"), signedIn, cookie: cookieHeader(jar), jar };
}

/** The session Auth.js reads from these cookies (signature and expiry only). */
export async function sessionOf(cookie: string): Promise<Session | null> {
  const res = await GET(new NextRequest(`${BASE}/api/auth/session`, { headers: { cookie } }));
  return (await res.json()) as Session | null;
}

/** Who the request with these cookies acts as, after the server's checks. */
export async function actorOf(cookie: string) {
  return (await actorForSession(await sessionOf(cookie)))?.actor ?? null;
}

/** Signs out through Auth.js's endpoint with these cookies. */
export async function signOutOverHttp(jar: Jar) {
  const csrfToken = await csrf(jar, {});
  const res = await POST(
    new NextRequest(`${BASE}/api/auth/signout`, {
      method: "POST",
      headers: { cookie: cookieHeader(jar), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/signin" }).toString(),
    }),
  );
  keepCookies(jar, res);
  return res.status;
}
