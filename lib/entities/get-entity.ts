import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { entityScope } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";
import { entityInclude } from "./entity-view";

/** A registry entity of one of the actor's projects, or 404. */
export async function getEntity(opts: { actor: Actor; entityId: string; tx?: Tx }) {
  const row = await (opts.tx ?? db).canonicalEntity.findFirst({ where: { id: opts.entityId, ...entityScope(opts.actor) }, include: entityInclude });
  if (!row) throw notFound("Entity");
  return row;
}

/** The entity type must name one of the project's active ENTITY labels; 422 otherwise. */
export async function assertEntityType(tx: Tx, projectId: string, type: string) {
  const label = await tx.label.findFirst({ where: { projectId, name: type, kind: "ENTITY", archived: false } });
  if (label) return label;
  const known = await tx.label.findMany({ where: { projectId, kind: "ENTITY", archived: false }, select: { name: true }, orderBy: { sortOrder: "asc" } });
  throw new AppError("UNPROCESSABLE", `Unknown entity type "${type}"; this project has ${known.map((l) => l.name).join(", ") || "no entity labels"}`);
}
