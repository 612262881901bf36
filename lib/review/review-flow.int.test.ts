import { pseudonym } from "@/lib/review/blind";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser, makeDocument, makeProject } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { ownLayerFeedback } from "@/lib/review/own-feedback";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as annotation from "@/app/api/v1/annotations/[id]/route";
import * as submit from "@/app/api/v1/documents/[id]/submit/route";
import * as review from "@/app/api/v1/documents/[id]/review/route";
import * as merge from "@/app/api/v1/documents/[id]/review/merge/route";
import * as approve from "@/app/api/v1/documents/[id]/review/approve/route";
import * as accept from "@/app/api/v1/annotations/[id]/accept/route";
import * as rejectSpan from "@/app/api/v1/annotations/[id]/reject/route";
import * as rejectLayer from "@/app/api/v1/layers/[id]/reject/route";
import * as queue from "@/app/api/v1/review/queue/route";
import * as history from "@/app/api/v1/documents/[id]/history/route";
import * as exporter from "@/app/api/v1/export/route";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, reviewer: Ctx, alice: Ctx, bob: Ctx;

const TEXT = "Sergey V. Lavrov met John Kerry in Baghdad 😀 on Tuesday.";
const span = (text: string, label: string) => {
  const cps = Array.from(TEXT);
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(text))).length;
  return { start, end: start + Array.from(text).length, text: cps.slice(start, start + Array.from(text).length).join(""), label };
};

type IdHandler = (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
const post = (handler: IdHandler, path: string, token: string, id: string, body: unknown = {}) =>
  call(handler, { method: "POST", path, token, params: { id }, body });

async function annotate(who: Ctx, documentId: string, text: string, label: string, layer = "own") {
  const res = await post(annotations.POST, `/api/v1/documents/${documentId}/annotations?layer=${layer}`, who.token, documentId, span(text, label));
  return res;
}

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  reviewer = await makeUser("REVIEWER");
  alice = await makeUser("ANNOTATOR");
  bob = await makeUser("ANNOTATOR");
});

/** Every page of the reviewer's waiting queue (other test files leave submitted documents in the same database). */
async function waitingQueue(token: string) {
  const items: { id: string; submitted: number }[] = [];
  let cursor: string | null = null;
  do {
    const res = await call(queue.GET as never, { path: `/api/v1/review/queue?limit=100${cursor ? `&cursor=${cursor}` : ""}`, token });
    items.push(...(res.json.items as { id: string; submitted: number }[]));
    cursor = res.json.nextCursor as string | null;
  } while (cursor);
  return items;
}

describe(`review flow on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("submits, merges agreement, adjudicates, sends back, resubmits, approves and exports gold", async () => {
    const project = await makeProject();
    const doc = await makeDocument(admin.actor, { project: project.slug, text: TEXT });

    for (const who of [alice, bob]) {
      expect((await annotate(who, doc.id, "Sergey V. Lavrov", "PERSON")).status).toBe(201);
      expect((await annotate(who, doc.id, "Baghdad", "GPE")).status).toBe(201);
    }
    const aliceKerry = await annotate(alice, doc.id, "John Kerry", "PERSON");
    const bobKerry = await annotate(bob, doc.id, "John Kerry", "ORG");
    const bobTuesday = await annotate(bob, doc.id, "Tuesday", "DATE");

    // Nobody edits another's layer; annotators never touch gold.
    const foreign = await call(annotation.PATCH as never, {
      method: "PATCH",
      path: `/api/v1/annotations/${aliceKerry.json.id}`,
      token: reviewer.token,
      params: { id: aliceKerry.json.id },
      body: { label: "ORG" },
    });
    expect(foreign.status).toBe(404);
    expect((await annotate(alice, doc.id, "Tuesday", "DATE", "gold")).status).toBe(403);
    expect((await post(accept.POST, "/x", alice.token, String(aliceKerry.json.id))).status).toBe(403);

    // Not in the queue until submitted.
    expect((await waitingQueue(reviewer.token)).some((d) => d.id === doc.id)).toBe(false);
    expect((await post(merge.POST, "/x", reviewer.token, doc.id, { threshold: "unanimous" })).status).toBe(409);

    for (const who of [alice, bob]) expect((await post(submit.POST, "/x", who.token, doc.id)).json.status).toBe("SUBMITTED");
    expect((await annotate(alice, doc.id, "Tuesday", "DATE")).status).toBe(409); // frozen once submitted
    const row = (await waitingQueue(reviewer.token)).find((d) => d.id === doc.id);
    expect(row?.submitted).toBe(2);

    const merged = await post(merge.POST, "/x", reviewer.token, doc.id, { threshold: "unanimous" });
    expect(merged.status).toBe(200);
    expect(merged.json).toMatchObject({ layers: 2, merged: 2, alreadyInGold: 0, leftToAdjudicate: 3 });
    const again = await post(merge.POST, "/x", reviewer.token, doc.id, { threshold: "unanimous" });
    expect(again.json).toMatchObject({ merged: 0, alreadyInGold: 2 });

    // Adjudicate the disagreements: Kerry is a PERSON, Tuesday goes in, Kerry-as-ORG is rejected.
    expect((await post(accept.POST, "/x", reviewer.token, String(aliceKerry.json.id))).json.created).toBe(true);
    expect((await post(accept.POST, "/x", reviewer.token, String(bobTuesday.json.id))).status).toBe(200);
    expect((await post(rejectSpan.POST, "/x", reviewer.token, String(bobKerry.json.id))).status).toBe(200);

    const view = await call(review.GET as never, { path: "/x", token: reviewer.token, params: { id: doc.id } });
    const gold = view.json.gold as { annotations: { label: string; text: string }[] };
    expect(gold.annotations.map((a) => `${a.label}:${a.text}`).sort()).toEqual(["DATE:Tuesday", "GPE:Baghdad", "PERSON:John Kerry", "PERSON:Sergey V. Lavrov"]);
    const candidates = view.json.candidates as { label: string; agreed: boolean; support: { reviewState: string }[] }[];
    expect(candidates.filter((c) => !c.agreed).length).toBe(3);
    expect(candidates.find((c) => c.label === "ORG")?.support[0].reviewState).toBe("REJECTED");

    // Reviewer edits gold directly (not annotators' layers).
    const goldDate = (view.json.gold as { annotations: { id: string; label: string; version: number }[] }).annotations.find((a) => a.label === "DATE")!;
    const edited = await call(annotation.PATCH as never, {
      method: "PATCH",
      path: "/x",
      token: reviewer.token,
      params: { id: goldDate.id },
      body: { label: "EVENT", version: goldDate.version },
    });
    expect(edited.status).toBe(200);
    expect(edited.json.label).toBe("EVENT");

    // Send Bob's layer back; he sees why, fixes, resubmits.
    const layers = view.json.layers as { id: string; name: string; status: string }[];
    const bobLayer = (await db.layer.findFirstOrThrow({ where: { documentId: doc.id, userId: bob.user.id } })).id;
    expect(layers.map((l) => l.id)).toContain(bobLayer);
    expect((await post(rejectLayer.POST, "/x", reviewer.token, bobLayer, { comment: "" })).status).toBe(400);
    // The comment may point at spans of the layer it sends back, and only of that layer.
    const comment = "John Kerry is a person, not an organisation.";
    const foreignSpan = await post(rejectLayer.POST, "/x", reviewer.token, bobLayer, { comment, spanIds: [String(aliceKerry.json.id)] });
    expect(foreignSpan.status).toBe(422);
    expect(foreignSpan.json.error?.message).toMatch(/Not a span of this layer/);
    expect((await db.layer.findUniqueOrThrow({ where: { id: bobLayer } })).status).toBe("SUBMITTED");
    const sent = await post(rejectLayer.POST, "/x", reviewer.token, bobLayer, { comment, spanIds: [String(bobKerry.json.id)] });
    expect(sent.json.status).toBe("REJECTED");
    const pointed = [{ id: String(bobKerry.json.id), ...span("John Kerry", "ORG") }];
    expect(await ownLayerFeedback({ actor: bob.actor, documentId: doc.id })).toMatchObject({ decision: "REJECT", comment, spans: pointed });
    const afterSend = await call(review.GET as never, { path: "/x", token: reviewer.token, params: { id: doc.id } });
    const bobView = (afterSend.json.layers as { id: string; lastDecision: { spans: unknown[] } }[]).find((l) => l.id === bobLayer);
    expect(bobView?.lastDecision.spans).toEqual(pointed);
    expect((await post(approve.POST, "/x", reviewer.token, doc.id)).status).toBe(409);
    expect((await post(rejectLayer.POST, "/x", reviewer.token, bobLayer, { comment: "again" })).status).toBe(409);

    const fixed = await call(annotation.PATCH as never, {
      method: "PATCH",
      path: "/x",
      token: bob.token,
      params: { id: String(bobKerry.json.id) },
      body: { label: "PERSON" },
    });
    expect(fixed.status).toBe(200);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: String(bobKerry.json.id) } })).reviewState).toBe("PENDING");
    // the comment keeps what it pointed at as it was
    expect((await ownLayerFeedback({ actor: bob.actor, documentId: doc.id }))?.spans).toEqual(pointed);
    expect((await post(submit.POST, "/x", bob.token, doc.id)).json.status).toBe("SUBMITTED");

    const approved = await post(approve.POST, "/x", reviewer.token, doc.id, { comment: "Good work" });
    expect(approved.json).toMatchObject({ approvedLayers: 2 });
    expect((await annotate(reviewer, doc.id, "Sergey", "PERSON", "gold")).status).toBe(409); // gold frozen once approved
    const statuses = await db.layer.findMany({ where: { documentId: doc.id }, select: { kind: true, status: true } });
    expect(statuses.every((l) => l.status === "APPROVED")).toBe(true);

    // The default export is the approved gold layer.
    const exported = await call(exporter.GET as never, { path: `/api/v1/export?project=${project.slug}`, token: reviewer.token });
    const records = exported.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; text: string; spans: { start: number; end: number; text: string; label: string; layer: string }[] });
    const rec = records.find((r) => r.id === doc.id)!;
    expect(rec.spans.map((s) => `${s.label}:${s.text}`).sort()).toEqual(["EVENT:Tuesday", "GPE:Baghdad", "PERSON:John Kerry", "PERSON:Sergey V. Lavrov"]);
    for (const s of rec.spans) {
      expect(s.layer).toBe("gold");
      expect(Array.from(rec.text).slice(s.start, s.end).join("")).toBe(s.text);
    }

    // Every step is in the document's history, with before and after.
    const hist = await call(history.GET as never, { path: "/x?limit=500", token: reviewer.token, params: { id: doc.id } });
    const events = hist.json.items as { actor: string; subject: string; action: string; before: unknown; after: unknown }[];
    const kinds = new Set(events.map((e) => `${e.subject}:${e.action}`));
    for (const k of [
      "ANNOTATION:CREATE",
      "ANNOTATION:UPDATE",
      "LAYER:SUBMIT",
      "REVIEW:MERGE_AGREED",
      "REVIEW:ACCEPT",
      "REVIEW:REJECT_SPAN",
      "REVIEW:REJECT",
      "REVIEW:APPROVE",
      "LAYER:APPROVE",
    ]) {
      expect(kinds, k).toContain(k);
    }
    const rejectEvent = events.find((e) => e.subject === "REVIEW" && e.action === "REJECT")!;
    expect(rejectEvent.after).toMatchObject({ status: "REJECTED", comment: "John Kerry is a person, not an organisation." });
    expect(rejectEvent.before).toMatchObject({ status: "SUBMITTED" });
    expect((await call(history.GET as never, { path: "/x", token: alice.token, params: { id: doc.id } })).status).toBe(403);
    const jsonl = await call(history.GET as never, { path: "/x?format=jsonl", token: admin.token, params: { id: doc.id } });
    expect(jsonl.headers.get("content-type")).toContain("ndjson");
    expect(jsonl.text.trim().split("\n").length).toBe(events.length);
  });

  it("hides annotator names from reviewers under blind review, in the review and the history", async () => {
    const project = await makeProject();
    await db.project.update({ where: { id: project.id }, data: { blindReview: true } });
    const doc = await makeDocument(admin.actor, { project: project.slug, text: TEXT });
    await annotate(alice, doc.id, "Baghdad", "GPE");
    await annotate(bob, doc.id, "Baghdad", "GPE");
    const view = await call(review.GET as never, { path: "/x", token: reviewer.token, params: { id: doc.id } });
    const body = JSON.stringify(view.json);
    expect((view.json.layers as { name: string }[]).map((l) => l.name)).toEqual([
      pseudonym(project.id, alice.user.id).name,
      pseudonym(project.id, bob.user.id).name,
    ]);
    expect(body).not.toContain(alice.user.name);
    expect(body).not.toContain(bob.user.name);
    const hist = await call(history.GET as never, { path: "/x", token: reviewer.token, params: { id: doc.id } });
    expect(JSON.stringify(hist.json)).not.toContain(alice.user.name);
  });

  it("answers 404 for other projects' documents and unknown layers", async () => {
    const outsider = await makeUser("REVIEWER");
    const project = await makeProject();
    const doc = await makeDocument(admin.actor, { project: project.slug, text: TEXT });
    await db.projectMember.deleteMany({ where: { projectId: project.id, userId: outsider.user.id } });
    expect((await call(review.GET as never, { path: "/x", token: outsider.token, params: { id: doc.id } })).status).toBe(404);
    expect((await post(rejectLayer.POST, "/x", reviewer.token, "nope-nope-nope", { comment: "x" })).status).toBe(404);
    expect((await post(approve.POST, "/x", reviewer.token, doc.id)).status).toBe(409);
  });
});
