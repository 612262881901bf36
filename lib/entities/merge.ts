/**
 * Registry upkeep: merging one entity into another (two were made for one
 * person), and undoing that ("splitting back out").
 *
 * A merge, in one transaction: every mention (Annotation.entityId) and stance
 * holder (Stance.holderId) of the merged entity moves to `into`; its alias
 * rows move too (same ids), except spellings `into` already has (a conflict,
 * reported); its name stays a spelling of `into`; its external id fills an
 * empty one on `into` (two different ones are a conflict: `into` keeps its
 * own); a different type is a conflict (`into` keeps its own); its note is
 * appended to `into`'s. An EntityMerge row keeps a snapshot of the merged
 * entity and of what moved, so the merge can be undone exactly; then the
 * merged entity is deleted.
 */
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { authorize, projectScope } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record-audit";
import { jsonInput } from "@/lib/db/json-value";
import { annotationInclude, annotationView } from "@/lib/annotations/annotation-view";
import { layerRef, publishDocumentEvent } from "@/lib/realtime/publish";
import type { Actor } from "@/lib/auth/actor";
import { getProject } from "@/lib/projects/get-project";
import { touchAgreementDocument } from "@/lib/agreement/stored/touch-document";
import { getEntity } from "./get-entity";
import { normalizeName } from "./normalize";
import { entityInclude, entitySnapshot, entityView } from "./entity-view";

export const MergeEntityInput = z.object({ intoId: z.string().trim().min(1).max(200) }).strict();

export type MergeConflict = {
  field: "alias" | "externalId" | "type" | "name";
  /** the merged entity's value */
  from: string;
  /** the surviving entity's value */
  into: string;
  /** what was done about it, in words */
  resolution: string;
};

/** What an EntityMerge row keeps: enough to put the merged entity back. */
export type MergeSnapshot = {
  entity: { id: string; name: string; type: string; note: string; externalId: string | null; createdAt: string };
  aliases: { id: string; alias: string; normalized: string }[];
  mentionIds: string[];
  stanceIds: string[];
  /** alias rows that are on `into` because of the merge (moved or made) */
  addedAliasIds: string[];
  /** `into`'s note and external id before and after, so an undo can put them back when nobody changed them since */
  intoBefore: { note: string; externalId: string | null };
  intoAfter: { note: string; externalId: string | null };
  conflicts: MergeConflict[];
};

const CHUNK = 500;
const chunks = <T>(xs: T[]) => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

/** Points the listed mentions and stances that point at `fromId` to `toId` (versions bumped: a client holding the old row gets a 409). */
async function relink(tx: Tx, ids: { mentions: string[]; stances: string[] }, fromId: string, toId: string) {
  let mentions = 0;
  let stances = 0;
  for (const part of chunks(ids.mentions))
    mentions += (await tx.annotation.updateMany({ where: { id: { in: part }, entityId: fromId }, data: { entityId: toId, version: { increment: 1 } } })).count;
  for (const part of chunks(ids.stances)) {
    stances += (await tx.stance.updateMany({ where: { id: { in: part }, holderId: fromId }, data: { holderId: toId, version: { increment: 1 } } })).count;
    // agreement on stances counts holders: no trigger sees stances, so their documents' figures are marked stale here
    const documents = await tx.layer.findMany({ where: { stances: { some: { id: { in: part } } } }, select: { documentId: true }, distinct: ["documentId"] });
    for (const d of documents) await touchAgreementDocument(tx, d.documentId);
  }
  return { mentions, stances };
}

/** More relinked mentions than this are not announced one by one: open pages learn of them on their next save (version check) or reload. */
const MAX_ANNOUNCED = 1000;

/** After the commit: tells open pages of the documents that these mentions changed (their versions moved on). */
async function announceRelinked(ids: string[], projectId: string, actorId: string) {
  for (const part of chunks(ids.slice(0, MAX_ANNOUNCED))) {
    const rows = await db.annotation.findMany({
      where: { id: { in: part } },
      include: { ...annotationInclude, layer: { select: { id: true, documentId: true, kind: true, userId: true } } },
    });
    for (const row of rows)
      await publishDocumentEvent({ type: "annotation.updated", ...layerRef(row.layer, projectId, actorId), annotation: annotationView(row) });
  }
}

const appendNote = (into: string, from: string, fromName: string) => {
  if (!from.trim()) return into;
  const added = `${fromName}: ${from.trim()}`;
  return into.trim() ? `${into.trimEnd()}\n\n${added}` : added;
};

/** How much a merge of `entityId` would move (for the confirm step). */
export async function mergeCounts(opts: { actor: Actor; entityId: string }) {
  authorize(opts.actor, "entity:merge");
  const entity = await getEntity(opts);
  const [mentions, stances] = await Promise.all([db.annotation.count({ where: { entityId: entity.id } }), db.stance.count({ where: { holderId: entity.id } })]);
  return { mentions, stances, aliases: entity.aliases.length };
}

export async function mergeEntities(opts: { actor: Actor; entityId: string; intoId: string }) {
  authorize(opts.actor, "entity:merge");
  const { intoId } = MergeEntityInput.parse({ intoId: opts.intoId });
  const relinked = { ids: [] as string[], projectId: "" };
  const answer = await db.$transaction(async (tx) => {
    const from = await getEntity({ actor: opts.actor, entityId: opts.entityId, tx });
    const into = await getEntity({ actor: opts.actor, entityId: intoId, tx });
    if (from.id === into.id) throw new AppError("UNPROCESSABLE", "An entity cannot be merged into itself");
    if (from.projectId !== into.projectId) throw new AppError("UNPROCESSABLE", "Both entities must belong to the same project");

    const conflicts: MergeConflict[] = [];
    const fromAliases = await tx.entityAlias.findMany({ where: { entityId: from.id }, orderBy: { id: "asc" } });
    const intoAliases = await tx.entityAlias.findMany({ where: { entityId: into.id } });
    const intoSpellings = new Map(intoAliases.map((a) => [a.normalized, a.alias]));

    // mentions and stance holders
    const mentionIds = (await tx.annotation.findMany({ where: { entityId: from.id }, select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);
    const stanceIds = (await tx.stance.findMany({ where: { holderId: from.id }, select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);
    const moved = await relink(tx, { mentions: mentionIds, stances: stanceIds }, from.id, into.id);

    // aliases: move the rows (ids kept) unless `into` has the spelling already
    const addedAliasIds: string[] = [];
    for (const a of fromAliases) {
      const has = intoSpellings.get(a.normalized);
      if (has !== undefined) {
        // the merged entity's own name, already a spelling of `into`, is no conflict
        if (a.normalized !== normalizeName(from.name))
          conflicts.push({ field: "alias", from: a.alias, into: has, resolution: `"${into.name}" already has this spelling; kept its own` });
        continue;
      }
      await tx.entityAlias.update({ where: { id: a.id }, data: { entityId: into.id } });
      intoSpellings.set(a.normalized, a.alias);
      addedAliasIds.push(a.id);
    }
    const fromName = normalizeName(from.name);
    if (!intoSpellings.has(fromName)) {
      const made = await tx.entityAlias.create({ data: { entityId: into.id, alias: from.name, normalized: fromName } });
      addedAliasIds.push(made.id);
    }

    // fields
    let externalId = into.externalId;
    if (from.externalId && !into.externalId) externalId = from.externalId;
    else if (from.externalId && into.externalId && from.externalId !== into.externalId)
      conflicts.push({ field: "externalId", from: from.externalId, into: into.externalId, resolution: `kept "${into.name}"'s external id` });
    if (from.type !== into.type) conflicts.push({ field: "type", from: from.type, into: into.type, resolution: `kept "${into.name}"'s type` });
    const note = appendNote(into.note, from.note, from.name);

    const snapshot: MergeSnapshot = {
      entity: { id: from.id, name: from.name, type: from.type, note: from.note, externalId: from.externalId, createdAt: from.createdAt.toISOString() },
      aliases: fromAliases.map((a) => ({ id: a.id, alias: a.alias, normalized: a.normalized })),
      mentionIds,
      stanceIds,
      addedAliasIds,
      intoBefore: { note: into.note, externalId: into.externalId },
      intoAfter: { note, externalId },
      conflicts,
    };
    const merge = await tx.entityMerge.create({
      data: { projectId: from.projectId, fromId: from.id, intoId: into.id, snapshot: jsonInput(snapshot), actorId: opts.actor.id },
    });
    // the last guard against a concurrent merge or edit of the same entity: everything above rolls back
    const { count: deleted } = await tx.canonicalEntity.deleteMany({ where: { id: from.id, updatedAt: from.updatedAt } });
    if (deleted === 0) throw new AppError("CONFLICT", `"${from.name}" was changed or merged elsewhere at the same moment; reload and try again`);
    const after = await tx.canonicalEntity.update({ where: { id: into.id }, data: { note, externalId, updatedAt: new Date() }, include: entityInclude });

    const result = { mergeId: merge.id, mergedId: from.id, mergedName: from.name, moved: { ...moved, aliases: addedAliasIds.length }, conflicts };
    await recordAudit(tx, {
      projectId: from.projectId,
      actorId: opts.actor.id,
      subject: "ENTITY",
      subjectId: from.id,
      action: "MERGE",
      before: entitySnapshot(from),
      after: { mergedInto: { id: into.id, name: into.name }, ...result },
    });
    await recordAudit(tx, {
      projectId: from.projectId,
      actorId: opts.actor.id,
      subject: "ENTITY",
      subjectId: into.id,
      action: "MERGE",
      before: entitySnapshot(into),
      after: { ...entitySnapshot(after), merged: { id: from.id, name: from.name }, ...result },
    });
    relinked.ids = mentionIds;
    relinked.projectId = from.projectId;
    return { into: entityView(after), moved: result.moved, conflicts, mergeId: merge.id };
  });
  await announceRelinked(relinked.ids, relinked.projectId, opts.actor.id);
  return answer;
}

const asSnapshot = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v) as MergeSnapshot;

/** Puts a merged entity back: its row (same id), its aliases, and the mentions and stances that still point at `into`. */
export async function undoEntityMerge(opts: { actor: Actor; mergeId: string }) {
  authorize(opts.actor, "entity:merge");
  const relinked = { ids: [] as string[], projectId: "" };
  const answer = await db.$transaction(async (tx) => {
    const merge = await tx.entityMerge.findFirst({ where: { id: opts.mergeId, project: projectScope(opts.actor) } });
    if (!merge) throw notFound("Merge");
    const { count } = await tx.entityMerge.updateMany({ where: { id: merge.id, undoneAt: null }, data: { undoneAt: new Date() } });
    if (count === 0) throw new AppError("CONFLICT", "This merge was undone already");
    const snap = asSnapshot(merge.snapshot);
    const into = await tx.canonicalEntity.findUnique({ where: { id: merge.intoId }, include: entityInclude });
    if (!into) throw new AppError("CONFLICT", "The entity this one was merged into is gone (merged into another one since?); undo that later merge first");
    const taken = await tx.canonicalEntity.findFirst({ where: { projectId: merge.projectId, OR: [{ name: snap.entity.name }, { id: snap.entity.id }] } });
    if (taken)
      throw new AppError("CONFLICT", `The name "${snap.entity.name}" is now taken by another entity; rename that one first`, {
        existing: { id: taken.id, name: taken.name },
      });

    const e = snap.entity;
    await tx.canonicalEntity.create({
      data: { id: e.id, projectId: merge.projectId, name: e.name, type: e.type, note: e.note, externalId: e.externalId, createdAt: new Date(e.createdAt) },
    });

    // aliases: rows still on `into` come back as they are; missing ones are made again with their old ids
    const conflicts: { alias: string; resolution: string }[] = [];
    let aliases = 0;
    const wasMoved = new Set(snap.addedAliasIds);
    for (const a of snap.aliases) {
      const row = await tx.entityAlias.findUnique({ where: { id: a.id } });
      if (row && row.entityId === into.id) {
        await tx.entityAlias.update({ where: { id: a.id }, data: { entityId: e.id } });
        aliases++;
        continue;
      }
      if (row) {
        conflicts.push({ alias: a.alias, resolution: "moved to another entity since; left there" });
        continue;
      }
      if (wasMoved.has(a.id)) {
        // moved to `into` and removed from it since: made again, unless another entity has the spelling now
        const holder = await tx.entityAlias.findFirst({
          where: { normalized: a.normalized, entity: { projectId: merge.projectId } },
          include: { entity: { select: { name: true } } },
        });
        if (holder && holder.entityId !== into.id) {
          conflicts.push({ alias: a.alias, resolution: `"${holder.entity.name}" has this spelling now; left there` });
          continue;
        }
        // re-added on `into` since: it goes back with the merged entity (unless it is `into`'s name)
        if (holder && holder.normalized !== normalizeName(into.name)) await tx.entityAlias.delete({ where: { id: holder.id } });
      }
      // (an alias the merge skipped, `into` having the spelling, is made again as it was)
      await tx.entityAlias.create({ data: { id: a.id, entityId: e.id, alias: a.alias, normalized: a.normalized } });
      aliases++;
    }
    const restoredIds = new Set(snap.aliases.map((a) => a.id));
    const made = snap.addedAliasIds.filter((id) => !restoredIds.has(id));
    if (made.length) await tx.entityAlias.deleteMany({ where: { id: { in: made }, entityId: into.id } });

    const back = await relink(tx, { mentions: snap.mentionIds, stances: snap.stanceIds }, into.id, e.id);

    // `into`'s note and external id go back to what they were, unless changed since
    const note = into.note === snap.intoAfter.note ? snap.intoBefore.note : into.note;
    const externalId = into.externalId === snap.intoAfter.externalId ? snap.intoBefore.externalId : into.externalId;
    const intoAfter = await tx.canonicalEntity.update({ where: { id: into.id }, data: { note, externalId, updatedAt: new Date() }, include: entityInclude });
    const restored = await tx.canonicalEntity.findUniqueOrThrow({ where: { id: e.id }, include: entityInclude });

    const result = { mergeId: merge.id, restored: { ...back, aliases }, conflicts };
    await recordAudit(tx, {
      projectId: merge.projectId,
      actorId: opts.actor.id,
      subject: "ENTITY",
      subjectId: e.id,
      action: "SPLIT",
      after: { ...entitySnapshot(restored), splitFrom: { id: into.id, name: into.name }, ...result },
    });
    await recordAudit(tx, {
      projectId: merge.projectId,
      actorId: opts.actor.id,
      subject: "ENTITY",
      subjectId: into.id,
      action: "SPLIT",
      before: entitySnapshot(into),
      after: { ...entitySnapshot(intoAfter), split: { id: e.id, name: e.name }, ...result },
    });
    relinked.ids = snap.mentionIds;
    relinked.projectId = merge.projectId;
    return { entity: entityView(restored), into: entityView(intoAfter), ...result };
  });
  await announceRelinked(relinked.ids, relinked.projectId, opts.actor.id);
  return answer;
}

/** The project's latest merges, newest first, for the registry page. */
type MergeRow = { id: string; fromId: string; intoId: string; actorId: string; snapshot: unknown; createdAt: Date; undoneAt: Date | null };

/** Merges as the registry shows them: who merged what into what, what moved, the conflicts. */
async function mergeViews(rows: MergeRow[]) {
  const names = new Map(
    (await db.canonicalEntity.findMany({ where: { id: { in: rows.map((r) => r.intoId) } }, select: { id: true, name: true } })).map((e) => [e.id, e.name]),
  );
  const actors = new Map(
    (await db.user.findMany({ where: { id: { in: rows.map((r) => r.actorId) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  return rows.map((r) => {
    const snap = asSnapshot(r.snapshot);
    return {
      id: r.id,
      from: { id: r.fromId, name: snap.entity.name },
      into: { id: r.intoId, name: names.get(r.intoId) ?? null },
      moved: { mentions: snap.mentionIds.length, stances: snap.stanceIds.length, aliases: snap.addedAliasIds.length },
      conflicts: snap.conflicts,
      actor: actors.get(r.actorId) ?? null,
      createdAt: r.createdAt.toISOString(),
      undoneAt: r.undoneAt?.toISOString() ?? null,
    };
  });
}
export type EntityMergeView = Awaited<ReturnType<typeof mergeViews>>[number];

export async function listEntityMerges(opts: { actor: Actor; projectId: string; limit?: number }) {
  authorize(opts.actor, "entity:merge");
  const project = await getProject(opts);
  const rows = await db.entityMerge.findMany({
    where: { projectId: project.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(opts.limit ?? 10, 1), 100),
  });
  return mergeViews(rows);
}

/** One merge into the given entity, for the page the merge lands on (404 for a merge elsewhere or out of sight). */
export async function findEntityMerge(opts: { actor: Actor; mergeId: string; intoId: string }): Promise<EntityMergeView> {
  authorize(opts.actor, "entity:merge");
  const row = await db.entityMerge.findFirst({ where: { id: opts.mergeId, intoId: opts.intoId, project: projectScope(opts.actor) } });
  if (!row) throw notFound("Merge");
  return (await mergeViews([row]))[0];
}
