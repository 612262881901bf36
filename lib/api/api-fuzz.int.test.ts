/**
 * Property-based fuzzing of the span API through its route handlers: random
 * sequences of creates, updates and deletes from several users and roles —
 * bad offsets, unknown labels, stale versions, other people's and other
 * projects' ids — with the invariants checked after every step: no server
 * error, offsets valid and every span's text its code point slice, nobody
 * changed a layer they may not, and one audit event per accepted change.
 */
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { db } from "@/lib/db";
import { makeDocument, makeProject, makeUser } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import * as spans from "@/app/api/v1/documents/[id]/annotations/route";
import * as span from "@/app/api/v1/annotations/[id]/route";
import { userSlot } from "@/lib/domain/enums";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
type Who = "alice" | "bob" | "reviewer" | "outsider";
let users: Record<Who, Ctx>;
let docs: { mine: { id: string; text: string; length: number }; foreign: { id: string; text: string; length: number } };

const TEXT = "😀 Lavrov met 👩‍👩‍👧 Kerry in Geneva.\nThe U.N. said é and e\u0301 differ.";
const LABELS = ["PERSON", "ORG", "GPE", "NOPE"];
const ALLOWED = new Set([200, 201, 204, 400, 403, 404, 409, 422]);

const cps = (t: string) => Array.from(t);

beforeAll(async () => {
  const admin = await makeUser("ADMIN");
  users = { alice: await makeUser("ANNOTATOR"), bob: await makeUser("ANNOTATOR"), reviewer: await makeUser("REVIEWER"), outsider: await makeUser("ANNOTATOR") };
  const mine = await makeDocument(admin.actor, { text: TEXT });
  const other = await makeProject();
  const foreign = await makeDocument(admin.actor, { text: TEXT + " elsewhere", project: other.slug });
  await db.projectMember.deleteMany({ where: { projectId: mine.projectId, userId: users.outsider.user.id } });
  for (const who of ["alice", "bob", "reviewer"] as const) await db.projectMember.deleteMany({ where: { projectId: other.id, userId: users[who].user.id } });
  docs = { mine, foreign };
});

type Step =
  | { kind: "create"; who: Who; doc: "mine" | "foreign"; gold: boolean; start: number; end: number; label: string }
  | { kind: "update"; who: Who; pick: number; start?: number; end?: number; label?: string; stale: boolean }
  | { kind: "delete"; who: Who; pick: number; stale: boolean };

const who = fc.constantFrom<Who>("alice", "bob", "reviewer", "outsider");
const offset = fc.oneof(fc.integer({ min: -2, max: 60 }), fc.constant(0), fc.constant(1));
// Mostly well-formed spans (so updates and deletes have something to act on), some wild offsets.
const range = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 0, max: 55 }), fc.integer({ min: 1, max: 8 })).map(([start, n]) => ({ start, end: start + n })) },
  { weight: 1, arbitrary: fc.record({ start: offset, end: offset }) },
);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({
        who,
        doc: fc.constantFrom("mine" as const, "mine" as const, "foreign" as const),
        gold: fc.boolean(),
        range,
        label: fc.constantFrom(...LABELS, "PERSON", "ORG"),
      })
      .map(({ range: r, ...c }) => ({ kind: "create" as const, ...c, ...r })),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("update" as const),
      who,
      pick: fc.nat(),
      start: fc.option(offset, { nil: undefined, freq: 4 }),
      end: fc.option(offset, { nil: undefined, freq: 4 }),
      label: fc.constantFrom(...LABELS),
      stale: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), who, pick: fc.nat(), stale: fc.boolean() }) },
);

/** The layers a user may write: their own annotator layer, and gold for the reviewer, in their own project only (the outsider's is the foreign one). */
function mayWrite(actor: Who, layer: { slot: string; documentId: string }) {
  const member = layer.documentId === docs.mine.id ? actor !== "outsider" : actor === "outsider";
  return member && (layer.slot === userSlot(users[actor].user.id) || (actor === "reviewer" && layer.slot === "gold"));
}

async function run(s: Step, known: string[]) {
  const token = users[s.who].token;
  if (s.kind === "create") {
    const documentId = docs[s.doc].id;
    return call(spans.POST, {
      method: "POST",
      path: `/api/v1/documents/${documentId}/annotations${s.gold ? "?layer=gold" : ""}`,
      token,
      params: { id: documentId },
      body: { start: s.start, end: s.end, label: s.label },
    });
  }
  const id = known.length ? known[s.pick % known.length] : "no-such-annotation";
  const row = await db.annotation.findUnique({ where: { id }, select: { version: true } });
  const version = row ? row.version - (s.stale ? 1 : 0) : 1;
  if (s.kind === "update") {
    return call(span.PATCH, {
      method: "PATCH",
      path: `/api/v1/annotations/${id}`,
      token,
      params: { id },
      body: { start: s.start, end: s.end, label: s.label, version },
    });
  }
  return call(span.DELETE, { method: "DELETE", path: `/api/v1/annotations/${id}?version=${version}`, token, params: { id } });
}

async function checkInvariants(layerOwners: Map<string, Set<string>>) {
  const rows = await db.annotation.findMany({ where: { layer: { documentId: { in: [docs.mine.id, docs.foreign.id] } } }, include: { layer: true } });
  for (const a of rows) {
    const text = a.layer.documentId === docs.mine.id ? docs.mine.text : docs.foreign.text;
    const points = cps(text);
    expect(0 <= a.start && a.start < a.end && a.end <= points.length, `offsets ${a.start}..${a.end}`).toBe(true);
    expect(a.text).toBe(points.slice(a.start, a.end).join(""));
    for (const actorId of layerOwners.get(a.layerId) ?? []) {
      const actor = (Object.keys(users) as Who[]).find((k) => users[k].user.id === actorId)!;
      expect(mayWrite(actor, a.layer), `${actor} changed layer ${a.layer.slot}`).toBe(true);
    }
  }
}

describe(`span API fuzzing on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("keeps every invariant through random call sequences from several users and roles", async () => {
    const seen = new Map<string, number>(); // "create 201", "update 409"… over all runs: the fuzzing reached both sides of every rule
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
        const known: string[] = [];
        const accepted = new Map<string, number>(); // annotation id → accepted changes
        const layerOwners = new Map<string, Set<string>>(); // layer id → who changed it
        for (const s of steps) {
          const res = await run(s, known);
          seen.set(`${s.kind} ${res.status}`, (seen.get(`${s.kind} ${res.status}`) ?? 0) + 1);
          expect(ALLOWED.has(res.status), `${JSON.stringify(s)} answered ${res.status}: ${res.text}`).toBe(true);
          if (res.status >= 400) expect(res.json.error?.code, res.text).toBeTruthy();
          if (res.status === 201 || res.status === 200 || res.status === 204) {
            const id = res.status === 204 || s.kind !== "create" ? known[(s as { pick: number }).pick % known.length] : (res.json.id as string);
            if (s.kind === "create") known.push(id);
            accepted.set(id, (accepted.get(id) ?? 0) + 1);
            const row = await db.annotation.findUnique({ where: { id }, select: { layerId: true } });
            if (row) layerOwners.set(row.layerId, (layerOwners.get(row.layerId) ?? new Set()).add(users[s.who].user.id));
            else expect(s.kind).toBe("delete");
            if (s.kind === "create") expect(mayWrite(s.who, { slot: s.gold ? "gold" : userSlot(users[s.who].user.id), documentId: docs[s.doc].id })).toBe(true);
          }
          await checkInvariants(layerOwners);
        }
        for (const [id, n] of accepted) {
          expect(await db.auditEvent.count({ where: { subject: "ANNOTATION", subjectId: id } }), `audit events of ${id}`).toBe(n);
        }
      }),
      { numRuns: 20, seed: 20261202 },
    );
    for (const outcome of ["create 201", "create 404", "create 422", "update 200", "update 409", "delete 204"])
      expect(seen.get(outcome) ?? 0, `${outcome} never happened: ${JSON.stringify([...seen])}`).toBeGreaterThan(0);
  }, 120_000);
});
