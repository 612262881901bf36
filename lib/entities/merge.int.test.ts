import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { makeUser, makeDocument, makeProject, spanAt } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { changedTables, snapshotDatabase } from "@/lib/testing/db-snapshot";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { createEntity, updateEntity } from "@/lib/entities/save-entity";
import { linkMention } from "@/lib/entities/link-mention";
import { createStance } from "@/lib/stances/stances";
import { createTarget } from "@/lib/stances/targets";
import { findEntityMerge, listEntityMerges, mergeCounts, mergeEntities, undoEntityMerge } from "@/lib/entities/merge";
import * as mergeRoute from "@/app/api/v1/entities/[id]/merge/route";
import * as undoRoute from "@/app/api/v1/entity-merges/[id]/undo/route";
import { getBus } from "@/lib/realtime/hub";
import type { BusMessage } from "@/lib/realtime/events";

/** A fault injected into the audit write of one action, to prove a failed merge leaves nothing behind. */
const fault = vi.hoisted(() => ({ action: null as string | null }));
vi.mock("@/lib/audit/record-audit", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/audit/record-audit")>();
  return {
    ...real,
    recordAudit: async (...args: Parameters<typeof real.recordAudit>) => {
      if (fault.action && args[1].action === fault.action) throw new Error("injected fault");
      return real.recordAudit(...args);
    },
  };
});

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, ann: Ctx, reviewer: Ctx, outsider: Ctx;
let project: { id: string; slug: string };
let other: { id: string; slug: string };

const TEXT = "Sergey Lavrov met John Kerry in Geneva. Lavrov said the talks were useful; S. Lavrov later left.";

const mergeCall = (token: string, entityId: string, body: unknown) =>
  call(mergeRoute.POST, { method: "POST", path: `/api/v1/entities/${entityId}/merge`, token, params: { id: entityId }, body });
const undoCall = (token: string, mergeId: string) =>
  call(undoRoute.POST, { method: "POST", path: `/api/v1/entity-merges/${mergeId}/undo`, token, params: { id: mergeId } });

/** Everything about an entity a merge and its undo touch. */
async function state(entityId: string) {
  const entity = await db.canonicalEntity.findUnique({ where: { id: entityId }, omit: { updatedAt: true } });
  const aliases = await db.entityAlias.findMany({ where: { entityId }, orderBy: { id: "asc" } });
  const mentions = await db.annotation.findMany({ where: { entityId }, select: { id: true }, orderBy: { id: "asc" } });
  const stances = await db.stance.findMany({ where: { holderId: entityId }, select: { id: true }, orderBy: { id: "asc" } });
  return { entity, aliases, mentions: mentions.map((m) => m.id), stances: stances.map((s) => s.id) };
}

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  ann = await makeUser("ANNOTATOR");
  reviewer = await makeUser("REVIEWER");
  project = await makeProject();
  other = await makeProject();
  outsider = await makeUser("REVIEWER");
  await db.projectMember.deleteMany({ where: { projectId: project.id, userId: outsider.user.id } });
});

afterAll(async () => {
  await getBus().close();
});

/** Two entities for one person, with mentions, a stance and a conflicting spelling, external id and type. */
async function duplicatePair() {
  const tag = Math.random().toString(36).slice(2, 7);
  const into = await createEntity({
    actor: admin.actor,
    projectId: project.id,
    input: { name: `Sergey Lavrov ${tag}`, type: "PERSON", aliases: [`Lavrov ${tag}`], externalId: "Q78506", note: "Foreign minister" },
  });
  const from = await createEntity({
    actor: admin.actor,
    projectId: project.id,
    input: { name: `S. Lavrov ${tag}`, type: "ORG", aliases: [`Sergei Lavrov ${tag}`, `Lavrow ${tag}`], externalId: "Q1", note: "made twice" },
  });
  // a spelling both have (the registry refuses this today; older data may hold it)
  const clash = await db.entityAlias.create({ data: { entityId: from.id, alias: `LAVROV ${tag}`, normalized: `lavrov ${tag}` } });
  const text = `${TEXT} (${tag})`;
  const doc = await makeDocument(admin.actor, { text, project: project.slug });
  const mentions: string[] = [];
  for (const [needle, n] of [
    ["Lavrov", 1],
    ["S. Lavrov", 0],
  ] as const) {
    const { annotation } = await createAnnotation({ actor: ann.actor, documentId: doc.id, input: spanAt(text, needle, "PERSON", n) });
    await linkMention({ actor: ann.actor, annotationId: annotation.id, entityId: from.id, version: annotation.version });
    mentions.push(annotation.id);
  }
  const { annotation: kept } = await createAnnotation({ actor: ann.actor, documentId: doc.id, input: spanAt(text, "Sergey Lavrov", "PERSON") });
  await linkMention({ actor: ann.actor, annotationId: kept.id, entityId: into.id, version: kept.version });
  const target = await createTarget({ actor: admin.actor, projectId: project.id, input: { text: `Sanctions ${tag}` } });
  const stance = await createStance({
    actor: ann.actor,
    documentId: doc.id,
    input: { holderId: from.id, targetId: target.id, polarity: "AGAINST", documentLevel: true },
  });
  return { into, from, clash, mentions, kept: kept.id, stance: stance.id, tag };
}

describe(`entity merge on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("refuses what it must, and a refused or failed merge changes nothing", async () => {
    const { into, from } = await duplicatePair();
    const elsewhere = await createEntity({ actor: admin.actor, projectId: other.id, input: { name: "Elsewhere", type: "PERSON" } });
    const since = new Date(Date.now() - 60_000);
    const before = await snapshotDatabase(since);

    expect((await mergeCall(ann.token, from.id, { intoId: into.id })).status).toBe(403);
    expect((await mergeCall(outsider.token, from.id, { intoId: into.id })).status).toBe(404);
    expect((await mergeCall(reviewer.token, from.id, { intoId: "nope" })).status).toBe(404);
    expect((await mergeCall(reviewer.token, "nope", { intoId: into.id })).status).toBe(404);
    expect((await mergeCall(reviewer.token, from.id, { intoId: from.id })).status).toBe(422);
    expect((await mergeCall(admin.token, from.id, { intoId: elsewhere.id })).status).toBe(422);
    expect((await mergeCall(reviewer.token, from.id, {})).status).toBe(400);
    expect((await mergeCall(reviewer.token, from.id, { intoId: into.id, extra: 1 })).status).toBe(400);
    expect((await mergeCall("mrg_nope", from.id, { intoId: into.id })).status).toBe(401);

    // a fault at the very end (the audit write) rolls back every relink, alias move and the delete
    fault.action = "MERGE";
    try {
      await expect(mergeEntities({ actor: reviewer.actor, entityId: from.id, intoId: into.id })).rejects.toThrow("injected fault");
    } finally {
      fault.action = null;
    }
    expect(changedTables(before, await snapshotDatabase(since))).toEqual([]);
  });

  it("merges: mentions and stance holders relinked, aliases combined, conflicts reported, audited; undo restores exactly", async () => {
    const pair = await duplicatePair();
    const { into, from, tag } = pair;
    const fromBefore = await state(from.id);
    const intoBefore = await state(into.id);
    expect(await mergeCounts({ actor: reviewer.actor, entityId: from.id })).toEqual({ mentions: 2, stances: 1, aliases: 4 });
    const versions = await db.annotation.findMany({ where: { id: { in: pair.mentions } }, select: { id: true, version: true } });

    const res = await mergeCall(reviewer.token, from.id, { intoId: into.id });
    expect(res.status).toBe(200);
    const body = res.json as unknown as {
      into: { id: string; externalId: string; type: string; note: string; aliases: { id: string; alias: string }[] };
      moved: { mentions: number; stances: number; aliases: number };
      conflicts: { field: string; from: string; into: string }[];
      mergeId: string;
    };
    expect(body.moved).toEqual({ mentions: 2, stances: 1, aliases: 3 });
    expect(body.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "alias", from: `LAVROV ${tag}`, into: `Lavrov ${tag}` }),
        expect.objectContaining({ field: "externalId", from: "Q1", into: "Q78506" }),
        expect.objectContaining({ field: "type", from: "ORG", into: "PERSON" }),
      ]),
    );
    expect(body.conflicts).toHaveLength(3);
    expect(body.into).toMatchObject({ id: into.id, externalId: "Q78506", type: "PERSON" });
    expect(body.into.note).toBe(`Foreign minister\n\nS. Lavrov ${tag}: made twice`);
    expect(body.into.aliases.map((a) => a.alias).sort()).toEqual(
      [`Lavrov ${tag}`, `Lavrow ${tag}`, `S. Lavrov ${tag}`, `Sergei Lavrov ${tag}`, `Sergey Lavrov ${tag}`].sort(),
    );

    const merged = await state(into.id);
    expect(await db.canonicalEntity.findUnique({ where: { id: from.id } })).toBeNull();
    expect(merged.mentions).toEqual([...pair.mentions, pair.kept].sort());
    expect(merged.stances).toEqual([pair.stance]);
    // the moved alias rows keep their ids
    const movedAliasIds = fromBefore.aliases.filter((a) => a.id !== pair.clash.id).map((a) => a.id);
    expect(merged.aliases.map((a) => a.id)).toEqual(expect.arrayContaining(movedAliasIds));
    for (const v of versions) expect((await db.annotation.findUniqueOrThrow({ where: { id: v.id } })).version).toBe(v.version + 1); // a client holding the old row gets a 409

    const row = await db.entityMerge.findUniqueOrThrow({ where: { id: body.mergeId } });
    expect(row).toMatchObject({ projectId: project.id, fromId: from.id, intoId: into.id, actorId: reviewer.user.id, undoneAt: null });
    const audit = await db.auditEvent.findMany({ where: { subject: "ENTITY", action: "MERGE", subjectId: { in: [from.id, into.id] } } });
    expect(audit.map((a) => a.subjectId).sort()).toEqual([from.id, into.id].sort());
    expect(audit.every((a) => a.actorId === reviewer.user.id && a.projectId === project.id)).toBe(true);

    const merges = await listEntityMerges({ actor: reviewer.actor, projectId: project.id });
    expect(merges.find((m) => m.id === body.mergeId)).toMatchObject({ from: { id: from.id }, into: { id: into.id }, undoneAt: null });
    // the page the merge lands on (the entity merged into) finds it there only, and only for those who may merge
    expect(await findEntityMerge({ actor: reviewer.actor, mergeId: body.mergeId, intoId: into.id })).toMatchObject({
      from: { id: from.id },
      moved: { mentions: 2, stances: 1 },
      conflicts: body.conflicts,
    });
    await expect(findEntityMerge({ actor: reviewer.actor, mergeId: body.mergeId, intoId: from.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(findEntityMerge({ actor: ann.actor, mergeId: body.mergeId, intoId: into.id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // undo: refused to annotators and outsiders, then restores exactly
    expect((await undoCall(ann.token, body.mergeId)).status).toBe(403);
    expect((await undoCall(outsider.token, body.mergeId)).status).toBe(404);
    expect((await undoCall(reviewer.token, "nope")).status).toBe(404);
    const undone = await undoCall(reviewer.token, body.mergeId);
    expect(undone.status).toBe(200);
    expect(undone.json).toMatchObject({ restored: { mentions: 2, stances: 1, aliases: 4 }, conflicts: [] });
    expect(await state(from.id)).toEqual(fromBefore);
    const intoAfter = await state(into.id);
    expect(intoAfter).toEqual(intoBefore);
    expect((await db.entityMerge.findUniqueOrThrow({ where: { id: body.mergeId } })).undoneAt).not.toBeNull();
    const split = await db.auditEvent.findMany({ where: { subject: "ENTITY", action: "SPLIT", subjectId: { in: [from.id, into.id] } } });
    expect(split).toHaveLength(2);

    // twice is a 409, and changes nothing
    const since = new Date(Date.now() - 60_000);
    const snap = await snapshotDatabase(since);
    const again = await undoCall(reviewer.token, body.mergeId);
    expect(again.status).toBe(409);
    expect(changedTables(snap, await snapshotDatabase(since))).toEqual([]);
  });

  it("takes the merged entity's external id when `into` has none; undo is refused when the name is taken since", async () => {
    const tag = Math.random().toString(36).slice(2, 7);
    const into = await createEntity({ actor: admin.actor, projectId: project.id, input: { name: `Kerry ${tag}`, type: "PERSON" } });
    const from = await createEntity({ actor: admin.actor, projectId: project.id, input: { name: `John Kerry ${tag}`, type: "PERSON", externalId: "Q22316" } });
    const { mergeId, into: after, conflicts } = await mergeEntities({ actor: admin.actor, entityId: from.id, intoId: into.id });
    expect(conflicts).toEqual([]);
    expect(after.externalId).toBe("Q22316");
    // the surviving entity takes the merged one's name: the split-out entity has nowhere to go
    await updateEntity({ actor: admin.actor, entityId: into.id, input: { name: `John Kerry ${tag}` } });
    const since = new Date(Date.now() - 60_000);
    const snap = await snapshotDatabase(since);
    await expect(undoEntityMerge({ actor: admin.actor, mergeId })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(changedTables(snap, await snapshotDatabase(since))).toEqual([]);
    expect((await db.entityMerge.findUniqueOrThrow({ where: { id: mergeId } })).undoneAt).toBeNull();
  });

  it("tells open pages of the documents that the moved mentions changed", async () => {
    const { into, from, mentions } = await duplicatePair();
    const bus = getBus();
    await bus.ready();
    const got = new Map<string, number>();
    const off = bus.subscribe((msg: BusMessage) => {
      if (msg.kind === "document" && msg.event.type === "annotation.updated" && "annotation" in msg.event)
        got.set(msg.event.annotation.id, msg.event.annotation.version);
    });
    try {
      await mergeEntities({ actor: reviewer.actor, entityId: from.id, intoId: into.id });
      await vi.waitFor(() => expect([...got.keys()].sort()).toEqual([...mentions].sort()), { timeout: 10_000 });
      for (const id of mentions) expect(got.get(id)).toBe((await db.annotation.findUniqueOrThrow({ where: { id } })).version);
    } finally {
      off();
    }
  });

  it("relinks back only the mentions that still point at `into`", async () => {
    const { into, from, mentions } = await duplicatePair();
    const { mergeId } = await mergeEntities({ actor: reviewer.actor, entityId: from.id, intoId: into.id });
    const moved = await db.annotation.findUniqueOrThrow({ where: { id: mentions[0] } });
    await linkMention({ actor: ann.actor, annotationId: moved.id, entityId: null, version: moved.version });
    const res = await undoEntityMerge({ actor: reviewer.actor, mergeId });
    expect(res.restored.mentions).toBe(1);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: mentions[0] } })).entityId).toBeNull();
    expect((await db.annotation.findUniqueOrThrow({ where: { id: mentions[1] } })).entityId).toBe(from.id);
  });
});
