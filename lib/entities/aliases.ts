/**
 * Aliases: every spelling an entity goes by. The entity's name is always one
 * of them. Within a project a spelling (normalised, see ./normalize.ts) names
 * one entity only: adding a spelling another entity already has is a 409,
 * so ambiguity is always explicit (merge the two, or pick another spelling).
 */
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { normalizeName } from "./normalize";
import { getEntity } from "./get-entity";
import { AliasText } from "./entity-input";
import { entityInclude, entitySnapshot, entityView } from "./entity-view";

/** Adds `alias` to the entity inside `tx`, or answers 409 when another entity of the project has it. Returns false when the entity already had it. */
export async function putAlias(tx: Tx, entity: { id: string; projectId: string }, alias: string): Promise<boolean> {
  const normalized = normalizeName(alias);
  if (!normalized) throw new AppError("INVALID_INPUT", "An alias needs at least one letter or digit");
  const taken = await tx.entityAlias.findFirst({
    where: { normalized, entity: { projectId: entity.projectId } },
    include: { entity: { select: { id: true, name: true } } },
  });
  if (taken && taken.entityId !== entity.id) {
    throw new AppError("CONFLICT", `"${alias}" already names another entity of this project: ${taken.entity.name}`, {
      entityId: taken.entity.id,
      entityName: taken.entity.name,
    });
  }
  if (taken) return false;
  await tx.entityAlias.create({ data: { entityId: entity.id, alias: alias.trim().replace(/\s+/gu, " "), normalized } });
  return true;
}

export async function addAlias(opts: { actor: Actor; entityId: string; alias: string }) {
  authorize(opts.actor, "entity:edit");
  const alias = AliasText.parse(opts.alias);
  const { row, created } = await db.$transaction(async (tx) => {
    const before = await getEntity({ actor: opts.actor, entityId: opts.entityId, tx });
    const created = await putAlias(tx, before, alias);
    const row = await tx.canonicalEntity.update({ where: { id: before.id }, data: { updatedAt: new Date() }, include: entityInclude });
    if (created)
      await recordAudit(tx, {
        projectId: row.projectId,
        actorId: opts.actor.id,
        subject: "ENTITY",
        subjectId: row.id,
        action: "ALIAS_ADD",
        before: entitySnapshot(before),
        after: entitySnapshot(row),
      });
    return { row, created };
  });
  return { entity: entityView(row), created };
}

export async function removeAlias(opts: { actor: Actor; entityId: string; aliasId: string }) {
  authorize(opts.actor, "entity:edit");
  const row = await db.$transaction(async (tx) => {
    const before = await getEntity({ actor: opts.actor, entityId: opts.entityId, tx });
    const alias = await tx.entityAlias.findFirst({ where: { id: opts.aliasId, entityId: before.id } });
    if (!alias) throw new AppError("NOT_FOUND", "Alias not found");
    if (alias.normalized === normalizeName(before.name))
      throw new AppError("UNPROCESSABLE", "The entity's name is always one of its aliases; rename the entity first");
    await tx.entityAlias.delete({ where: { id: alias.id } });
    const row = await tx.canonicalEntity.update({ where: { id: before.id }, data: { updatedAt: new Date() }, include: entityInclude });
    await recordAudit(tx, {
      projectId: row.projectId,
      actorId: opts.actor.id,
      subject: "ENTITY",
      subjectId: row.id,
      action: "ALIAS_REMOVE",
      before: entitySnapshot(before),
      after: entitySnapshot(row),
    });
    return row;
  });
  return entityView(row);
}
