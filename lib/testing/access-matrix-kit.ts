/**
 * The access matrix's fixture (made once) and the rows a cell needs of its
 * own (a span to delete, a submitted layer to reject…), all made through the
 * real domain functions by the users who would make them.
 */
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { loadActiveActor, type Actor } from "@/lib/auth/actor";
import { ensureProject } from "@/lib/projects/ensure-project";
import { addLabel } from "@/lib/projects/label-schema";
import { importDocument } from "@/lib/documents/import-document";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { submitLayer } from "@/lib/layers/submit-layer";
import { createGrade } from "@/lib/grades/grades";
import { createStance } from "@/lib/stances/stances";
import { setQuoteLinks } from "@/lib/quotes/quote-links";
import { acceptQuoteLink } from "@/lib/review/adjudicate-quote-links";
import { createTarget } from "@/lib/stances/targets";
import { createEntity } from "@/lib/entities/save-entity";
import { mergeEntities } from "@/lib/entities/merge";
import { addAlias } from "@/lib/entities/aliases";
import { assignDocuments } from "@/lib/assignments/assign-documents";
import { userSlot, type Role } from "@/lib/domain/enums";
import type { MatrixRole } from "./access-matrix";
import { createThread } from "@/lib/threads/threads";

export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

const SYLLABLES = ["ka", "lo", "mi", "ren", "tu", "vo", "sa", "be", "dri", "no", "pel", "qua", "xi", "zor", "fen", "gal"];
/** Words nobody else's text has: no duplicate documents, no accidental syndication. */
export const randomWords = (n: number) =>
  Array.from({ length: n }, () => Array.from(randomBytes(3), (b) => SYLLABLES[b % SYLLABLES.length]).join("")).join(" ") + ".";

// A wire passage shared by two documents (syndication), and names the registry knows.
const PASSAGE =
  "the ministry spokesman told reporters in the capital that the armoured convoy had crossed the northern border before dawn on Tuesday without any incident at all";
const LEDE = "Zoltan Kerr met officials. Marisol Quint arrived early. Marisol Quint spoke later. Interfax said so.";

const cp = (text: string, needle: string, from = 0) => {
  const u = text.indexOf(needle, from);
  if (u < 0) throw new Error(`no "${needle}"`);
  const start = Array.from(text.slice(0, u)).length;
  return { start, end: start + Array.from(needle).length, next: u + needle.length };
};

type Person = { id: string; token: string };

export type Fixture = {
  projectId: string;
  projectSlug: string;
  otherProjectSlug: string;
  docMain: string;
  docMainText: string;
  docReview: string;
  entityId: string;
  targetId: string;
  labelId: string;
  suggestion: { entityId: string; accept: { start: number; end: number }; dismiss: { start: number; end: number } };
  users: Record<Exclude<MatrixRole, "anonymous" | "revokedToken">, string>;
  tokens: Record<Exclude<MatrixRole, "anonymous">, string>;
  /** when the fixture was started: rows from before belong to other tests */
  since: Date;
};

export async function buildFixture(): Promise<Fixture> {
  const since = new Date(Date.now() - 1000);
  // Projects first: ensureProject makes every existing user a member.
  const p = await ensureProject({ slug: unique("matrix-p"), name: unique("Matrix P") });
  const q = await ensureProject({ slug: unique("matrix-q"), name: unique("Matrix Q") });
  const person = async (role: Role, projectIds: string[]): Promise<Person> => {
    const user = await createUser({
      email: `${unique(role.toLowerCase())}@matrix.test`,
      name: unique("Matrix"),
      role,
      password: "matrix-password-1",
      projectIds,
    });
    return { id: user.id, token: (await createApiToken({ userId: user.id, name: "matrix" })).token };
  };
  const annotator = await person("ANNOTATOR", [p.id]);
  const otherAnnotator = await person("ANNOTATOR", [p.id]);
  const outsider = await person("REVIEWER", [q.id]);
  const reviewer = await person("REVIEWER", [p.id]);
  const admin = await person("ADMIN", [p.id]);
  const deactivated = await person("ADMIN", [p.id]);
  await db.user.update({ where: { id: deactivated.id }, data: { active: false } });
  const revoked = await createApiToken({ userId: annotator.id, name: "revoked" });
  await revokeApiToken({ actor: (await loadActiveActor(annotator.id))!, tokenId: revoked.id });

  const adminActor = (await loadActiveActor(admin.id))!;
  const annActor = (await loadActiveActor(annotator.id))!;
  const docMainText = `${LEDE} ${PASSAGE}. ${randomWords(8)}`;
  const { document: main } = await importDocument({ actor: adminActor, input: { title: unique("Main"), text: docMainText, project: p.slug } });
  await importDocument({ actor: adminActor, input: { title: unique("Copy"), text: `${randomWords(6)} ${PASSAGE}. ${randomWords(6)}`, project: p.slug } });
  const label = await addLabel({ actor: adminActor, projectId: p.id, input: { name: `MX${randomBytes(3).toString("hex").toUpperCase()}`, kind: "ENTITY" } });
  const entity = await createEntity({ actor: adminActor, projectId: p.id, input: { name: "Zoltan Kerr", type: "PERSON" } });
  const suggested = await createEntity({ actor: adminActor, projectId: p.id, input: { name: "Marisol Quint", type: "PERSON" } });
  const target = await createTarget({ actor: adminActor, projectId: p.id, input: { text: unique("Target") } });
  const first = cp(docMainText, "Marisol Quint");
  const second = cp(docMainText, "Marisol Quint", first.next);

  const fx: Fixture = {
    projectId: p.id,
    projectSlug: p.slug,
    otherProjectSlug: q.slug,
    docMain: main.id,
    docMainText,
    docReview: "",
    entityId: entity.id,
    targetId: target.id,
    labelId: label.id,
    suggestion: { entityId: suggested.id, accept: { start: first.start, end: first.end }, dismiss: { start: second.start, end: second.end } },
    users: {
      annotator: annotator.id,
      otherAnnotator: otherAnnotator.id,
      outsider: outsider.id,
      reviewer: reviewer.id,
      admin: admin.id,
      deactivated: deactivated.id,
    },
    tokens: {
      annotator: annotator.token,
      otherAnnotator: otherAnnotator.token,
      outsider: outsider.token,
      reviewer: reviewer.token,
      admin: admin.token,
      deactivated: deactivated.token,
      revokedToken: revoked.token,
    },
    since,
  };
  await createAnnotation({ actor: annActor, documentId: main.id, input: { ...span(docMainText, "officials"), label: "PERSON" } });
  fx.docReview = (await makeKit(fx).submittedDoc()).documentId;
  return fx;
}

const span = (text: string, needle: string) => {
  const { start, end } = cp(text, needle);
  return { start, end };
};

export type MatrixKit = ReturnType<typeof makeKit>;

export function makeKit(fx: Fixture) {
  const actor = async (userId: string): Promise<Actor> => (await loadActiveActor(userId))!;
  const owner = () => actor(fx.users.annotator);
  const admin = () => actor(fx.users.admin);
  const ownSpan = async (documentId: string, text: string, needle: string, label: string) => {
    const { annotation } = await createAnnotation({ actor: await owner(), documentId, input: { ...span(text, needle), label } });
    return { id: annotation.id, version: annotation.version };
  };
  const kit = {
    fx,
    unique,
    words: randomWords,
    labelName: () => `MX${randomBytes(4).toString("hex").toUpperCase()}`,
    /** a new document of P (or of Q), imported by an admin */
    async freshDoc(project: "main" | "other" = "main") {
      const text = randomWords(30);
      const { document } = await importDocument({
        actor: await admin(),
        input: { title: unique("Doc"), text, project: project === "main" ? fx.projectSlug : fx.otherProjectSlug },
      });
      return { id: document.id, text };
    },
    /** a new label of P that no span uses */
    async unusedLabel() {
      return (await db.label.create({ data: { projectId: fx.projectId, name: kit.labelName(), color: "#004488" } })).id;
    },
    /** a span of the owner's layer on the main document */
    span: (label = "PERSON") => ownSpan(fx.docMain, fx.docMainText, "officials", label),
    syndicatedSpan: () => ownSpan(fx.docMain, fx.docMainText, "ministry spokesman", "PERSON"),
    async quote() {
      const cue = await ownSpan(fx.docMain, fx.docMainText, "said", "CUE");
      const q = await ownSpan(fx.docMain, fx.docMainText, "so", "QUOTE");
      return { ...q, cueId: cue.id };
    },
    /** a cited-source grade of the owner's layer */
    async grade() {
      const source = await ownSpan(fx.docMain, fx.docMainText, "Interfax", "CITED_SOURCE");
      const { grade } = await createGrade({
        actor: await owner(),
        documentId: fx.docMain,
        input: { annotationId: source.id, reliability: "C", credibility: 3 },
      });
      return { id: grade.id, version: grade.version };
    },
    async stance() {
      const s = await createStance({
        actor: await owner(),
        documentId: fx.docMain,
        input: { holderId: fx.entityId, targetId: fx.targetId, polarity: "FAVOR", documentLevel: true },
      });
      return { id: s.id, version: s.version };
    },
    target: async () => (await createTarget({ actor: await admin(), projectId: fx.projectId, input: { text: unique("Target") } })).id,
    async alias() {
      const alias = unique("Alias");
      const { entity } = await addAlias({ actor: await admin(), entityId: fx.entityId, alias });
      return entity.aliases.find((a) => a.alias === alias)!.id;
    },
    /** a new document where the owner has a layer in progress */
    async docWithOwnerLayer() {
      const doc = await kit.freshDoc();
      await ownSpan(doc.id, doc.text, doc.text.split(" ")[0], "PERSON");
      return doc.id;
    },
    /** a new document whose owner layer (a span, an outlet grade) is submitted */
    async submittedDoc() {
      const doc = await kit.freshDoc();
      const s = await ownSpan(doc.id, doc.text, doc.text.split(" ")[0], "PERSON");
      const { grade } = await createGrade({ actor: await owner(), documentId: doc.id, input: { reliability: "B", credibility: 2 } });
      await submitLayer({ actor: await owner(), documentId: doc.id });
      const layer = await db.layer.findUniqueOrThrow({ where: { documentId_slot: { documentId: doc.id, slot: userSlot(fx.users.annotator) } } });
      return { documentId: doc.id, layerId: layer.id, spanId: s.id, gradeId: grade.id };
    },
    /** a new document whose owner layer (a document-level stance, a quote linked to its cue) is submitted; `inGold` puts the quote link into gold first */
    async submittedStanceAndQuote(opts: { inGold?: boolean } = {}) {
      const doc = await kit.freshDoc();
      const words = doc.text.split(" ");
      const cue = await ownSpan(doc.id, doc.text, words[0], "CUE");
      const quote = await ownSpan(doc.id, doc.text, words[2], "QUOTE");
      await setQuoteLinks({ actor: await owner(), annotationId: quote.id, input: { cueId: cue.id, speakerId: null, version: quote.version } });
      const stance = await createStance({
        actor: await owner(),
        documentId: doc.id,
        input: { holderId: fx.entityId, targetId: fx.targetId, polarity: "AGAINST", documentLevel: true },
      });
      await submitLayer({ actor: await owner(), documentId: doc.id });
      if (opts.inGold) await acceptQuoteLink({ actor: await admin(), annotationId: quote.id });
      return { documentId: doc.id, stanceId: stance.id, quoteId: quote.id };
    },
    /** a new annotator (member of P unless said) */
    async user(opts: { inactive?: boolean; member?: boolean } = {}) {
      const u = await createUser({
        email: `${unique("someone")}@matrix.test`,
        name: unique("Someone"),
        role: "ANNOTATOR",
        password: "matrix-password-1",
        projectIds: opts.member === false ? [] : [fx.projectId],
      });
      if (opts.inactive) await db.user.update({ where: { id: u.id }, data: { active: false } });
      return u.id;
    },
    ownerToken: async () => (await createApiToken({ userId: fx.users.annotator, name: unique("token") })).id,
    /** a seat of the owner on a new document, not started */
    async openSeat() {
      const doc = await kit.freshDoc();
      await assignDocuments({ actor: await admin(), projectId: fx.projectId, annotatorIds: [fx.users.annotator], documentIds: [doc.id] });
      return (await db.layer.findUniqueOrThrow({ where: { documentId_slot: { documentId: doc.id, slot: userSlot(fx.users.annotator) } } })).id;
    },
    /** a queued pre-annotation job of P (no worker runs in these tests: MARGINALIA_JOB_WORKER=manual) */
    async job() {
      const params = { model: "builtin", origin: "test", labels: ["PERSON"], documentIds: [fx.docMain] };
      return (await db.job.create({ data: { projectId: fx.projectId, kind: "PREANNOTATE", params, total: 1, createdById: fx.users.admin } })).id;
    },
    /** a model endpoint of P */
    modelEndpoint: async () =>
      (await db.modelEndpoint.create({ data: { projectId: fx.projectId, name: unique("ep"), baseUrl: "http://localhost:1/v1", model: "m" } })).id,
    /** a thread the owner started on their own span of the main document (or on the document), with its first post */
    async thread(on: "span" | "document" = "span") {
      const anchor = on === "span" ? { kind: "span" as const, id: (await kit.span()).id } : { kind: "document" as const };
      const t = await createThread({ actor: await owner(), documentId: fx.docMain, input: { anchor, body: unique("Question") } });
      return { id: t.id, postId: t.posts[0].id };
    },
    /** a new model suggestion on the main document, at a place no other has */
    async modelSuggestion() {
      const slot = "suggestions:test";
      const layer = await db.layer.upsert({
        where: { documentId_slot: { documentId: fx.docMain, slot } },
        create: { documentId: fx.docMain, slot, kind: "SUGGESTIONS" },
        update: {},
      });
      const label = await db.label.findFirstOrThrow({ where: { projectId: fx.projectId, name: "PERSON" } });
      const start = await db.annotation.count({ where: { layerId: layer.id } });
      const text = Array.from(fx.docMainText)[start];
      return (
        await db.annotation.create({ data: { layerId: layer.id, start, end: start + 1, text, labelId: label.id, origin: "test", createdById: fx.users.admin } })
      ).id;
    },
    /** a new entity of P, to merge into the fixture's entity */
    entityToMerge: async () => (await createEntity({ actor: await admin(), projectId: fx.projectId, input: { name: unique("Duplicate"), type: "PERSON" } })).id,
    /** a merge (not undone) of a new entity into the fixture's entity */
    async entityMerge() {
      return (await mergeEntities({ actor: await admin(), entityId: await kit.entityToMerge(), intoId: fx.entityId })).mergeId;
    },
  };
  return kit;
}
