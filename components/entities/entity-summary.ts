export type EntitySummary = { id: string; name: string; type: string; externalId: string | null; aliases: { id: string; alias: string }[] };
