/** The two database providers Marginalia runs on, and where each one's files live. */
export const PROVIDERS = ["sqlite", "postgresql"] as const;
export type Provider = (typeof PROVIDERS)[number];

export function providerOf(databaseUrl: string): Provider {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  throw new Error(`DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL); got "${databaseUrl.split(":")[0]}:…"`);
}

export const schemaPath = (p: Provider) => `prisma/${p}/schema.prisma`;
export const migrationsDir = (p: Provider) => `prisma/${p}/migrations`;

/** A URL of the right provider for CLI steps that need none at all (generate, diff). */
export const placeholderUrl = (p: Provider) => (p === "sqlite" ? "file:./data/placeholder.db" : "postgresql://postgres@127.0.0.1:5432/postgres");
