/**
 * Auth.js's own endpoints (/api/auth/*). Sign-in by POST to
 * /api/auth/callback/credentials is an HTTP API like any other, so a caller
 * over the failure limit gets 429 with Retry-After, not Auth.js's redirect.
 */
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { clientAddress } from "./client-address";
import { signInRetryAfter } from "./verify-credentials";

export const { GET } = handlers;

const tooMany = (retryAfter: number) =>
  Response.json(
    { error: { code: "RATE_LIMITED", message: `Too many failed sign-ins; try again in ${Math.ceil(retryAfter / 60)} min` } },
    { status: 429, headers: { "Retry-After": String(retryAfter) } },
  );

export async function POST(req: NextRequest) {
  if (!req.nextUrl.pathname.endsWith("/callback/credentials")) return handlers.POST(req);
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const email = String(form?.get("email") ?? "");
  const address = clientAddress(req.headers);
  const before = await signInRetryAfter(email, address);
  if (before !== null) return tooMany(before);
  const res = await handlers.POST(req);
  // The failure that went over the limit: Auth.js redirects with ?code=rate_limited.
  if (/[?&]code=rate_limited\b/.test(res.headers.get("location") ?? "")) {
    const after = await signInRetryAfter(email, address);
    if (after !== null) return tooMany(after);
  }
  return res;
}
