/** Creating and editing registry entities. */
import type { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { getProject } from "@/lib/projects/get-project";
import type { Actor } from "@/lib/auth/actor";
import { EntityPatch, NewEntity } from "./entity-input";
import { assertEntityType, getEntity } from "./get-entity";
import { putAlias } from "./aliases";
import { entityInclude, entitySnapshot, entityView } from "./entity-view";

/** 409 naming the entity that has the name, so a client can offer to link to it instead. */
const nameTaken = (name: string, existing?: { id: string; name: string }) =>
  new AppError("CONFLICT", `An entity named "${name}" already exists in this project`, existing ? { existing } : undefined);

/** Inside `tx`: a new entity with its name and `aliases` as spellings (409 when a spelling names another entity). */
export async function insertEntity(tx: Tx, opts: { actor: Actor; projectId: string; input: z.output<typeof NewEntity> }) {
  const { input } = opts;
  await assertEntityType(tx, opts.projectId, input.type);
  const taken = await tx.canonicalEntity.findFirst({ where: { projectId: opts.projectId, name: input.name }, select: { id: true, name: true } });
  if (taken) throw nameTaken(input.name, taken);
  const entity = await tx.canonicalEntity.create({
    data: { projectId: opts.projectId, name: input.name, type: input.type, note: input.note, externalId: input.externalId ?? null },
  });
  for (const alias of [input.name, ...input.aliases]) await putAlias(tx, entity, alias);
  const row = await tx.canonicalEntity.findUniqueOrThrow({ where: { id: entity.id }, include: entityInclude });
  await recordAudit(tx, {
    projectId: opts.projectId,
    actorId: opts.actor.id,
    subject: "ENTITY",
    subjectId: row.id,
    action: "CREATE",
    after: entitySnapshot(row),
  });
  return row;
}

export async function createEntity(opts: { actor: Actor; projectId: string; input: z.input<typeof NewEntity> }) {
  authorize(opts.actor, "entity:edit");
  const input = NewEntity.parse(opts.input);
  const project = await getProject({ actor: opts.actor, projectId: opts.projectId });
  try {
    const row = await db.$transaction((tx) => insertEntity(tx, { actor: opts.actor, projectId: project.id, input }));
    return entityView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
}

/** Renaming keeps the old name as an alias, so spellings already in the text still resolve. */
export async function updateEntity(opts: { actor: Actor; entityId: string; input: z.input<typeof EntityPatch> }) {
  authorize(opts.actor, "entity:edit");
  const input = EntityPatch.parse(opts.input);
  try {
    const row = await db.$transaction(async (tx) => {
      const before = await getEntity({ actor: opts.actor, entityId: opts.entityId, tx });
      if (input.updatedAt && new Date(input.updatedAt).getTime() !== before.updatedAt.getTime()) {
        throw new AppError("CONFLICT", "This entity was changed elsewhere since you loaded it; reload to see the current version", {
          current: entityView(before),
        });
      }
      if (input.type) await assertEntityType(tx, before.projectId, input.type);
      if (input.name && input.name !== before.name) {
        if (await tx.canonicalEntity.findFirst({ where: { projectId: before.projectId, name: input.name } })) throw nameTaken(input.name);
        await putAlias(tx, before, input.name);
      }
      const { count } = await tx.canonicalEntity.updateMany({
        where: { id: before.id, updatedAt: before.updatedAt },
        data: { name: input.name, type: input.type, note: input.note, externalId: input.externalId, updatedAt: new Date() },
      });
      if (count === 0) throw new AppError("CONFLICT", "This entity was changed elsewhere at the same moment; reload and try again");
      const row = await tx.canonicalEntity.findUniqueOrThrow({ where: { id: before.id }, include: entityInclude });
      await recordAudit(tx, {
        projectId: row.projectId,
        actorId: opts.actor.id,
        subject: "ENTITY",
        subjectId: row.id,
        action: "UPDATE",
        before: entitySnapshot(before),
        after: entitySnapshot(row),
      });
      return row;
    });
    return entityView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name ?? "");
    throw err;
  }
}
