/** Personal API tokens: shown once, stored as sha256, revocable. */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { loadActiveActor, type Actor } from "./actor";

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

/** The actor a bearer token stands for, or an UNAUTHENTICATED error. */
export async function actorFromToken(token: string): Promise<Actor> {
  const invalid = new AppError("UNAUTHENTICATED", "Invalid or revoked API token");
  if (!token.startsWith(PREFIX)) throw invalid;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.revokedAt) throw invalid;
  const actor = await loadActiveActor(row.userId);
  if (!actor) throw new AppError("UNAUTHENTICATED", "This account is deactivated");
  // Best effort bookkeeping: a failure here must not fail the request.
  db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
  return actor;
}
