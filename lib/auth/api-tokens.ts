/** Personal API tokens: shown once, stored as sha256, revocable. */
import type { Role } from "@/lib/domain/enums";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { getSql, toDateOrNull } from "@/lib/db/sql";
import { AppError, notFound, rateLimited } from "@/lib/errors";
import { activeActor, type Actor } from "./actor";
import { longestBlock, recordFailure, type AttemptKind } from "./attempt-limits";

const PREFIX = "mrg_";
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const TokenName = z.string().trim().min(1, "Give the token a name").max(80);

export async function createApiToken(opts: { userId: string; name: string }) {
  const name = TokenName.parse(opts.name);
  const token = PREFIX + randomBytes(32).toString("base64url");
  const row = await db.apiToken.create({
    data: { userId: opts.userId, name, tokenHash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6) },
  });
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt, token };
}

export async function listApiTokens(opts: { actor: Actor }) {
  return db.apiToken.findMany({
    where: { userId: opts.actor.id, revokedAt: null },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiToken(opts: { actor: Actor; tokenId: string }) {
  const { count } = await db.apiToken.updateMany({
    where: { id: opts.tokenId, userId: opts.actor.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("Token");
}

/** How stale a token's "last used" may get: it is shown to the minute, and writing it on every call was a write per request. */
const LAST_USED_EVERY_MS = 60_000;

type TokenRow = {
  tokenId: string;
  userId: string;
  revokedAt: unknown;
  lastUsedAt: unknown;
  id: string;
  email: string;
  name: string;
  role: Role;
  active: unknown;
};

/**
 * The actor a bearer token stands for, or an UNAUTHENTICATED error. With
 * `limits` (a request), failed attempts count per address and, when the
 * token names an account (revoked, user deactivated), per account; once
 * either is blocked, failing tokens get RATE_LIMITED (429). A working token
 * is never refused for others' failures: a script with a bad token behind a
 * shared address, or whoever holds a user's old token, must not lock out the
 * people whose tokens work. Without `limits` (a stream re-checking its
 * token), nothing is counted.
 */
export async function actorFromToken(token: string, opts: { limits?: { address: string | null } } = {}): Promise<Actor> {
  const { limits } = opts;
  const invalid = new AppError("UNAUTHENTICATED", "Invalid or revoked API token");
  const row = token.startsWith(PREFIX)
    ? await (
        await getSql()
      ).one<TokenRow>(
        `SELECT t."id" AS "tokenId", t."userId", t."revokedAt", t."lastUsedAt", u."id", u."email", u."name", u."role", u."active"
           FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId" WHERE t."tokenHash" = ?`,
        [hashToken(token)],
      )
    : undefined;
  const actor = row && row.revokedAt === null ? activeActor(row) : null;
  if (!actor) {
    const err = row && row.revokedAt === null ? new AppError("UNAUTHENTICATED", "This account is deactivated") : invalid;
    if (!limits) throw err;
    const keys: [AttemptKind, string][] = [
      ...(limits.address ? [["tokenAddress", limits.address] as [AttemptKind, string]] : []),
      ...(row ? [["tokenAccount", row.userId] as [AttemptKind, string]] : []),
    ];
    const blocked = await longestBlock(keys);
    if (blocked !== null) throw rateLimited(blocked, "Too many failed API token attempts");
    const wait = await recordFailure(keys);
    throw wait === null ? err : rateLimited(wait, "Too many failed API token attempts");
  }
  const now = new Date();
  const lastUsed = toDateOrNull(row!.lastUsedAt);
  if (!lastUsed || now.getTime() - lastUsed.getTime() >= LAST_USED_EVERY_MS) {
    // Best effort bookkeeping: a failure here must not fail the request.
    (await getSql()).run(`UPDATE "ApiToken" SET "lastUsedAt" = ? WHERE "id" = ?`, [now, row!.tokenId]).catch(() => undefined);
  }
  return actor;
}

/** Revokes every live token of a user (an admin reset their password): inside the reset's transaction. */
export async function revokeAllApiTokens(tx: Pick<typeof db, "apiToken">, userId: string): Promise<number> {
  const { count } = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}
