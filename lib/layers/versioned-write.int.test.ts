import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeAnnotatorLayer, makeDocument, makeProject, makeUser, spanAt, unique } from "@/lib/testing/factories";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation, updateAnnotation } from "@/lib/annotations/update-annotation";
import { createGrade, deleteGrade, updateGrade } from "@/lib/grades/grades";
import { createStance, deleteStance, updateStance } from "@/lib/stances/stances";
import type { Actor } from "@/lib/auth/actor";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, ann: Ctx, other: Ctx;
let project: Awaited<ReturnType<typeof makeProject>>;

const TEXT = 'John Kerry said: "This is not yet coordinated." Sergey V. Lavrov agreed.';

beforeAll(async () => {
  [admin, ann, other] = await Promise.all([makeUser("ADMIN"), makeUser("ANNOTATOR"), makeUser("ANNOTATOR")]);
  // one project for the file (other files count the projects a new user joins)
  project = await makeProject();
});

async function setup() {
  const doc = await makeDocument(admin.actor, { text: `${TEXT} ${unique("x")}`, project: project.slug });
  return { project, doc };
}

/** The three layer items, each made in `actor`'s own layer and changed through its domain operations. */
type Kind = {
  subject: "ANNOTATION" | "GRADE" | "STANCE";
  make(actor: Actor, fixture: Awaited<ReturnType<typeof setup>>): Promise<{ id: string; version: number }>;
  update(actor: Actor, id: string, version: number): Promise<{ version: number }>;
  remove(actor: Actor, id: string, version: number): Promise<void>;
};

const kinds: Record<string, Kind> = {
  annotation: {
    subject: "ANNOTATION",
    make: async (actor, { doc }) => (await createAnnotation({ actor, documentId: doc.id, input: spanAt(TEXT, "John Kerry", "PERSON") })).annotation,
    update: (actor, id, version) => updateAnnotation({ actor, annotationId: id, input: { label: "ORG", version } }),
    remove: (actor, id, version) => deleteAnnotation({ actor, annotationId: id, version }),
  },
  grade: {
    subject: "GRADE",
    make: async (actor, { doc }) => (await createGrade({ actor, documentId: doc.id, input: { reliability: "b", credibility: 2 } })).grade,
    update: async (actor, id, version) => (await updateGrade({ actor, gradeId: id, input: { credibility: 3, version } })).grade,
    remove: (actor, id, version) => deleteGrade({ actor, gradeId: id, version }),
  },
  stance: {
    subject: "STANCE",
    make: async (actor, { project, doc }) => {
      const holder = await db.canonicalEntity.create({ data: { projectId: project.id, name: unique("John Kerry"), type: "PERSON" } });
      const target = await db.stanceTarget.create({ data: { projectId: project.id, text: unique("the intelligence cell") } });
      return createStance({ actor, documentId: doc.id, input: { holderId: holder.id, targetId: target.id, polarity: "AGAINST", documentLevel: true } });
    },
    update: (actor, id, version) => updateStance({ actor, stanceId: id, input: { polarity: "FAVOR", version } }),
    remove: (actor, id, version) => deleteStance({ actor, stanceId: id, version }),
  },
};

const audits = (subject: string, subjectId: string) => db.auditEvent.findMany({ where: { subject, subjectId }, orderBy: { createdAt: "asc" } });

describe.each(Object.entries(kinds))(`the versioned write of a layer item (%s) on ${process.env.DATABASE_URL?.split(":")[0]}`, (_name, kind) => {
  it("updates and deletes at the loaded version, with UPDATE and DELETE audit rows", async () => {
    const fixture = await setup();
    const made = await kind.make(ann.actor, fixture);
    const updated = await kind.update(ann.actor, made.id, made.version);
    expect(updated.version).toBe(made.version + 1);
    await kind.remove(ann.actor, made.id, updated.version);
    const trail = await audits(kind.subject, made.id);
    expect(trail.map((a) => a.action)).toEqual(["CREATE", "UPDATE", "DELETE"]);
    expect(trail[1].before).toMatchObject({ version: made.version });
    expect(trail[1].after).toMatchObject({ version: updated.version });
    expect(trail[2].before).toMatchObject({ version: updated.version });
    expect(trail[2].after).toBeNull();
  });

  it("answers a stale version with 409 and the current item, and changes nothing", async () => {
    const fixture = await setup();
    const made = await kind.make(ann.actor, fixture);
    const updated = await kind.update(ann.actor, made.id, made.version);
    await expect(kind.update(ann.actor, made.id, made.version)).rejects.toMatchObject({
      code: "CONFLICT",
      status: 409,
      details: { current: { id: made.id, version: updated.version } },
    });
    await expect(kind.remove(ann.actor, made.id, made.version)).rejects.toMatchObject({ code: "CONFLICT", details: { current: { version: updated.version } } });
    expect((await audits(kind.subject, made.id)).map((a) => a.action)).toEqual(["CREATE", "UPDATE"]);
  });

  it("answers 404 for an item in another annotator's layer", async () => {
    const fixture = await setup();
    const made = await kind.make(ann.actor, fixture);
    await expect(kind.update(other.actor, made.id, made.version)).rejects.toMatchObject({ code: "NOT_FOUND", status: 404 });
    await expect(kind.remove(other.actor, made.id, made.version)).rejects.toMatchObject({ code: "NOT_FOUND", status: 404 });
    await expect(kind.update(ann.actor, made.id, made.version)).resolves.toMatchObject({ version: made.version + 1 });
  });

  it("refuses to change or delete an item of a submitted layer (409) until it is sent back", async () => {
    const fixture = await setup();
    const made = await kind.make(ann.actor, fixture);
    await makeAnnotatorLayer(ann.actor, fixture.doc.id, { status: "SUBMITTED" });
    await expect(kind.update(ann.actor, made.id, made.version)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/submitted/) });
    await expect(kind.remove(ann.actor, made.id, made.version)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/submitted/) });
    expect((await audits(kind.subject, made.id)).map((a) => a.action)).toEqual(["CREATE"]);
    await makeAnnotatorLayer(ann.actor, fixture.doc.id, { status: "IN_PROGRESS" });
    await kind.remove(ann.actor, made.id, made.version);
    expect((await audits(kind.subject, made.id)).map((a) => a.action)).toEqual(["CREATE", "DELETE"]);
  });
});
