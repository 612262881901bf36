/** Thread changes arrive live on the document's stream, filtered like the threads themselves, mentions personal, names blind. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseProvider } from "@/lib/db/url";
import { makeDocument, makeProject, makeUser, spanAt } from "@/lib/testing/factories";
import { SseReader } from "@/lib/testing/sse-reader";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { loadActiveActor } from "@/lib/auth/actor";
import { Hub, getBus } from "@/lib/realtime/hub";
import { openDocumentStream } from "@/lib/realtime/open-document-stream";
import type { ThreadChanged } from "@/lib/realtime/events";
import { pseudonym } from "@/lib/review/blind";
import { createThread, replyToThread } from "./threads";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, reviewer: Ctx, alice: Ctx, bob: Ctx;
const aborts: AbortController[] = [];
const TEXT = "Sergey V. Lavrov met John Kerry in Baghdad.";

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  reviewer = await makeUser("REVIEWER");
  alice = await makeUser("ANNOTATOR");
  bob = await makeUser("ANNOTATOR");
});

afterAll(async () => {
  for (const a of aborts) a.abort();
  await getBus().close();
});

describe(`live thread events on ${databaseProvider()}`, () => {
  it("sends thread changes to those who may see the thread; mentions only to the mentioned; pseudonyms under blind review", async () => {
    const project = await makeProject();
    await db.project.update({ where: { id: project.id }, data: { blindReview: true } });
    const doc = await makeDocument(admin.actor, { project: project.slug, text: TEXT });
    const { annotation } = await createAnnotation({ actor: alice.actor, documentId: doc.id, input: spanAt(TEXT, "Baghdad", "GPE") });
    const hub = new Hub(getBus());
    try {
      const open = async (c: Ctx) => {
        const ac = new AbortController();
        aborts.push(ac);
        const stream = await openDocumentStream({ actor: c.actor, documentId: doc.id, signal: ac.signal, recheck: () => loadActiveActor(c.user.id), hub });
        const reader = new SseReader(stream);
        await reader.waitFor((e) => e.event === "presence");
        return reader;
      };
      const [toAlice, toBob, toReviewer] = [await open(alice), await open(bob), await open(reviewer)];

      const onSpan = await createThread({
        actor: alice.actor,
        documentId: doc.id,
        input: { anchor: { kind: "span", id: annotation.id }, body: `@${reviewer.user.name} city?` },
      });
      const seen = await toReviewer.waitFor<ThreadChanged>((e) => e.event === "thread.changed" && e.data.threadId === onSpan.id);
      expect(seen.data).toMatchObject({
        mentioned: [reviewer.user.id],
        actorId: pseudonym(project.id, alice.user.id).id,
        layerUserId: pseudonym(project.id, alice.user.id).id,
      });
      expect(JSON.stringify(toReviewer.of("thread.changed"))).not.toContain(alice.user.id);
      const own = await toAlice.waitFor<ThreadChanged>((e) => e.event === "thread.changed" && e.data.threadId === onSpan.id);
      expect(own.data).toMatchObject({ mentioned: [], actorId: alice.user.id });

      await replyToThread({ actor: reviewer.actor, threadId: onSpan.id, input: { body: `@${pseudonym(project.id, alice.user.id).name} yes` } });
      await toAlice.waitFor<ThreadChanged>((e) => e.event === "thread.changed" && e.data.mentioned[0] === alice.user.id, 10_000, "Alice's mention");

      const onDoc = await createThread({ actor: bob.actor, documentId: doc.id, input: { anchor: { kind: "document" }, body: "Which Lavrov?" } });
      await toBob.waitFor<ThreadChanged>((e) => e.event === "thread.changed" && e.data.threadId === onDoc.id);
      await toAlice.waitFor<ThreadChanged>((e) => e.event === "thread.changed" && e.data.threadId === onDoc.id);
      // Bob's stream carried the document thread, never Alice's span thread (events arrive in order)
      expect(toBob.of<ThreadChanged>("thread.changed").map((e) => e.threadId)).toEqual([onDoc.id]);
    } finally {
      hub.stop();
    }
  });
});
