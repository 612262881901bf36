import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseProvider, databaseUrl } from "@/lib/db/url";
import { makeDocument, makeProject, makeUser } from "@/lib/testing/factories";
import { SseReader } from "@/lib/testing/sse-reader";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation, updateAnnotation } from "@/lib/annotations/update-annotation";
import { loadActiveActor } from "@/lib/auth/actor";
import type { Bus } from "@/lib/realtime/bus";
import type { BusMessage, DeliveredDocumentEvent, PresenceEvent, Viewer } from "@/lib/realtime/events";
import { Hub, getBus } from "@/lib/realtime/hub";
import { LISTEN_APPLICATION_NAME, PgBus } from "@/lib/realtime/pg-bus";
import { openDocumentStream } from "@/lib/realtime/open-document-stream";
import { MAX_STREAMS_PER_USER } from "@/lib/realtime/stream-quota";
import * as eventsRoute from "@/app/api/v1/documents/[id]/events/route";

const onPostgres = databaseProvider() === "postgresql";
type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, ann: Ctx, other: Ctx, reviewer: Ctx;
const opened: Bus[] = [];
const aborts: AbortController[] = [];

/** A bus of its own: on PostgreSQL a second LISTEN connection; in SQLite mode the process's one in-memory bus. */
function anotherBus(): Bus {
  if (!onPostgres) return getBus();
  const bus = new PgBus(databaseUrl());
  opened.push(bus);
  return bus;
}

function collect(bus: Bus, documentId: string) {
  const got: DeliveredDocumentEvent[] = [];
  bus.subscribe((msg: BusMessage) => {
    if (msg.kind === "document" && msg.event.documentId === documentId) got.push(msg.event);
  });
  return got;
}

async function until(check: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  ann = await makeUser("ANNOTATOR");
  other = await makeUser("ANNOTATOR");
  reviewer = await makeUser("REVIEWER");
});

afterAll(async () => {
  for (const a of aborts) a.abort();
  for (const bus of opened) await bus.close();
  await getBus().close();
});

describe(`live events on ${databaseProvider()}`, () => {
  it(`delivers create, update and delete of an annotation to every subscriber${onPostgres ? " (two LISTEN connections)" : ""}`, async () => {
    const doc = await makeDocument(admin.actor, { text: "Sergey V. Lavrov 😀 met John Kerry in Baghdad." });
    const buses = onPostgres ? [getBus(), anotherBus()] : [getBus()];
    const received = buses.map((bus) => collect(bus, doc.id));
    await Promise.all(buses.map((b) => b.ready()));

    const input = { id: "live-test-0001", start: 0, end: 16, label: "PERSON", text: "Sergey V. Lavrov" };
    const { annotation } = await createAnnotation({ actor: ann.actor, documentId: doc.id, input });
    const retried = await createAnnotation({ actor: ann.actor, documentId: doc.id, input }); // a client retry: no second event
    expect(retried.created).toBe(false);
    expect(annotation.id).toMatch(/\.live-test-0001$/); // the client's id, in its namespace
    await updateAnnotation({ actor: ann.actor, annotationId: annotation.id, input: { label: "ORG", version: 1 } });
    await deleteAnnotation({ actor: ann.actor, annotationId: annotation.id, version: 2 });

    for (const got of received) {
      await until(() => got.length >= 3, "three events");
      expect(got.map((e) => e.type)).toEqual(["annotation.created", "annotation.updated", "annotation.deleted"]);
      const layer = await db.layer.findFirstOrThrow({ where: { documentId: doc.id, userId: ann.user.id } });
      for (const e of got) {
        expect(e).toMatchObject({
          documentId: doc.id,
          projectId: doc.projectId,
          layerId: layer.id,
          layerKind: "ANNOTATOR",
          layerUserId: ann.user.id,
          actorId: ann.user.id,
        });
      }
      expect(got[0]).toMatchObject({ annotation: { id: annotation.id, start: 0, end: 16, text: "Sergey V. Lavrov", label: "PERSON", version: 1 } });
      expect(got[1]).toMatchObject({ annotation: { id: annotation.id, label: "ORG", version: 2 } });
      expect(got[2]).toMatchObject({ annotationId: annotation.id });
    }
  });

  it("publishes nothing for a write that fails (stale version)", async () => {
    const doc = await makeDocument(admin.actor);
    const got = collect(getBus(), doc.id);
    await getBus().ready();
    const { annotation } = await createAnnotation({ actor: ann.actor, documentId: doc.id, input: { start: 0, end: 6, label: "PERSON" } });
    await expect(updateAnnotation({ actor: ann.actor, annotationId: annotation.id, input: { label: "ORG", version: 7 } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await deleteAnnotation({ actor: ann.actor, annotationId: annotation.id });
    await until(() => got.length >= 2, "two events");
    expect(got.map((e) => e.type)).toEqual(["annotation.created", "annotation.deleted"]);
  });

  it("shares presence between two hubs and sends each subscriber only the layers they may see", async () => {
    const doc = await makeDocument(admin.actor);
    const hubA = new Hub(anotherBus());
    const hubB = new Hub(anotherBus());
    const streams: Record<string, (DeliveredDocumentEvent | PresenceEvent)[]> = {};
    const open = (hub: Hub, name: string, ctx: Ctx) => {
      streams[name] = [];
      return hub.connect({
        documentId: doc.id,
        viewer: { userId: ctx.user.id, name: ctx.user.name, role: ctx.actor.role },
        access: { subscriber: { id: ctx.user.id, role: ctx.actor.role }, project: { id: doc.projectId, showOtherLayers: false } },
        send: (e) => streams[name].push(e),
      });
    };
    const lastViewers = (name: string) => (streams[name].filter((e) => e.type === "presence").at(-1) as PresenceEvent | undefined)?.viewers ?? [];
    const tabsOf = (viewers: Viewer[]) => Object.fromEntries(viewers.map((v) => [v.userId, v.tabs]));
    try {
      await Promise.all([hubA.ready(), hubB.ready()]);
      open(hubA, "annTab1", ann);
      const otherOnB = open(hubB, "other", other);
      open(hubB, "annTab2", ann);
      open(hubB, "reviewer", reviewer);
      const everyone = { [ann.user.id]: 2, [other.user.id]: 1, [reviewer.user.id]: 1 };
      await until(
        () => JSON.stringify(tabsOf(lastViewers("annTab1"))) === JSON.stringify(tabsOf(lastViewers("reviewer"))) && lastViewers("annTab1").length === 3,
        "presence on both hubs",
      );
      expect(tabsOf(lastViewers("annTab1"))).toEqual(everyone);
      expect(tabsOf(lastViewers("other"))).toEqual(everyone);

      otherOnB.close();
      await until(() => lastViewers("annTab1").length === 2, "the viewer who left to disappear");
      expect(tabsOf(lastViewers("annTab1"))).toEqual({ [ann.user.id]: 2, [reviewer.user.id]: 1 });

      const { annotation } = await createAnnotation({ actor: ann.actor, documentId: doc.id, input: { start: 0, end: 6, label: "PERSON" } });
      const isMine = (e: DeliveredDocumentEvent | PresenceEvent) => e.type === "annotation.created" && "annotation" in e && e.annotation.id === annotation.id;
      await until(
        () => streams.annTab1.some(isMine) && streams.annTab2.some(isMine) && streams.reviewer.some(isMine),
        "the event on both tabs and the reviewer",
      );
      // The other annotator (projects hide layers by default) got none, though connected when it was sent... until they left.
      expect(streams.other.some((e) => e.type !== "presence")).toBe(false);
    } finally {
      hubA.stop();
      hubB.stop();
    }
  });

  it("streams hello, presence and visible changes over GET /documents/:id/events, and 404s documents the caller may not open", async () => {
    const doc = await makeDocument(admin.actor);
    const project = await makeProject();
    const hiddenDoc = await makeDocument(admin.actor, { project: project.slug });
    await db.projectMember.deleteMany({ where: { projectId: project.id, userId: ann.user.id } });

    const get = (documentId: string, token?: string) => {
      const ac = new AbortController();
      aborts.push(ac);
      const req = new Request(`http://localhost/api/v1/documents/${documentId}/events`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        signal: ac.signal,
      });
      return eventsRoute.GET(req, { params: Promise.resolve({ id: documentId }) });
    };
    expect((await get(doc.id, "mrg_revoked-or-made-up")).status).toBe(401);
    expect((await get(hiddenDoc.id, ann.token)).status).toBe(404);
    expect((await get("no-such-document", ann.token)).status).toBe(404);

    const res = await get(doc.id, ann.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    expect(res.headers.get("cache-control")).toContain("no-transform");
    const mine = new SseReader(res.body!);
    const theirs = new SseReader((await get(doc.id, other.token)).body!);
    const first = await mine.waitFor(() => true);
    expect(first.event).toBe("hello");
    expect(first.data).toMatchObject({ type: "hello", userId: ann.user.id, documentId: doc.id });
    await mine.waitFor<PresenceEvent>(
      (e) => e.event === "presence" && e.data.viewers.some((v) => v.userId === other.user.id),
      10_000,
      "the other annotator in presence",
    );

    const { annotation } = await createAnnotation({ actor: ann.actor, documentId: doc.id, input: { start: 0, end: 6, label: "PERSON" } });
    const created = await mine.waitFor<{ annotation: { id: string } }>(
      (e) => e.event === "annotation.created" && e.data.annotation.id === annotation.id,
      10_000,
      "annotation.created",
    );
    expect(created.data).toMatchObject({ annotation: { start: 0, end: 6, label: "PERSON" } });
    // The other annotator's own change reaches them; the first annotator's never did (it came earlier on the same channel).
    const own = await createAnnotation({ actor: other.actor, documentId: doc.id, input: { start: 7, end: 9, label: "PERSON" } });
    await theirs.waitFor<{ annotation: { id: string } }>(
      (e) => e.event === "annotation.created" && e.data.annotation.id === own.annotation.id,
      10_000,
      "their own event",
    );
    expect(theirs.of<{ annotation: { id: string } }>("annotation.created").map((e) => e.annotation.id)).toEqual([own.annotation.id]);
    expect(mine.of<{ annotation: { id: string } }>("annotation.created").map((e) => e.annotation.id)).toEqual([annotation.id]);
  });

  it("caps the live streams one user holds open (429 with the API's error shape), and frees a slot when a stream closes", async () => {
    const doc = await makeDocument(admin.actor);
    const heavy = await makeUser("ANNOTATOR");
    const open = (ac: AbortController) =>
      eventsRoute.GET(
        new Request(`http://localhost/api/v1/documents/${doc.id}/events`, { headers: { authorization: `Bearer ${heavy.token}` }, signal: ac.signal }),
        { params: Promise.resolve({ id: doc.id }) },
      );
    const held: AbortController[] = [];
    for (let i = 0; i < MAX_STREAMS_PER_USER; i++) {
      const ac = new AbortController();
      held.push(ac);
      aborts.push(ac);
      expect((await open(ac)).status).toBe(200);
    }
    const refused = await open(new AbortController());
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
    const other = new AbortController();
    aborts.push(other);
    expect(
      (
        await eventsRoute.GET(
          new Request(`http://localhost/api/v1/documents/${doc.id}/events`, { headers: { authorization: `Bearer ${ann.token}` }, signal: other.signal }),
          { params: Promise.resolve({ id: doc.id }) },
        )
      ).status,
    ).toBe(200); // others are not affected
    held[0].abort();
    const again = new AbortController();
    aborts.push(again);
    expect((await open(again)).status).toBe(200);
  });

  it("re-checks access while streaming: the project setting opens other layers, deactivation ends the stream", async () => {
    const doc = await makeDocument(admin.actor);
    const watcher = await makeUser("ANNOTATOR");
    const ac = new AbortController();
    aborts.push(ac);
    const hub = new Hub(anotherBus());
    try {
      const stream = await openDocumentStream({
        actor: watcher.actor,
        documentId: doc.id,
        signal: ac.signal,
        recheck: () => loadActiveActor(watcher.user.id),
        hub,
        pingMs: 100,
      });
      const reader = new SseReader(stream);
      await reader.waitFor((e) => e.event === "presence");
      await db.project.update({ where: { id: doc.projectId }, data: { showOtherLayers: true } });
      await new Promise((r) => setTimeout(r, 400)); // a few pings pick up the setting
      const { annotation } = await createAnnotation({ actor: ann.actor, documentId: doc.id, input: { start: 0, end: 6, label: "PERSON" } });
      await reader.waitFor<{ annotation: { id: string } }>(
        (e) => e.event === "annotation.created" && e.data.annotation.id === annotation.id,
        10_000,
        "another layer's event once layers are shown",
      );
      await db.user.update({ where: { id: watcher.user.id }, data: { active: false } });
      await until(() => reader.ended, "the stream of a deactivated user to end");
    } finally {
      hub.stop();
    }
  });

  if (onPostgres) {
    it("keeps listening after the LISTEN connection is killed (reconnects with backoff)", async () => {
      const doc = await makeDocument(admin.actor);
      const bus = anotherBus();
      const got = collect(bus, doc.id);
      await bus.ready();
      const reconnected = new Promise<void>((resolve) => bus.onReconnect(resolve));
      const killed = await db.$queryRaw<{ n: bigint }[]>`
        SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity
        WHERE application_name = ${LISTEN_APPLICATION_NAME} AND datname = current_database()`;
      expect(Number(killed[0].n)).toBeGreaterThan(0);
      await reconnected;
      await createAnnotation({ actor: ann.actor, documentId: doc.id, input: { start: 0, end: 6, label: "PERSON" } });
      await until(() => got.length === 1, "an event after the reconnect");
    });
  }
});
