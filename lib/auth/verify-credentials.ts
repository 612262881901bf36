/**
 * The one check of an email and password (Auth.js's authorize, so the
 * sign-in form and POST /api/auth/callback/credentials alike).
 *
 * Every attempt that reaches the database costs one password hash: unknown
 * emails are verified against a dummy hash and deactivated accounts against
 * their own, so the answer takes as long whether or not the account exists.
 * Failures count per email and per address (lib/auth/attempt-limits.ts).
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "./password";
import { clearFailures, longestBlock, recordFailure, type AttemptKind } from "./attempt-limits";

export const SignInInput = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });

let dummyHash: Promise<string> | undefined;
/** A hash with the same parameters as real ones, of a password nobody knows. */
const dummy = () => (dummyHash ??= hashPassword(randomBytes(18).toString("base64url")));

export type CredentialsResult =
  { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } } | { ok: false; retryAfter: number | null };

const keysFor = (email: string, address: string | null): [AttemptKind, string][] =>
  address === null
    ? [["signInAccount", email]]
    : [
        ["signInAccount", email],
        ["signInAddress", address],
      ];

/** Seconds before this email may try again from this address, or null. */
export async function signInRetryAfter(email: string, address: string | null): Promise<number | null> {
  const parsed = SignInInput.shape.email.safeParse(email);
  return longestBlock(keysFor(parsed.success ? parsed.data : String(email).trim().toLowerCase(), address));
}

export async function verifyCredentials(raw: unknown, address: string | null): Promise<CredentialsResult> {
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) return { ok: false, retryAfter: null };
  const { email, password } = parsed.data;
  const keys = keysFor(email, address);
  const blocked = await longestBlock(keys);
  if (blocked !== null) return { ok: false, retryAfter: blocked };

  const user = await db.user.findUnique({ where: { email } });
  const matches = await verifyPassword(password, user?.passwordHash ?? (await dummy()));
  if (user && user.active && matches) {
    await clearFailures("signInAccount", email);
    return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
  }
  return { ok: false, retryAfter: await recordFailure(keys) };
}
