import type { LayerStatus } from "@/lib/domain/enums";
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { db } from "@/lib/db";
import { makeUser, makeProject, makeDocument, unique } from "@/lib/testing/factories";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { assignDocuments } from "./assign-documents";
import { unassign } from "./unassign";
import { setOverlap } from "./set-overlap";
import { nextDocument } from "./next-document";
import { myQueue } from "./my-queue";
import { listAssignments } from "./list-assignments";
import { assignmentOverview } from "./assignment-overview";

type User = Awaited<ReturnType<typeof makeUser>>;

/** A project whose only members are the given users, with `docs` documents imported oldest first. */
async function setup(opts: { annotators: number; docs: number; n: number; extraMembers?: User[] }) {
  const admin = await makeUser("ADMIN");
  const annotators: User[] = [];
  for (let i = 0; i < opts.annotators; i++) annotators.push(await makeUser("ANNOTATOR"));
  const project = await makeProject();
  const members = [admin, ...annotators, ...(opts.extraMembers ?? [])].map((u) => u.user.id);
  await db.projectMember.deleteMany({ where: { projectId: project.id, userId: { notIn: members } } });
  // new users join every project there is; keep this test's people to this project
  await db.projectMember.deleteMany({ where: { projectId: { not: project.id }, userId: { in: members } } });
  await db.project.update({ where: { id: project.id }, data: { annotatorsPerDocument: opts.n } });
  const documents = [];
  for (let i = 0; i < opts.docs; i++) documents.push(await makeDocument(admin.actor, { project: project.slug, title: `Doc ${i} ${unique("t")}` }));
  return { admin, annotators, project, documents };
}

async function seatsOf(projectId: string) {
  return db.layer.findMany({
    where: { seat: { not: null }, document: { projectId } },
    select: { id: true, documentId: true, seat: true, userId: true, status: true },
  });
}

/** The database invariants: at most N seated layers per document, seat numbers below N, one seat per person per document. */
async function expectSeatInvariants(projectId: string) {
  const { annotatorsPerDocument: n } = await db.project.findUniqueOrThrow({ where: { id: projectId } });
  const seats = await seatsOf(projectId);
  const byDoc = new Map<string, typeof seats>();
  for (const s of seats) byDoc.set(s.documentId, [...(byDoc.get(s.documentId) ?? []), s]);
  for (const list of byDoc.values()) {
    expect(list.length).toBeLessThanOrEqual(n);
    expect(new Set(list.map((s) => s.seat)).size).toBe(list.length);
    expect(new Set(list.map((s) => s.userId)).size).toBe(list.length);
    for (const s of list) expect(s.seat).toBeLessThan(n);
  }
  return seats;
}

const loads = (seats: { userId: string | null }[], people: User[]) => people.map((p) => seats.filter((s) => s.userId === p.user.id).length);

type Claim = null | { layerId: string; documentId: string; claimed: boolean };

/**
 * Starts lib/testing/claim-worker.ts in its own process (its own Prisma client
 * and connections); `go()` releases it once every worker is ready.
 */
function claimWorker(projectId: string, userIds: string[]) {
  const child = spawn("npx", ["tsx", "lib/testing/claim-worker.ts", projectId, ...userIds], { env: process.env, stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d) => {
      out += d;
      if (out.includes("ready")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`claim worker exited (${code}) before it was ready: ${err}`)));
  });
  const done = new Promise<Claim[]>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop() ?? "[]")) : reject(new Error(`claim worker failed: ${err}`)))),
  );
  return { ready, done, go: () => child.stdin.end("go\n") };
}

const setStatus = (layerId: string, status: LayerStatus) => db.layer.update({ where: { id: layerId }, data: { status } });

describe(`assignments on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("balances 5 documents × 2 seats over 3 annotators and is idempotent", async () => {
    const { admin, annotators, project } = await setup({ annotators: 3, docs: 5, n: 2 });
    const result = await assignDocuments({ actor: admin.actor, projectId: project.id });
    expect(result).toMatchObject({ filled: 10, openSeats: 0, eligibleAnnotators: 3, seatsPerDocument: 2 });
    const seats = await expectSeatInvariants(project.id);
    expect(seats).toHaveLength(10);
    const l = loads(seats, annotators);
    expect(Math.max(...l) - Math.min(...l)).toBeLessThanOrEqual(1);
    expect(l.reduce((a, b) => a + b)).toBe(10);
    const audits = await db.auditEvent.count({ where: { projectId: project.id, subject: "LAYER", action: "ASSIGN" } });
    expect(audits).toBe(10);

    const again = await assignDocuments({ actor: admin.actor, projectId: project.id });
    expect(again).toMatchObject({ filled: 0, openSeats: 0, message: "Every seat is already filled" });
    expect(await seatsOf(project.id)).toHaveLength(10);
  });

  it("reports seats it cannot fill, and only takes active members as annotators", async () => {
    const outsider = await makeUser("ANNOTATOR");
    const { admin, annotators, project } = await setup({ annotators: 2, docs: 4, n: 3 });
    await db.projectMember.deleteMany({ where: { projectId: project.id, userId: outsider.user.id } });
    await db.user.update({ where: { id: annotators[1].user.id }, data: { active: false } });
    const result = await assignDocuments({ actor: admin.actor, projectId: project.id });
    expect(result).toMatchObject({ filled: 4, openSeats: 8, openDocuments: 4, eligibleAnnotators: 1 });
    expect(result.message).toBe("Filled 4 seats; 8 seats still open on 4 documents: only 1 eligible annotator for 3 seats per document");
    await expect(assignDocuments({ actor: admin.actor, projectId: project.id, annotatorIds: [outsider.user.id] })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
    });
    // an admin may choose any active member, whatever their role
    const chosen = await assignDocuments({ actor: admin.actor, projectId: project.id, annotatorIds: [admin.user.id] });
    expect(chosen.filled).toBe(4);
    await expectSeatInvariants(project.id);
  });

  it("refuses annotators and reviewers, and hides other projects from non-members", async () => {
    const reviewer = await makeUser("REVIEWER");
    const { annotators, project } = await setup({ annotators: 1, docs: 1, n: 1 });
    await expect(assignDocuments({ actor: annotators[0].actor, projectId: project.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(assignDocuments({ actor: reviewer.actor, projectId: project.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAssignments({ actor: reviewer.actor, projectId: project.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.projectMember.create({ data: { projectId: project.id, userId: reviewer.user.id } });
    const list = await listAssignments({ actor: reviewer.actor, projectId: project.slug });
    expect(list.items).toHaveLength(1);
    expect(list.items[0].seats).toEqual([{ seat: 0, holder: null }]);
  });

  it("seats an annotator's existing seatless layer instead of making a second one", async () => {
    const { admin, annotators, project, documents } = await setup({ annotators: 1, docs: 1, n: 1 });
    const [ann] = annotators;
    await createAnnotation({ actor: ann.actor, documentId: documents[0].id, input: { start: 0, end: 6, label: "PERSON" } });
    const before = await db.layer.findFirstOrThrow({ where: { documentId: documents[0].id, userId: ann.user.id } });
    expect(before.seat).toBeNull();
    await assignDocuments({ actor: admin.actor, projectId: project.id });
    const layers = await db.layer.findMany({ where: { documentId: documents[0].id, userId: ann.user.id } });
    expect(layers).toHaveLength(1);
    expect(layers[0]).toMatchObject({ id: before.id, seat: 0, status: "IN_PROGRESS" });
    expect(layers[0].assignedAt).not.toBeNull();
  });

  it("unassigns only seats not started and empty, and explains why not", async () => {
    const { admin, annotators, project, documents } = await setup({ annotators: 2, docs: 2, n: 1 });
    await assignDocuments({ actor: admin.actor, projectId: project.id });
    const seats = await seatsOf(project.id);
    const [first, second] = seats;
    const started = annotators.find((a) => a.user.id === second.userId) as User;
    await createAnnotation({ actor: started.actor, documentId: second.documentId, input: { start: 0, end: 6, label: "PERSON" } });

    await expect(unassign({ actor: annotators[0].actor, layerId: first.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(unassign({ actor: admin.actor, layerId: second.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already started"),
    });
    await setStatus(second.id, "NOT_STARTED"); // as if started without the status moving: the annotation still counts
    await expect(unassign({ actor: admin.actor, layerId: second.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("1 annotation"),
    });
    await expect(unassign({ actor: admin.actor, layerId: "no-such-layer" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await unassign({ actor: admin.actor, layerId: first.id });
    expect(await db.layer.findUnique({ where: { id: first.id } })).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: first.id, action: "UNASSIGN" } });
    expect(audit.before).toEqual({ userId: first.userId, seat: 0 });
    const list = await listAssignments({ actor: admin.actor, projectId: project.id });
    const freed = list.items.find((d) => d.id === first.documentId);
    expect(freed?.seats).toEqual([{ seat: 0, holder: null }]);
    expect(documents.map((d) => d.id)).toContain(first.documentId);
    // a seatless layer is no assignment
    const loose = await db.layer.create({ data: { documentId: first.documentId, kind: "ANNOTATOR", slot: `user:${admin.user.id}`, userId: admin.user.id } });
    await expect(unassign({ actor: admin.actor, layerId: loose.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("holds no seat"),
    });
  });

  it("changes the overlap: raising opens seats, lowering is refused while documents hold more, and renumbers seats otherwise", async () => {
    const { admin, annotators, project, documents } = await setup({ annotators: 3, docs: 2, n: 1 });
    await assignDocuments({ actor: admin.actor, projectId: project.id });
    await setOverlap({ actor: admin.actor, projectId: project.id, annotatorsPerDocument: "3" });
    expect((await assignmentOverview({ actor: admin.actor, projectId: project.id })).open).toBe(4);
    expect((await assignDocuments({ actor: admin.actor, projectId: project.id })).filled).toBe(4);
    await expectSeatInvariants(project.id);

    await expect(setOverlap({ actor: admin.actor, projectId: project.id, annotatorsPerDocument: 2 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(documents[0].title),
    });
    expect((await db.project.findUniqueOrThrow({ where: { id: project.id } })).annotatorsPerDocument).toBe(3);

    // free seat 1 on both documents: seat 2 moves down to seat 1 when N becomes 2
    for (const s of (await seatsOf(project.id)).filter((x) => x.seat === 1)) await unassign({ actor: admin.actor, layerId: s.id });
    const res = await setOverlap({ actor: admin.actor, projectId: project.id, annotatorsPerDocument: 2 });
    expect(res).toEqual({ annotatorsPerDocument: 2, previous: 3, renumberedSeats: 2 });
    const seats = await expectSeatInvariants(project.id);
    expect(seats.map((s) => s.seat).sort()).toEqual([0, 0, 1, 1]);
    expect(await db.auditEvent.count({ where: { projectId: project.id, subject: "PROJECT", action: "UPDATE" } })).toBe(2);

    await expect(setOverlap({ actor: admin.actor, projectId: project.id, annotatorsPerDocument: 0 })).rejects.toThrow(/at least 1/);
    await expect(setOverlap({ actor: admin.actor, projectId: project.id, annotatorsPerDocument: 11 })).rejects.toThrow(/At most 10/);
    await expect(setOverlap({ actor: annotators[0].actor, projectId: project.id, annotatorsPerDocument: 2 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("serves rejected seats first, then the oldest assignment, then claims open seats, then nothing", async () => {
    const { admin, annotators, project, documents } = await setup({ annotators: 2, docs: 4, n: 1 });
    const [ann, other] = annotators;
    await assignDocuments({ actor: admin.actor, projectId: project.id, annotatorIds: [ann.user.id], documentIds: [documents[0].id, documents[1].id] });
    const mine = await db.layer.findMany({ where: { userId: ann.user.id, seat: { not: null } }, orderBy: { assignedAt: "asc" } });
    expect(mine.map((l) => l.documentId)).toEqual([documents[0].id, documents[1].id]);

    expect(await nextDocument({ actor: ann.actor })).toEqual({ documentId: documents[0].id, layerId: mine[0].id, claimed: false });
    expect(await nextDocument({ actor: ann.actor })).toMatchObject({ documentId: documents[0].id, claimed: false }); // same until done
    await setStatus(mine[1].id, "REJECTED");
    expect(await nextDocument({ actor: ann.actor })).toMatchObject({ documentId: documents[1].id, claimed: false });

    const queue = await myQueue({ actor: ann.actor });
    expect(queue.items.map((i) => [i.documentId, i.status])).toEqual([
      [documents[1].id, "REJECTED"],
      [documents[0].id, "NOT_STARTED"],
    ]);
    expect(queue.counts).toEqual({ assigned: 2, done: 0, rejected: 1, claimable: 2 });

    await setStatus(mine[0].id, "SUBMITTED");
    await setStatus(mine[1].id, "APPROVED");
    const claimed = await nextDocument({ actor: ann.actor });
    expect(claimed).toMatchObject({ documentId: documents[2].id, claimed: true });
    expect(await db.layer.findUniqueOrThrow({ where: { id: claimed?.layerId } })).toMatchObject({ seat: 0, userId: ann.user.id, status: "NOT_STARTED" });
    expect(await db.auditEvent.count({ where: { subjectId: claimed?.layerId, action: "ASSIGN", actorId: ann.user.id } })).toBe(1);
    expect(await nextDocument({ actor: other.actor })).toMatchObject({ documentId: documents[3].id, claimed: true });
    await setStatus(claimed?.layerId as string, "SUBMITTED");
    expect(await nextDocument({ actor: ann.actor })).toBeNull();
    expect((await myQueue({ actor: ann.actor })).counts).toEqual({ assigned: 3, done: 3, rejected: 0, claimable: 0 });
    // reviewers and admins work the seats given to them but do not take open ones
    await setOverlap({ actor: admin.actor, projectId: project.id, annotatorsPerDocument: 2 });
    expect(await nextDocument({ actor: admin.actor })).toBeNull();
  });

  it("never hands two people one seat when many ask at once", async () => {
    const { project } = await setup({ annotators: 14, docs: 5, n: 2 }).then(async (s) => {
      // 14 annotators, 10 seats: exactly 10 get one, 4 get nothing
      const results = await Promise.all(s.annotators.map((a) => nextDocument({ actor: a.actor, projectId: s.project.id })));
      const got = results.filter((r) => r !== null);
      expect(got).toHaveLength(10);
      expect(new Set(got.map((r) => r?.layerId)).size).toBe(10);
      expect(got.every((r) => r?.claimed)).toBe(true);
      const seats = await expectSeatInvariants(s.project.id);
      expect(seats).toHaveLength(10);
      // asking again, everyone gets their own seat back or still nothing
      const again = await Promise.all(s.annotators.map((a) => nextDocument({ actor: a.actor, projectId: s.project.id })));
      expect(again.map((r) => r?.layerId ?? null)).toEqual(results.map((r) => r?.layerId ?? null));
      return s;
    });
    expect(await seatsOf(project.id)).toHaveLength(10);
  });

  it("keeps the limit when the overlap changes while people take seats", async () => {
    const { admin, annotators, project } = await setup({ annotators: 12, docs: 6, n: 2 });
    const claims = annotators.map((a) => nextDocument({ actor: a.actor, projectId: project.id }));
    const lower = setOverlap({ actor: admin.actor, projectId: project.id, annotatorsPerDocument: 1 }).then(
      () => "lowered",
      (err: { code?: string }) => err.code,
    );
    const [outcome, ...results] = await Promise.all([lower, ...claims]);
    expect(["lowered", "CONFLICT"]).toContain(outcome);
    await expectSeatInvariants(project.id);
    const got = results.filter((r) => r !== null);
    expect(new Set(got.map((r) => r?.layerId)).size).toBe(got.length);
  });

  it("mixes admin assignment and queue claims without double seats", async () => {
    const { admin, annotators, project } = await setup({ annotators: 10, docs: 8, n: 3 });
    const [assigned, ...claims] = await Promise.all([
      assignDocuments({ actor: admin.actor, projectId: project.id }),
      ...annotators.map((a) => nextDocument({ actor: a.actor, projectId: project.id })),
    ]);
    const seats = await expectSeatInvariants(project.id);
    expect(seats).toHaveLength(24);
    const claimed = claims.filter((c) => c?.claimed).length;
    expect((assigned as { filled: number }).filled + claimed).toBe(24);
  });

  it("never hands two people one seat when separate processes ask at once", async () => {
    const { annotators, project } = await setup({ annotators: 16, docs: 4, n: 3 });
    const groups = [0, 1, 2, 3].map((g) => annotators.slice(g * 4, g * 4 + 4).map((a) => a.user.id));
    const workers = groups.map((ids) => claimWorker(project.id, ids));
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.go();
    const results = (await Promise.all(workers.map((w) => w.done))).flat();
    expect(results).toHaveLength(16);
    const got = results.filter((r) => r !== null);
    expect(got).toHaveLength(12);
    expect(new Set(got.map((r) => r?.layerId)).size).toBe(12);
    const seats = await expectSeatInvariants(project.id);
    expect(seats).toHaveLength(12);
  }, 60_000);
});
