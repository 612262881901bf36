import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeDocument, makeProject, makeUser, makeAnnotatorLayer } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import * as schemaRoute from "@/app/api/v1/projects/[id]/doc-labels/route";
import * as valuesRoute from "@/app/api/v1/documents/[id]/doc-labels/route";
import * as reviewRoute from "@/app/api/v1/documents/[id]/doc-labels/review/route";
import * as approveRoute from "@/app/api/v1/documents/[id]/review/approve/route";
import * as mergeRoute from "@/app/api/v1/documents/[id]/review/merge/route";
import * as exporter from "@/app/api/v1/export/route";
import { loadReviewDocLabels } from "./review-doc-labels";
import { projectAgreement } from "@/lib/agreement/project-agreement";
import { krippendorffAlpha } from "@/lib/agreement/krippendorff-alpha";
import { cohenKappa } from "@/lib/agreement/cohen-kappa";
import type { DocLabelSetView } from "./doc-label-schema";
import type { DocLabelLayerView, HeldChoice } from "./doc-label-values";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, ann: Ctx, other: Ctx, reviewer: Ctx, outsider: Ctx;
let project: { id: string; slug: string };

const getSchema = (token: string, id = project.id) => call(schemaRoute.GET, { path: `/api/v1/projects/${id}/doc-labels`, token, params: { id } });
const putSchema = (token: string, body: unknown, id = project.id) =>
  call(schemaRoute.PUT, { method: "PUT", path: `/api/v1/projects/${id}/doc-labels`, token, params: { id }, body });
const getValues = (token: string, id: string) => call(valuesRoute.GET, { path: `/api/v1/documents/${id}/doc-labels`, token, params: { id } });
const decide = (token: string, id: string, body: unknown) =>
  call(reviewRoute.POST, { method: "POST", path: `/api/v1/documents/${id}/doc-labels/review`, token, params: { id }, body });
const approve = (token: string, id: string) =>
  call(approveRoute.POST, { method: "POST", path: `/api/v1/documents/${id}/review/approve`, token, params: { id }, body: {} });
const merge = (token: string, id: string, threshold = "unanimous") =>
  call(mergeRoute.POST, { method: "POST", path: `/api/v1/documents/${id}/review/merge`, token, params: { id }, body: { threshold } });
const goldChoices = async (documentId: string) =>
  (await db.docLabelValue.findMany({ where: { layer: { documentId, kind: "GOLD" } }, include: { choice: true } })).map((v) => v.choice.name).sort();
const putValues = (token: string, id: string, body: unknown) =>
  call(valuesRoute.PUT, { method: "PUT", path: `/api/v1/documents/${id}/doc-labels`, token, params: { id }, body });

const TOPIC = {
  name: "Topic",
  description: "What the article is mainly about",
  multiple: true,
  choices: [{ name: "Politics", hotkey: "p" }, { name: "Economy", hotkey: "E", description: "markets, trade, budgets" }, { name: "Sport" }],
};
const RELEVANCE = {
  name: "Relevance",
  choices: [
    { name: "Relevant", hotkey: "R" },
    { name: "Irrelevant", hotkey: "I" },
  ],
};

let sets: DocLabelSetView[];
/** the document approved in the review test, exported after */
let approvedDoc: string;
/** A set as read, as it is sent back in a save (without the counts). */
const asInput = (s: DocLabelSetView, choices = s.choices) => ({
  id: s.id,
  name: s.name,
  description: s.description,
  multiple: s.multiple,
  archived: s.archived,
  choices: choices.map(({ values: _, ...c }) => c),
});
const choice = (set: string, name: string) => sets.find((s) => s.name === set)!.choices.find((c) => c.name === name)!.id;

beforeAll(async () => {
  [admin, ann, other, reviewer, outsider] = await Promise.all([
    makeUser("ADMIN"),
    makeUser("ANNOTATOR"),
    makeUser("ANNOTATOR"),
    makeUser("REVIEWER"),
    makeUser("ANNOTATOR"),
  ]);
  project = await makeProject();
  for (const u of [ann, other, reviewer]) {
    await db.projectMember.upsert({
      where: { projectId_userId: { projectId: project.id, userId: u.user.id } },
      create: { projectId: project.id, userId: u.user.id },
      update: {},
    });
  }
  await db.projectMember.deleteMany({ where: { projectId: project.id, userId: outsider.user.id } });
});

describe(`document labels on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("saves the whole schema in one go, for admins only, with hotkeys upper-cased and every set audited", async () => {
    expect((await putSchema(reviewer.token, { sets: [TOPIC] })).status).toBe(403);
    expect((await putSchema(outsider.token, { sets: [TOPIC] })).status).toBe(403);
    const res = await putSchema(admin.token, { sets: [TOPIC, RELEVANCE] });
    expect(res.status).toBe(200);
    sets = res.json.sets as DocLabelSetView[];
    expect(sets.map((s) => [s.name, s.multiple])).toEqual([
      ["Topic", true],
      ["Relevance", false],
    ]);
    expect(sets[0].choices.map((c) => [c.name, c.hotkey, c.description])).toEqual([
      ["Politics", "P", ""],
      ["Economy", "E", "markets, trade, budgets"],
      ["Sport", null, ""],
    ]);
    // any member reads it; outsiders do not see the project
    expect(((await getSchema(ann.token)).json.sets as DocLabelSetView[]).length).toBe(2);
    expect((await getSchema(outsider.token)).status).toBe(404);
    expect(await db.auditEvent.count({ where: { subject: "DOC_LABEL_SET", projectId: project.id, action: "CREATE" } })).toBe(2);
  });

  it("refuses duplicate and lookalike names, clashing hotkeys, span-label digits and unknown ids", async () => {
    const bad = async (body: unknown, status: number, field?: string) => {
      const res = await putSchema(admin.token, body);
      expect(res.status, JSON.stringify(res.json)).toBe(status);
      if (field) expect((res.json.error as { details?: { field: string } }).details?.field).toBe(field);
      return res;
    };
    await bad({ sets: [TOPIC, { ...RELEVANCE, name: "topic" }] }, 422, "sets.1.name");
    await bad({ sets: [{ ...RELEVANCE, choices: [{ name: "Relevant" }, { name: "Re\u217Cevant" }] }] }, 422, "sets.0.choices.1.name");
    await bad({ sets: [TOPIC, { ...RELEVANCE, choices: [{ name: "Relevant", hotkey: "p" }] }] }, 422, "sets.1.choices.0.hotkey");
    await bad({ sets: [{ ...RELEVANCE, choices: [{ name: "Relevant", hotkey: "1" }] }] }, 400);
    await bad({ sets: [{ ...RELEVANCE, choices: [{ name: "Rele,vant" }] }] }, 400);
    await bad({ sets: [{ id: "nope", ...RELEVANCE }] }, 422, "sets.0.id");
    await bad({ sets: [{ ...RELEVANCE, extra: 1 }] }, 400);
    // an archived choice gives its key up
    const ok = await putSchema(admin.token, {
      sets: [
        asInput(
          sets[0],
          sets[0].choices.map((c) => ({ ...c, archived: c.name === "Politics" })),
        ),
        { ...asInput(sets[1]), choices: [...asInput(sets[1]).choices, { name: "Partly", hotkey: "P" }] },
      ],
    });
    expect(ok.status, JSON.stringify(ok.json)).toBe(200);
    sets = ok.json.sets as DocLabelSetView[];
    // and back, leaving "Partly" out: unused, so removed
    const back = await putSchema(admin.token, {
      sets: [
        asInput(
          sets[0],
          sets[0].choices.map((c) => ({ ...c, archived: false })),
        ),
        asInput(
          sets[1],
          sets[1].choices.filter((c) => c.name !== "Partly"),
        ),
      ],
    });
    expect(back.status, JSON.stringify(back.json)).toBe(200);
    sets = back.json.sets as DocLabelSetView[];
    expect(sets[1].choices.map((c) => c.name)).toEqual(["Relevant", "Irrelevant"]);
    expect(sets[0].choices.every((c) => !c.archived)).toBe(true);
  });

  it("sets an annotator's own choices: single-choice rule, unknown and archived choices, locked layers, audit", async () => {
    const doc = await makeDocument(admin.actor, { project: project.slug });
    const res = await putValues(ann.token, doc.id, { choices: [choice("Topic", "Politics"), choice("Topic", "Economy"), choice("Relevance", "Relevant")] });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect((res.json.values as HeldChoice[]).map((v) => v.choice).sort()).toEqual(["Economy", "Politics", "Relevant"]);
    expect(res.json.status).toBe("IN_PROGRESS");
    const layer = await db.layer.findUniqueOrThrow({ where: { id: res.json.layerId as string } });
    expect([layer.kind, layer.userId, layer.status]).toEqual(["ANNOTATOR", ann.user.id, "IN_PROGRESS"]);

    const two = await putValues(ann.token, doc.id, { choices: [choice("Relevance", "Relevant"), choice("Relevance", "Irrelevant")] });
    expect(two.status).toBe(422);
    expect(two.json.error?.message).toMatch(/Relevance takes one choice/);
    expect((await putValues(ann.token, doc.id, { choices: ["no-such-choice"] })).status).toBe(422);
    expect((await putValues(ann.token, doc.id, { choices: "x" })).status).toBe(400);
    // a choice of another project is unknown here
    const elsewhere = await makeProject();
    const foreign = await putSchema(admin.token, { sets: [RELEVANCE] }, elsewhere.id);
    const foreignId = (foreign.json.sets as DocLabelSetView[])[0].choices[0].id;
    expect((await putValues(ann.token, doc.id, { choices: [foreignId] })).status).toBe(422);
    // the refused writes changed nothing
    expect(await db.docLabelValue.count({ where: { layerId: layer.id } })).toBe(3);

    const changed = await putValues(ann.token, doc.id, { choices: [choice("Topic", "Sport"), choice("Relevance", "Irrelevant")] });
    expect((changed.json.values as HeldChoice[]).map((v) => v.choice).sort()).toEqual(["Irrelevant", "Sport"]);
    const audits = await db.auditEvent.findMany({ where: { subject: "DOC_LABEL", documentId: doc.id }, orderBy: { createdAt: "asc" } });
    expect(audits.length).toBe(2);
    expect(audits[1].after).toEqual({ layer: "own", choices: expect.arrayContaining(["Topic: Sport", "Relevance: Irrelevant"]) });
    // the same list again is no change and no audit row
    await putValues(ann.token, doc.id, { choices: [choice("Topic", "Sport"), choice("Relevance", "Irrelevant")] });
    expect(await db.auditEvent.count({ where: { subject: "DOC_LABEL", documentId: doc.id } })).toBe(2);

    // archived choices: kept where held, refused where new
    const topic = sets[0];
    await putSchema(admin.token, {
      sets: [
        asInput(
          topic,
          topic.choices.map((c) => ({ ...c, archived: c.name !== "Politics" })),
        ),
        asInput(sets[1]),
      ],
    });
    expect((await putValues(ann.token, doc.id, { choices: [choice("Topic", "Sport"), choice("Relevance", "Relevant")] })).status).toBe(200);
    const arch = await putValues(ann.token, doc.id, { choices: [choice("Topic", "Economy")] });
    expect(arch.status).toBe(422);
    expect(arch.json.error?.message).toMatch(/archived/);
    // leaving a used choice out of a save archives it instead of removing it
    const left = await putSchema(admin.token, {
      sets: [
        asInput(
          topic,
          topic.choices.filter((c) => c.name !== "Sport").map((c) => ({ ...c, archived: false })),
        ),
        asInput(sets[1]),
      ],
    });
    expect(left.status, JSON.stringify(left.json)).toBe(200);
    const sport = (left.json.sets as DocLabelSetView[])[0].choices.find((c) => c.name === "Sport")!;
    expect([sport.archived, sport.values]).toEqual([true, 1]);
    sets = left.json.sets as DocLabelSetView[];

    // submitted: frozen like spans
    await makeAnnotatorLayer(ann.actor, doc.id, { status: "SUBMITTED" });
    const locked = await putValues(ann.token, doc.id, { choices: [] });
    expect(locked.status).toBe(409);
    // gold is for reviewers
    expect((await putValues(ann.token, doc.id, { layer: "gold", choices: [] })).status).toBe(403);
    expect((await putValues(outsider.token, doc.id, { choices: [] })).status).toBe(404);
  });

  it("shows each caller the layers they may see, under pseudonyms in blind review", async () => {
    const doc = await makeDocument(admin.actor, { project: project.slug });
    await putValues(ann.token, doc.id, { choices: [choice("Relevance", "Relevant")] });
    await putValues(other.token, doc.id, { choices: [choice("Relevance", "Irrelevant")] });
    await putValues(reviewer.token, doc.id, { layer: "gold", choices: [choice("Relevance", "Relevant")] });

    const seen = async (token: string) => (await getValues(token, doc.id)).json.layers as DocLabelLayerView[];
    const mine = await seen(ann.token);
    expect(mine.map((l) => [l.kind, l.values.map((v) => v.choice)])).toEqual([["own", ["Relevant"]]]);
    const asReviewer = await seen(reviewer.token);
    expect(asReviewer.map((l) => l.kind).sort()).toEqual(["annotator", "annotator", "gold"]);
    expect(asReviewer.find((l) => l.kind === "gold")!.values[0].reviewState).toBe("ACCEPTED");
    expect(asReviewer.map((l) => l.annotator?.name)).toContain(ann.user.name);
    const schema = (await getValues(ann.token, doc.id)).json.sets as DocLabelSetView[];
    expect(schema.every((s) => !s.archived && s.choices.every((c) => !c.archived))).toBe(true);

    await db.project.update({ where: { id: project.id }, data: { showOtherLayers: true, blindReview: true } });
    try {
      expect((await seen(ann.token)).map((l) => l.kind).sort()).toEqual(["annotator", "own"]);
      const blind = await seen(reviewer.token);
      expect(blind.map((l) => l.annotator?.name)).not.toContain(ann.user.name);
      expect(blind.filter((l) => l.kind === "annotator").every((l) => l.annotator!.name.startsWith("Annotator "))).toBe(true);
      expect((await seen(admin.token)).map((l) => l.annotator?.name)).toContain(ann.user.name);
    } finally {
      await db.project.update({ where: { id: project.id }, data: { showOtherLayers: false, blindReview: false } });
    }
    expect((await getValues(outsider.token, doc.id)).status).toBe(404);
  });

  it("reviews into gold: side by side with agreement, accept and reject, agreed ones merged on approval", async () => {
    const doc = await makeDocument(admin.actor, { project: project.slug });
    await putValues(ann.token, doc.id, { choices: [choice("Relevance", "Relevant"), choice("Topic", "Politics"), choice("Topic", "Economy")] });
    await putValues(other.token, doc.id, { choices: [choice("Relevance", "Relevant"), choice("Topic", "Politics")] });
    // not submitted yet: nothing compared, nothing merged
    const early = await loadReviewDocLabels({ actor: reviewer.actor, documentId: doc.id });
    expect(early.comparison.every((c) => !c.agreed)).toBe(true);
    expect((await merge(reviewer.token, doc.id)).status).toBe(409);
    await makeAnnotatorLayer(ann.actor, doc.id, { status: "SUBMITTED" });
    await makeAnnotatorLayer(other.actor, doc.id, { status: "SUBMITTED" });

    const data = await loadReviewDocLabels({ actor: reviewer.actor, documentId: doc.id });
    const agreed = Object.fromEntries(data.sets.map((s, i) => [s.name, data.comparison[i].agreed]));
    expect(agreed).toEqual({ Topic: false, Relevance: true });
    const topic = data.comparison[data.sets.findIndex((s) => s.name === "Topic")];
    expect(topic.support[choice("Topic", "Politics")].length).toBe(2);
    expect(topic.support[choice("Topic", "Economy")].length).toBe(1);
    expect(data.layers.map((l) => l.name).sort()).toEqual([ann.user.name, other.user.name].sort());

    // annotators cannot decide; reviewers can
    expect((await decide(ann.token, doc.id, { choiceId: choice("Topic", "Economy"), decision: "accept" })).status).toBe(403);
    expect((await decide(reviewer.token, doc.id, { choiceId: "nope", decision: "accept" })).status).toBe(422);
    expect((await decide(reviewer.token, doc.id, { choiceId: choice("Topic", "Economy"), decision: "maybe" })).status).toBe(400);
    const acc = await decide(reviewer.token, doc.id, { choiceId: choice("Topic", "Economy"), decision: "accept" });
    expect(acc.status, JSON.stringify(acc.json)).toBe(200);
    expect(await goldChoices(doc.id)).toEqual(["Economy"]);
    expect((await db.docLabelValue.findFirstOrThrow({ where: { choiceId: choice("Topic", "Economy"), layer: { userId: ann.user.id } } })).reviewState).toBe(
      "ACCEPTED",
    );
    // accepting the other choice of a single-choice set replaces gold's
    await decide(reviewer.token, doc.id, { choiceId: choice("Relevance", "Irrelevant"), decision: "accept" });
    await decide(reviewer.token, doc.id, { choiceId: choice("Relevance", "Relevant"), decision: "accept" });
    expect(await goldChoices(doc.id)).toEqual(["Economy", "Relevant"]);
    // rejecting takes a choice out of gold, and a rejected choice is not merged back by agreement
    await decide(reviewer.token, doc.id, { choiceId: choice("Relevance", "Relevant"), decision: "reject" });
    expect(await goldChoices(doc.id)).toEqual(["Economy"]);
    expect(await db.auditEvent.count({ where: { documentId: doc.id, subject: "REVIEW", action: { in: ["ACCEPT_DOC_LABEL", "REJECT_DOC_LABEL"] } } })).toBe(4);

    approvedDoc = doc.id;
    const approved = await approve(reviewer.token, doc.id);
    expect(approved.status, JSON.stringify(approved.json)).toBe(200);
    // Politics was unanimous; Relevant was rejected by the reviewer
    expect(await goldChoices(doc.id)).toEqual(["Economy", "Politics"]);
    expect(await db.auditEvent.count({ where: { documentId: doc.id, action: "MERGE_AGREED_DOC_LABELS" } })).toBe(1);
    // approved: gold is read-only
    expect((await decide(reviewer.token, doc.id, { choiceId: choice("Topic", "Sport"), decision: "accept" })).status).toBe(409);
    expect((await putValues(reviewer.token, doc.id, { layer: "gold", choices: [] })).status).toBe(409);
  });

  it("merges agreed document labels with the review's merge, by majority when asked", async () => {
    const third = await makeUser("ANNOTATOR");
    await db.projectMember.upsert({
      where: { projectId_userId: { projectId: project.id, userId: third.user.id } },
      create: { projectId: project.id, userId: third.user.id },
      update: {},
    });
    const doc = await makeDocument(admin.actor, { project: project.slug });
    await putValues(ann.token, doc.id, { choices: [choice("Relevance", "Irrelevant")] });
    await putValues(other.token, doc.id, { choices: [choice("Relevance", "Irrelevant")] });
    await putValues(third.token, doc.id, { choices: [choice("Relevance", "Relevant")] });
    for (const u of [ann, other, third]) await makeAnnotatorLayer(u.actor, doc.id, { status: "SUBMITTED" });
    const unanimous = await merge(reviewer.token, doc.id);
    expect(unanimous.json.docLabelsMerged).toBe(0);
    const majority = await merge(reviewer.token, doc.id, "majority");
    expect(majority.json.docLabelsMerged).toBe(1);
    expect(await goldChoices(doc.id)).toEqual(["Irrelevant"]);
  });

  it("exports gold's document labels of approved documents in every format", async () => {
    const get = async (query: string) => {
      const res = await call(exporter.GET, { path: `/api/v1/export?project=${project.slug}&${query}`, token: admin.token });
      expect(res.status, res.text).toBe(200);
      return res.text;
    };
    const lines = (text: string) =>
      text
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((r) => !("manifest" in r) && r.type !== "manifest");

    const native = lines(await get("format=native"));
    // only the approved document, gold by default
    expect(native.map((r) => r.id)).toEqual([approvedDoc]);
    expect(native[0].doc_labels).toEqual({ Topic: ["Politics", "Economy"], Relevance: [] });
    expect(native[0].doc_label_sets).toBeUndefined();
    expect((native[0].layers as { layer: string; doc_labels: unknown }[]).map((l) => [l.layer, l.doc_labels])).toEqual([
      ["gold", { Topic: ["Politics", "Economy"], Relevance: [] }],
    ]);

    const [spacy] = lines(await get("format=spacy"));
    expect(spacy.cats).toEqual({ Politics: 1, Economy: 1, Relevant: 0, Irrelevant: 0 });
    const [doccano] = lines(await get("format=doccano"));
    expect(doccano.cats).toEqual(["Politics", "Economy"]);
    const [task] = JSON.parse(await get("format=label-studio")) as {
      annotations: { result: { type: string; from_name: string; value: unknown }[]; ground_truth: boolean }[];
    }[];
    expect(task.annotations[0].ground_truth).toBe(true);
    expect(task.annotations[0].result.filter((r) => r.type === "choices")).toEqual([
      expect.objectContaining({ from_name: "Topic", to_name: "text", type: "choices", value: { choices: ["Politics", "Economy"] } }),
    ]);

    // every annotator's layer as it stands: labels per layer, none at the top
    const all = lines(await get("format=native&layer=annotators&status=all")).find((r) => r.id === approvedDoc)!;
    expect(all.doc_labels).toBeUndefined();
    const byName = Object.fromEntries((all.layers as { annotator: { name: string }; doc_labels: unknown }[]).map((l) => [l.annotator.name, l.doc_labels]));
    expect(byName[ann.user.name]).toEqual({ Topic: ["Politics", "Economy"], Relevance: ["Relevant"] });
    expect(byName[other.user.name]).toEqual({ Topic: ["Politics"], Relevance: ["Relevant"] });
    const perLayer = lines(await get("format=spacy&layer=annotators&status=all")).filter(
      (r) => (r.meta as { document_id: string }).document_id === approvedDoc,
    );
    expect(perLayer.map((r) => r.cats)).toContainEqual({ Politics: 1, Economy: 0, Relevant: 1, Irrelevant: 0 });
  });

  it("counts agreement per label set on the dashboard, from stored cells kept current as labels change", async () => {
    const p = await makeProject();
    for (const u of [ann, other, reviewer]) {
      await db.projectMember.upsert({
        where: { projectId_userId: { projectId: p.id, userId: u.user.id } },
        create: { projectId: p.id, userId: u.user.id },
        update: {},
      });
    }
    const saved = (await putSchema(admin.token, { sets: [RELEVANCE, { ...TOPIC, choices: TOPIC.choices.map((c) => ({ ...c, hotkey: null })) }] }, p.id)).json
      .sets as DocLabelSetView[];
    const id = (set: string, name: string) => saved.find((s) => s.name === set)!.choices.find((c) => c.name === name)!.id;
    // four documents; the annotators agree on relevance in three, and pick topics
    const plan: [string[], string[]][] = [
      [
        ["Relevant", "Politics"],
        ["Relevant", "Politics"],
      ],
      [
        ["Relevant", "Economy"],
        ["Irrelevant", "Economy", "Sport"],
      ],
      [["Irrelevant"], ["Irrelevant"]],
      [
        ["Relevant", "Politics", "Sport"],
        ["Relevant", "Sport"],
      ],
    ];
    const names = (list: string[]) => list.map((n) => id(["Relevant", "Irrelevant"].includes(n) ? "Relevance" : "Topic", n));
    const docs = [];
    for (const [a, b] of plan) {
      const doc = await makeDocument(admin.actor, { project: p.slug });
      docs.push(doc);
      expect((await putValues(ann.token, doc.id, { choices: names(a) })).status).toBe(200);
      expect((await putValues(other.token, doc.id, { choices: names(b) })).status).toBe(200);
    }
    const figures = async (includeInProgress: boolean) =>
      Object.fromEntries((await projectAgreement({ actor: reviewer.actor, projectId: p.id, includeInProgress })).docLabels.map((s) => [s.name, s]));
    // nothing submitted: nothing counted
    expect((await figures(false)).Relevance).toMatchObject({ documents: 0, alpha: null, kappa: null });

    const rel = (i: 0 | 1) => plan.map((d) => d[i].find((n) => n === "Relevant" || n === "Irrelevant") ?? null);
    const live = await figures(true);
    expect(live.Relevance.documents).toBe(4);
    expect(live.Relevance.alpha).toBeCloseTo(krippendorffAlpha([rel(0), rel(1)], "nominal"), 9);
    expect(live.Relevance.kappa).toBeCloseTo(cohenKappa(rel(0), rel(1)), 9);
    // topics: documents where someone chose one (not the third), one yes/no unit per choice
    const topicUnits = (i: 0 | 1) =>
      plan
        .filter((d) => d.some((l) => l.some((n) => TOPIC.choices.some((c) => c.name === n))))
        .flatMap((d) => TOPIC.choices.map((c) => Number(d[i].includes(c.name))));
    expect(live.Topic.documents).toBe(3);
    expect(live.Topic.alpha).toBeCloseTo(krippendorffAlpha([topicUnits(0), topicUnits(1)], "nominal"), 9);
    expect(live.Topic.kappa).toBeCloseTo(cohenKappa(topicUnits(0), topicUnits(1)), 9);

    // a change of one label moves the figures (the document's stored cells are recomputed)
    await putValues(other.token, docs[1].id, { choices: names(["Relevant", "Economy", "Sport"]) });
    const after = await figures(true);
    expect(after.Relevance.alpha).toBe(1);
    // submitted layers count in the default view
    for (const d of docs) for (const u of [ann, other]) await makeAnnotatorLayer(u.actor, d.id, { status: "SUBMITTED" });
    expect((await figures(false)).Relevance).toMatchObject({ documents: 4, alpha: 1, kappa: 1, pairs: 1 });
  });
});
