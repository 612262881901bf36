import { providerOf, type Provider } from "@/lib/db/providers";

export const DEFAULT_DATABASE_URL = "file:./data/marginalia.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function databaseProvider(): Provider {
  return providerOf(databaseUrl());
}

/** File path of a "file:" URL, relative to the working directory as Prisma resolves it. */
export function sqlitePath(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}
