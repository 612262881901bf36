import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser, makeProject, makeDocument, spanAt } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { exportRecords } from "@/lib/export/stream-export";
import { pseudonym } from "@/lib/review/blind";
import { GOLD_SLOT } from "@/lib/domain/enums";
import { openStancesAndLinks, reviewStancesAndLinks } from "@/lib/review/review-stances";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as docStances from "@/app/api/v1/documents/[id]/stances/route";
import * as quoteRoute from "@/app/api/v1/annotations/[id]/quote/route";
import * as submit from "@/app/api/v1/documents/[id]/submit/route";
import * as review from "@/app/api/v1/documents/[id]/review/route";
import * as merge from "@/app/api/v1/documents/[id]/review/merge/route";
import * as approve from "@/app/api/v1/documents/[id]/review/approve/route";
import * as acceptSpan from "@/app/api/v1/annotations/[id]/accept/route";
import * as rejectSpan from "@/app/api/v1/annotations/[id]/reject/route";
import * as acceptStance from "@/app/api/v1/stances/[id]/accept/route";
import * as rejectStance from "@/app/api/v1/stances/[id]/reject/route";
import * as acceptLink from "@/app/api/v1/annotations/[id]/quote/accept/route";
import * as rejectLink from "@/app/api/v1/annotations/[id]/quote/reject/route";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, reviewer: Ctx, alice: Ctx, bob: Ctx;

// an astral character first: code points and UTF-16 units differ for every offset after it
const TEXT = '𝔸 John Kerry said: "This is not yet coordinated." Sergey V. Lavrov agreed and Interfax reported it.';

type IdHandler = (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
const post = (handler: IdHandler, token: string, id: string, body: unknown = {}) =>
  call(handler, { method: "POST", path: `/x/${id}`, token, params: { id }, body });

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  reviewer = await makeUser("REVIEWER");
  alice = await makeUser("ANNOTATOR");
  bob = await makeUser("ANNOTATOR");
});

async function span(who: Ctx, documentId: string, needle: string, label: string) {
  const res = await post(annotations.POST, who.token, documentId, spanAt(TEXT, needle, label));
  expect(res.status).toBe(201);
  return res.json as { id: string; start: number; end: number; version: number };
}

async function stance(who: Ctx, documentId: string, body: Record<string, unknown>) {
  const res = await post(docStances.POST, who.token, documentId, body);
  expect(res.status).toBe(201);
  return res.json as { id: string; version: number };
}

async function link(who: Ctx, quoteId: string, cueId: string | null, speakerId: string | null) {
  const res = await call(quoteRoute.PUT, { method: "PUT", path: "/x", token: who.token, params: { id: quoteId }, body: { cueId, speakerId, version: 1 } });
  expect(res.status).toBe(200);
}

/** Two annotators on one document: stances (one agreed, one disputed) and a quote whose speaker they dispute. */
async function setup() {
  const project = await makeProject();
  const doc = await makeDocument(admin.actor, { text: TEXT, project: project.slug });
  const kerry = await db.canonicalEntity.create({ data: { projectId: project.id, name: "John Kerry", type: "PERSON" } });
  const lavrov = await db.canonicalEntity.create({ data: { projectId: project.id, name: "Sergey V. Lavrov", type: "PERSON" } });
  const target = await db.stanceTarget.create({ data: { projectId: project.id, text: "the four-country intelligence cell" } });
  const made: Record<
    string,
    { evidence: { id: string }; agreed: { id: string; version: number }; disputed: { id: string; version: number }; quote: { id: string } }
  > = {};
  for (const [who, name, lavrovPolarity] of [
    [alice, "alice", "FAVOR"],
    [bob, "bob", "AGAINST"],
  ] as const) {
    const evidence = await span(who, doc.id, "This is not yet coordinated.", "EVENT");
    const agreedEvidence = await span(who, doc.id, "agreed", "EVENT");
    const quote = await span(who, doc.id, '"This is not yet coordinated."', "QUOTE");
    const cue = await span(who, doc.id, "said", "CUE");
    const speaker = await span(who, doc.id, name === "alice" ? "John Kerry" : "Interfax", name === "alice" ? "PERSON" : "ORG");
    await link(who, quote.id, cue.id, speaker.id);
    const agreed = await stance(who, doc.id, { holderId: kerry.id, targetId: target.id, polarity: "AGAINST", confidence: 0.8, evidence: [evidence.id] });
    const disputed = await stance(who, doc.id, {
      holderId: lavrov.id,
      targetId: target.id,
      polarity: lavrovPolarity,
      confidence: 0.6,
      evidence: [agreedEvidence.id],
    });
    made[name] = { evidence, agreed, disputed, quote };
  }
  return { project, doc, kerry, lavrov, target, alice: made.alice, bob: made.bob };
}

const submitBoth = async (documentId: string) => {
  for (const who of [alice, bob]) expect((await post(submit.POST, who.token, documentId)).status).toBe(200);
};
const goldLayerOf = (documentId: string) => db.layer.findUnique({ where: { documentId_slot: { documentId, slot: GOLD_SLOT } } });

describe(`stances and quote links in review on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("lists stances side by side, merges the agreed one, accepts, replaces and rejects the disputed one, with evidence in gold", async () => {
    const { doc, kerry, lavrov, target, alice: a, bob: b } = await setup();
    // not handed in yet: nothing to decide on
    expect((await post(acceptStance.POST, reviewer.token, a.disputed.id)).status).toBe(409);
    await submitBoth(doc.id);

    const before = await call(review.GET as never, { path: "/x", token: reviewer.token, params: { id: doc.id } });
    const candidates = (before.json.stances as { candidates: unknown }).candidates as {
      holder: { id: string };
      agreement: string;
      entries: { id: string; polarity: string; evidence: { text: string }[] }[];
    }[];
    expect(candidates).toHaveLength(2);
    const agreedC = candidates.find((c) => c.holder.id === kerry.id)!;
    const disputedC = candidates.find((c) => c.holder.id === lavrov.id)!;
    expect(agreedC.agreement).toBe("agreed");
    expect(disputedC.agreement).toBe("disagreed");
    expect(disputedC.entries.map((e) => e.polarity).sort()).toEqual(["AGAINST", "FAVOR"]);
    expect(agreedC.entries[0].evidence[0].text).toBe("This is not yet coordinated.");
    // what approving warns about: both stances and both quote links are open
    expect(openStancesAndLinks(await reviewStancesAndLinks(doc, reviewer.actor))).toEqual(["2 stances", "2 quote links"]);

    // the merge puts the agreed stance into gold, with its evidence copied into gold
    const merged = await post(merge.POST, reviewer.token, doc.id, { threshold: "unanimous" });
    expect(merged.status).toBe(200);
    expect(merged.json.stances).toEqual({ merged: 1, alreadyInGold: 0, leftToAdjudicate: 1 });
    const gold = (await goldLayerOf(doc.id))!;
    const goldStances = await db.stance.findMany({ where: { layerId: gold.id }, include: { evidence: { include: { annotation: true } } } });
    expect(goldStances).toHaveLength(1);
    expect(goldStances[0]).toMatchObject({ holderId: kerry.id, targetId: target.id, polarity: "AGAINST", confidence: 0.8, reviewState: "ACCEPTED" });
    expect([a.agreed.id, b.agreed.id]).toContain(goldStances[0].originId);
    expect(goldStances[0].evidence.map((e) => e.annotation.layerId)).toEqual([gold.id]);
    expect(goldStances[0].evidence[0].annotation.text).toBe("This is not yet coordinated.");
    expect((await db.stance.findUniqueOrThrow({ where: { id: b.agreed.id } })).reviewState).toBe("ACCEPTED");
    expect((await post(merge.POST, reviewer.token, doc.id, { threshold: "unanimous" })).json.stances).toEqual({
      merged: 0,
      alreadyInGold: 1,
      leftToAdjudicate: 1,
    });

    // errors: unknown, a gold stance, stale version, bad body, not a reviewer
    expect((await post(acceptStance.POST, reviewer.token, "nope")).status).toBe(404);
    expect((await post(acceptStance.POST, reviewer.token, goldStances[0].id)).status).toBe(404);
    expect((await post(acceptStance.POST, reviewer.token, a.disputed.id, { version: a.disputed.version + 1 })).status).toBe(409);
    expect((await post(acceptStance.POST, reviewer.token, a.disputed.id, { version: "one" })).status).toBe(400);
    expect((await post(acceptStance.POST, reviewer.token, a.disputed.id, { other: 1 })).status).toBe(400);
    expect((await post(acceptStance.POST, alice.token, a.disputed.id)).status).toBe(403);

    // accept Alice's FAVOR, then Bob's AGAINST replaces it (one gold stance per holder → target)
    const acceptedA = await post(acceptStance.POST, reviewer.token, a.disputed.id, { version: a.disputed.version });
    expect(acceptedA.status).toBe(200);
    expect(acceptedA.json).toMatchObject({ created: true, gold: { polarity: "FAVOR", layer: "gold", holder: { id: lavrov.id } } });
    const goldA = await db.stance.findUniqueOrThrow({
      where: { id: (acceptedA.json.gold as { id: string }).id },
      include: { evidence: { include: { annotation: true } } },
    });
    expect(goldA.originId).toBe(a.disputed.id);
    expect(goldA.evidence.map((e) => [e.annotation.layerId, e.annotation.text])).toEqual([[gold.id, "agreed"]]);
    const acceptedB = await post(acceptStance.POST, reviewer.token, b.disputed.id);
    expect(acceptedB.json).toMatchObject({ created: false, gold: { id: goldA.id, polarity: "AGAINST" } });
    expect((await db.stance.findUniqueOrThrow({ where: { id: goldA.id } })).originId).toBe(b.disputed.id);
    // the evidence span is in gold once, not twice
    expect(await db.annotation.count({ where: { layerId: gold.id, text: "agreed" } })).toBe(1);

    // the review marks where each stance stands
    const mid = await call(review.GET as never, { path: "/x", token: reviewer.token, params: { id: doc.id } });
    const midC = (
      (mid.json.stances as { candidates: unknown }).candidates as { holder: { id: string }; gold: { polarity: string; originId: string } | null }[]
    ).find((c) => c.holder.id === lavrov.id)!;
    expect(midC.gold).toMatchObject({ polarity: "AGAINST", originId: b.disputed.id });

    // rejecting Bob's takes the gold stance accepted from it out again
    const rejected = await post(rejectStance.POST, reviewer.token, b.disputed.id);
    expect(rejected.status).toBe(200);
    expect(rejected.json.removedFromGold).toEqual([goldA.id]);
    expect(await db.stance.count({ where: { layerId: gold.id } })).toBe(1);
    expect((await db.stance.findUniqueOrThrow({ where: { id: b.disputed.id } })).reviewState).toBe("REJECTED");
    // Alice's rejected too: nothing in gold for Lavrov
    expect((await post(rejectStance.POST, reviewer.token, a.disputed.id)).json.removedFromGold).toEqual([]);

    const audit = await db.auditEvent.findMany({
      where: { documentId: doc.id, subject: { in: ["REVIEW", "STANCE"] } },
      select: { subject: true, action: true },
    });
    const actions = audit.map((e) => `${e.subject}:${e.action}`);
    for (const expected of ["REVIEW:ACCEPT_STANCE", "REVIEW:REJECT_STANCE", "STANCE:CREATE", "STANCE:UPDATE", "STANCE:DELETE", "REVIEW:MERGE_AGREED"]) {
      expect(actions).toContain(expected);
    }

    // once approved, gold is read-only
    expect((await post(approve.POST, reviewer.token, doc.id)).status).toBe(200);
    expect((await post(acceptStance.POST, reviewer.token, a.disputed.id)).status).toBe(409);
  });

  it("carries quote links into gold, lists them with agreement, accepts and rejects them", async () => {
    const { doc, alice: a, bob: b } = await setup();
    await submitBoth(doc.id);
    const quoteLinks = async () =>
      (await call(review.GET as never, { path: "/x", token: reviewer.token, params: { id: doc.id } })).json.quoteLinks as {
        speaker: { text: string } | null;
        cue: { text: string } | null;
        agreed: boolean;
        state: string;
        support: { annotationId: string }[];
      }[];
    const listed = await quoteLinks();
    expect(listed.map((l) => [l.cue?.text, l.speaker?.text, l.agreed, l.state]).sort()).toEqual([
      ["said", "Interfax", false, "open"],
      ["said", "John Kerry", false, "open"],
    ]);

    // the quote span is agreed but its speaker is not: the merge leaves it to the reviewer
    await post(merge.POST, reviewer.token, doc.id, { threshold: "unanimous" });
    const gold = (await goldLayerOf(doc.id))!;
    const quoteLabel = await db.label.findFirstOrThrow({ where: { project: { documents: { some: { id: doc.id } } }, name: "QUOTE" } });
    expect(await db.annotation.count({ where: { layerId: gold.id, labelId: quoteLabel.id } })).toBe(0);

    // rejecting a link before gold has the quote: nothing to keep it out of yet
    expect((await post(rejectLink.POST, reviewer.token, b.quote.id)).status).toBe(409);
    // not a quote
    expect((await post(acceptLink.POST, reviewer.token, a.evidence.id)).status).toBe(422);
    expect((await post(acceptLink.POST, reviewer.token, "nope")).status).toBe(404);
    expect((await post(acceptLink.POST, bob.token, a.quote.id)).status).toBe(403);

    const accepted = await post(acceptLink.POST, reviewer.token, a.quote.id);
    expect(accepted.status).toBe(200);
    const goldQuote = await db.annotation.findUniqueOrThrow({ where: { id: (accepted.json.gold as { annotationId: string }).annotationId } });
    expect(goldQuote.layerId).toBe(gold.id);
    const goldCue = await db.annotation.findUniqueOrThrow({ where: { id: goldQuote.quoteCueId! } });
    const goldSpeaker = await db.annotation.findUniqueOrThrow({ where: { id: goldQuote.quoteSpeakerId! } });
    expect([goldCue.layerId, goldCue.text, goldSpeaker.layerId, goldSpeaker.text]).toEqual([gold.id, "said", gold.id, "John Kerry"]);
    expect((await quoteLinks()).map((l) => [l.speaker?.text, l.state]).sort()).toEqual([
      ["Interfax", "overruled"],
      ["John Kerry", "in-gold"],
    ]);

    // Bob's link instead: the same gold quote now points at gold's copy of Bob's speaker
    const switched = await post(acceptLink.POST, reviewer.token, b.quote.id);
    expect((switched.json.gold as { annotationId: string }).annotationId).toBe(goldQuote.id);
    const afterSwitch = await db.annotation.findUniqueOrThrow({ where: { id: goldQuote.id } });
    expect((await db.annotation.findUniqueOrThrow({ where: { id: afterSwitch.quoteSpeakerId! } })).text).toBe("Interfax");
    expect(afterSwitch.quoteCueId).toBe(goldCue.id);

    // rejecting Alice's link changes nothing (gold does not carry it); rejecting Bob's takes it off
    expect((await post(rejectLink.POST, reviewer.token, a.quote.id)).json).toEqual({ removedFromGold: false, goldQuoteId: goldQuote.id });
    expect((await post(rejectLink.POST, reviewer.token, b.quote.id)).json).toEqual({ removedFromGold: true, goldQuoteId: goldQuote.id });
    const unlinked = await db.annotation.findUniqueOrThrow({ where: { id: goldQuote.id } });
    expect([unlinked.quoteCueId, unlinked.quoteSpeakerId]).toEqual([null, null]);
    expect((await quoteLinks()).map((l) => l.state)).toEqual(["rejected", "rejected"]);

    const audit = await db.auditEvent.findMany({ where: { documentId: doc.id }, select: { subject: true, action: true } });
    const actions = audit.map((e) => `${e.subject}:${e.action}`);
    for (const expected of ["REVIEW:ACCEPT_QUOTE_LINK", "REVIEW:REJECT_QUOTE_LINK", "ANNOTATION:QUOTE"]) expect(actions).toContain(expected);
  });

  it("accepting a quote span brings its cue and speaker along, linked to their gold copies", async () => {
    const { doc, alice: a } = await setup();
    await submitBoth(doc.id);
    const res = await post(acceptSpan.POST, reviewer.token, a.quote.id);
    expect(res.status).toBe(200);
    const goldQuote = await db.annotation.findUniqueOrThrow({ where: { id: (res.json.gold as { id: string }).id } });
    expect(goldQuote.originId).toBe(a.quote.id);
    const linked = await db.annotation.findMany({ where: { id: { in: [goldQuote.quoteCueId!, goldQuote.quoteSpeakerId!] } } });
    expect(linked.map((l) => [l.layerId, l.text]).sort()).toEqual([
      [goldQuote.layerId, "John Kerry"],
      [goldQuote.layerId, "said"],
    ]);

    // rejecting the speaker span takes it out of gold, and the gold quote's link to it with it
    const speaker = await db.annotation.findUniqueOrThrow({ where: { id: a.quote.id } });
    expect((await post(rejectSpan.POST, reviewer.token, speaker.quoteSpeakerId!)).status).toBe(200);
    const after = await db.annotation.findUniqueOrThrow({ where: { id: goldQuote.id } });
    expect([after.quoteCueId, after.quoteSpeakerId]).toEqual([goldQuote.quoteCueId, null]);
  });

  it("exports gold stances and quote links of approved documents by default, evidence at gold spans", async () => {
    const { project, doc, kerry, target, alice: a } = await setup();
    await submitBoth(doc.id);
    await post(merge.POST, reviewer.token, doc.id, { threshold: "unanimous" });
    await post(acceptLink.POST, reviewer.token, a.quote.id);
    expect((await post(approve.POST, reviewer.token, doc.id)).status).toBe(200);

    const records = [];
    for await (const r of exportRecords({ actor: admin.actor, options: { project: project.slug } })) records.push(r);
    const record = records.find((r) => r.id === doc.id)!;
    expect(record.spans.every((s) => s.layer === "gold")).toBe(true);
    expect(record.stances).toHaveLength(1);
    const st = record.stances[0];
    expect(st).toMatchObject({
      layer: "gold",
      annotator: null,
      holder: { id: kerry.id, name: "John Kerry" },
      target: { id: target.id, text: target.text },
      polarity: "AGAINST",
      confidence: 0.8,
    });
    const cps = Array.from(TEXT);
    const ids = new Set(record.spans.map((s) => s.id));
    for (const e of st.evidence) {
      expect(ids.has(e.annotation_id)).toBe(true);
      expect(cps.slice(e.start, e.end).join("")).toBe(e.text);
    }
    expect(st.evidence.map((e) => e.text)).toEqual(["This is not yet coordinated."]);
    // the same evidence in UTF-16 code units (the astral character first counts twice)
    const utf16 = [];
    for await (const r of exportRecords({ actor: admin.actor, options: { project: project.slug, offsets: "utf16" } })) utf16.push(r);
    const ev16 = utf16.find((r) => r.id === doc.id)!.stances[0].evidence[0];
    expect([ev16.start, ev16.end]).toEqual([st.evidence[0].start + 1, st.evidence[0].end + 1]);
    expect(TEXT.slice(ev16.start, ev16.end)).toBe(ev16.text);
    const quote = record.spans.find((s) => s.label === "QUOTE")!;
    const byId = new Map(record.spans.map((s) => [s.id, s]));
    expect(byId.get(quote.quote!.cue_id!)?.text).toBe("said");
    expect(byId.get(quote.quote!.speaker_id!)?.text).toBe("John Kerry");
  });

  it("names annotators by pseudonym in the stance review under blind review", async () => {
    const { project, doc } = await setup();
    await db.project.update({ where: { id: project.id }, data: { blindReview: true } });
    await submitBoth(doc.id);
    const res = await call(review.GET as never, { path: "/x", token: reviewer.token, params: { id: doc.id } });
    const names = (res.json.layers as { name: string }[]).map((l) => l.name).sort();
    expect(names).toEqual([pseudonym(project.id, alice.user.id).name, pseudonym(project.id, bob.user.id).name].sort());
    const body = JSON.stringify(res.json.stances) + JSON.stringify(res.json.quoteLinks);
    for (const who of [alice, bob]) {
      expect(body).not.toContain(who.user.id);
      expect(body).not.toContain(who.user.name);
    }
  });
});
