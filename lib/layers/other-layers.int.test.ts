import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser, makeDocument, makeProject } from "@/lib/testing/factories";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { otherAnnotatorSpans } from "./other-layers";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, alice: Ctx, bob: Ctx;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  alice = await makeUser("ANNOTATOR");
  bob = await makeUser("ANNOTATOR");
});

describe("independent layers", () => {
  it("hides other annotators' layers unless the project shows them", async () => {
    const project = await makeProject();
    const doc = await makeDocument(admin.actor, { project: project.slug, text: "Lavrov met Kerry in Baghdad." });
    await createAnnotation({ actor: alice.actor, documentId: doc.id, input: { start: 0, end: 6, label: "PERSON" } });
    await createAnnotation({ actor: bob.actor, documentId: doc.id, input: { start: 11, end: 16, label: "PERSON" } });

    expect(await otherAnnotatorSpans({ actor: alice.actor, document: doc })).toEqual([]);

    await db.project.update({ where: { id: project.id }, data: { showOtherLayers: true } });
    const seen = await otherAnnotatorSpans({ actor: alice.actor, document: doc });
    expect(seen.map((s) => [s.start, s.end, s.label, s.layerName])).toEqual([[11, 16, "PERSON", bob.user.name]]);
  });
});
