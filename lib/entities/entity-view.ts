/** The public shape of a registry entity (API, UI). */
export type EntityRow = {
  id: string;
  projectId: string;
  name: string;
  type: string;
  note: string;
  externalId: string | null;
  createdAt: Date;
  updatedAt: Date;
  aliases: { id: string; alias: string }[];
};

export const entityInclude = { aliases: { select: { id: true, alias: true }, orderBy: { alias: "asc" as const } } } as const;

export function entityView(e: EntityRow) {
  return {
    id: e.id,
    projectId: e.projectId,
    name: e.name,
    type: e.type,
    note: e.note,
    externalId: e.externalId,
    aliases: e.aliases.map((a) => ({ id: a.id, alias: a.alias })),
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
export type EntityView = ReturnType<typeof entityView>;

/** What the audit history keeps of an entity. */
export const entitySnapshot = (e: EntityRow) => ({
  name: e.name,
  type: e.type,
  note: e.note,
  externalId: e.externalId,
  aliases: e.aliases.map((a) => a.alias),
});
