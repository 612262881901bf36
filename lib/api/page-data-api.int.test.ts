import { beforeAll, describe, expect, it } from "vitest";
import { makeUser, makeDocument, makeAnnotatorLayer, makeGoldLayer, spanAt } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { db } from "@/lib/db";
import { readLayerSpans } from "@/lib/db/batched-read";
import * as text from "@/app/api/v1/documents/[id]/text/route";
import * as workbench from "@/app/api/v1/documents/[id]/workbench/route";
import * as reviewWorkbench from "@/app/api/v1/documents/[id]/review/workbench/route";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, alice: Ctx, bob: Ctx, reviewer: Ctx;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  alice = await makeUser("ANNOTATOR");
  bob = await makeUser("ANNOTATOR");
  reviewer = await makeUser("REVIEWER");
});

const TEXT = "😀 Lavrov met Kerry in Geneva. 👩‍👩‍👧 Kerry left.";

describe(`what the workbench pages fetch, on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("serves the text as UTF-8 with its hash as ETag, 304 when unchanged, 404 to strangers", async () => {
    const doc = await makeDocument(admin.actor, { text: TEXT });
    const res = await call(text.GET, { path: `/api/v1/documents/${doc.id}/text`, token: alice.token, params: { id: doc.id } });
    expect(res.status).toBe(200);
    expect(res.text).toBe(TEXT);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const etag = res.headers.get("etag");
    expect(etag).toBe(`"${doc.textHash}"`);
    const again = await call(text.GET, {
      path: `/api/v1/documents/${doc.id}/text`,
      token: alice.token,
      params: { id: doc.id },
      headers: { "if-none-match": etag! },
    });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    const missing = await call(text.GET, { path: "/api/v1/documents/nope/text", token: alice.token, params: { id: "nope" } });
    expect(missing.status).toBe(404);
    expect(missing.json.error?.code).toBe("NOT_FOUND");
  });

  it("gives an annotator the own layer in text order with status, and no other layers unless the project shows them", async () => {
    const doc = await makeDocument(admin.actor, { text: TEXT });
    const spans = [
      spanAt(TEXT, "Kerry", "PERSON", 1),
      spanAt(TEXT, "Lavrov", "PERSON"),
      spanAt(TEXT, "Lavrov met Kerry", "QUOTE"),
      spanAt(TEXT, "Geneva", "GPE"),
    ];
    await makeAnnotatorLayer(alice.actor, doc.id, { spans });
    await makeAnnotatorLayer(bob.actor, doc.id, { spans: [spanAt(TEXT, "Kerry", "PERSON")] });
    const res = await call(workbench.GET, { path: `/api/v1/documents/${doc.id}/workbench`, token: alice.token, params: { id: doc.id } });
    expect(res.status).toBe(200);
    const data = res.json as { layerStatus: string; annotations: { start: number; end: number; label: string; version: number }[]; overlays: unknown[] };
    expect(data.layerStatus).toBe("IN_PROGRESS");
    const [kerry2, lavrov, quote, geneva] = spans;
    expect(data.annotations.map((a) => ({ start: a.start, end: a.end, label: a.label }))).toEqual([quote, lavrov, geneva, kerry2]);
    expect(data.annotations.every((a) => a.version === 1)).toBe(true);
    expect(data.overlays).toEqual([]);
    await db.project.update({ where: { id: doc.projectId }, data: { showOtherLayers: true } });
    const shown = await call(workbench.GET, { path: `/api/v1/documents/${doc.id}/workbench`, token: alice.token, params: { id: doc.id } });
    expect((shown.json.overlays as { start: number; label: string; layerName: string }[]).map((o) => [o.start, o.label, o.layerName])).toEqual([
      [spanAt(TEXT, "Kerry", "PERSON").start, "PERSON", bob.user.name],
    ]);
  });

  it("reads a layer in batches without losing or repeating spans that share a start", async () => {
    const doc = await makeDocument(admin.actor, { text: TEXT });
    const spans = [
      spanAt(TEXT, "Lavrov", "PERSON"),
      spanAt(TEXT, "Lavrov met", "QUOTE"),
      spanAt(TEXT, "Lavrov met Kerry", "CUE"),
      spanAt(TEXT, "Kerry", "PERSON"),
      spanAt(TEXT, "Geneva", "GPE"),
    ];
    const layer = await makeAnnotatorLayer(alice.actor, doc.id, { spans });
    const all = await db.annotation.findMany({ where: { layerId: layer.id }, select: { id: true, start: true } });
    for (const take of [1, 2, 3]) {
      const got = await readLayerSpans(layer.id, (args) => db.annotation.findMany({ ...args, select: { id: true, start: true } }), take);
      expect(got.map((r) => r.id).sort()).toEqual(all.map((r) => r.id).sort());
      expect(got.map((r) => r.start)).toEqual([...got.map((r) => r.start)].sort((a, b) => a - b));
    }
  });

  it("gives a reviewer every annotator layer and gold, and refuses annotators", async () => {
    const doc = await makeDocument(admin.actor, { text: TEXT });
    await makeAnnotatorLayer(alice.actor, doc.id, { spans: [spanAt(TEXT, "Lavrov", "PERSON")], status: "SUBMITTED" });
    await makeAnnotatorLayer(bob.actor, doc.id, { spans: [spanAt(TEXT, "Kerry", "PERSON")] });
    await makeGoldLayer(reviewer.actor, doc.id, { spans: [spanAt(TEXT, "Geneva", "GPE")] });
    const res = await call(reviewWorkbench.GET, { path: `/api/v1/documents/${doc.id}/review/workbench`, token: reviewer.token, params: { id: doc.id } });
    expect(res.status).toBe(200);
    const data = res.json as {
      layers: { status: string; compared: boolean; annotations: { start: number; label: string }[] }[];
      gold: { status: string; annotations: { start: number; label: string }[] };
    };
    expect(data.layers.map((l) => [l.status, l.compared, l.annotations.map((a) => a.start)])).toEqual([
      ["SUBMITTED", true, [spanAt(TEXT, "Lavrov", "PERSON").start]],
      ["IN_PROGRESS", false, [spanAt(TEXT, "Kerry", "PERSON").start]],
    ]);
    expect(data.gold.annotations.map((a) => [a.start, a.label])).toEqual([[spanAt(TEXT, "Geneva", "GPE").start, "GPE"]]);
    expect(res.json).not.toHaveProperty("document");
    const refused = await call(reviewWorkbench.GET, { path: `/api/v1/documents/${doc.id}/review/workbench`, token: alice.token, params: { id: doc.id } });
    expect(refused.status).toBe(403);
  });
});
