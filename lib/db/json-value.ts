/** Values of Json columns (Prisma `Json`: TEXT on SQLite, jsonb on PostgreSQL). */
import type { Prisma } from "@/lib/generated/sqlite/client";

export type JsonValue = Prisma.JsonValue;

/**
 * A snapshot or metadata object as a Json column's input. What goes in is
 * always plain data (zod-checked input, views built by hand), which Prisma
 * writes as JSON.stringify would; its type cannot say so, hence the one cast.
 */
export const jsonInput = (value: unknown): Prisma.InputJsonValue => value as Prisma.InputJsonValue;

/** A Json column read with plain SQL (lib/db/sql.ts hands both databases' JSON back as text). */
export const fromJsonText = (v: unknown): JsonValue => (v === null || v === undefined ? null : (JSON.parse(String(v)) as JsonValue));
