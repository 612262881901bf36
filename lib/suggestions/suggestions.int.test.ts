import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeAnnotatorLayer, makeDocument, makeProject, makeUser, spanAt } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { writeSuggestions } from "@/lib/assist/suggestion-layer";
import { TextIndex } from "@/lib/text/offsets";
import * as list from "@/app/api/v1/documents/[id]/model-suggestions/route";
import * as accept from "@/app/api/v1/documents/[id]/model-suggestions/accept/route";
import * as reject from "@/app/api/v1/documents/[id]/model-suggestions/reject/route";
import * as exporter from "@/app/api/v1/export/route";

const TEXT = "😀 Sergey Lavrov met John Kerry in Baghdad on Tuesday.";
type Ctx = Awaited<ReturnType<typeof makeUser>>;
type Item = { id: string; start: number; end: number; label: string; text: string; origin: string };

let admin: Ctx, alice: Ctx, bob: Ctx;
beforeAll(async () => {
  admin = await makeUser("ADMIN");
  alice = await makeUser("ANNOTATOR");
  bob = await makeUser("ANNOTATOR");
});

const open = async (who: Ctx, documentId: string) => {
  const res = await call(list.GET as never, { path: "/x", token: who.token, params: { id: documentId } });
  expect(res.status).toBe(200);
  return res.json.items as Item[];
};
const post = (handler: unknown, who: Ctx, documentId: string, body: unknown) =>
  call(handler as never, { method: "POST", path: "/x", token: who.token, params: { id: documentId }, body });

async function suggest(documentId: string, origin: string, specs: [string, string][]) {
  const labels = await db.label.findMany({ where: { project: { documents: { some: { id: documentId } } } } });
  const index = new TextIndex(TEXT);
  return writeSuggestions({
    documentId,
    origin,
    proposals: specs.map(([needle, label]) => spanAt(TEXT, needle, label)),
    labelIds: new Map(labels.map((l) => [l.name, l.id])),
    slice: (s, e) => index.slice(s, e),
    createdById: admin.user.id,
  });
}

describe(`model suggestions on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("are answered per annotator: accepted ones join the own layer with their origin, rejected ones are never proposed again", async () => {
    const project = await makeProject();
    const doc = await makeDocument(admin.actor, { project: project.slug, text: TEXT });
    const first = await suggest(doc.id, "test:model-a", [
      ["Sergey Lavrov", "PERSON"],
      ["John Kerry", "ORG"],
      ["Baghdad", "GPE"],
      ["Tuesday", "DATE"],
    ]);
    expect(first).toEqual({ added: 4, known: 0, rejected: 0 });

    const items = await open(alice, doc.id);
    expect(items.map((s) => `${s.label}:${s.text}`)).toEqual(["PERSON:Sergey Lavrov", "ORG:John Kerry", "GPE:Baghdad", "DATE:Tuesday"]);
    expect(items[0]).toMatchObject({ origin: "test:model-a", ...spanAt(TEXT, "Sergey Lavrov", "PERSON") });
    const byText = (t: string) => items.find((s) => s.text === t)!;

    // accept one; reject one
    const accepted = await post(accept.POST, alice, doc.id, { ids: [byText("Sergey Lavrov").id] });
    expect(accepted.json).toMatchObject({ accepted: 1 });
    expect((await post(reject.POST, alice, doc.id, { ids: [byText("John Kerry").id] })).json).toMatchObject({ rejected: 1 });
    const own = await db.annotation.findMany({ where: { layer: { documentId: doc.id, userId: alice.user.id } }, include: { label: true } });
    expect(own.map((a) => [a.label.name, a.text, a.origin, a.start, a.end])).toEqual([
      ["PERSON", "Sergey Lavrov", "test:model-a", items[0].start, items[0].end],
    ]);
    expect((await open(alice, doc.id)).map((s) => s.text)).toEqual(["Baghdad", "Tuesday"]);
    // a second answer to the same suggestion is a conflict, and changes nothing
    expect((await post(accept.POST, alice, doc.id, { ids: [byText("John Kerry").id] })).status).toBe(409);
    // Bob has answered nothing: he still sees all four
    expect((await open(bob, doc.id)).length).toBe(4);

    // a rerun, and another model proposing what Alice rejected: nothing new, and the rejected span not again
    expect(
      await suggest(doc.id, "test:model-a", [
        ["John Kerry", "ORG"],
        ["Baghdad", "GPE"],
      ]),
    ).toEqual({ added: 0, known: 2, rejected: 0 });
    expect(
      await suggest(doc.id, "test:model-b", [
        ["John Kerry", "ORG"],
        ["Lavrov", "PERSON"],
      ]),
    ).toEqual({ added: 1, known: 0, rejected: 1 });
    // the same span from two models shows once; the new one shows with its own origin
    expect((await open(bob, doc.id)).find((s) => s.text === "Lavrov")?.origin).toBe("test:model-b");

    // all of one label at once
    expect((await post(accept.POST, alice, doc.id, { label: "GPE" })).json).toMatchObject({ accepted: 1 });
    expect((await open(alice, doc.id)).map((s) => s.text)).toEqual(["Lavrov", "Tuesday"]);

    // the export of suggestions has the ones nobody answered, each with its origin
    const exported = await call(exporter.GET as never, { path: `/api/v1/export?project=${project.slug}&layer=suggestions&manifest=none`, token: admin.token });
    expect(exported.status).toBe(200);
    const record = JSON.parse(exported.text.trim()) as { spans: { text: string; label: string; layer: string; origin: string }[] };
    expect(record.spans.map((s) => [s.text, s.label, s.layer, s.origin])).toEqual([
      ["Lavrov", "PERSON", "suggestions", "test:model-b"],
      ["Tuesday", "DATE", "suggestions", "test:model-a"],
    ]);
    // and the annotator's layer keeps the origin of what was accepted
    const mine = await call(exporter.GET as never, {
      path: `/api/v1/export?project=${project.slug}&layer=annotators&status=all&manifest=none`,
      token: admin.token,
    });
    const spans = (JSON.parse(mine.text.trim()) as { spans: { text: string; origin: string | null }[] }).spans;
    expect(spans.map((s) => [s.text, s.origin])).toEqual([
      ["Sergey Lavrov", "test:model-a"],
      ["Baghdad", "test:model-a"],
    ]);
  });

  it("leave out what the annotator's own layer already holds (same offsets and label), and only that", async () => {
    const project = await makeProject();
    const doc = await makeDocument(admin.actor, { project: project.slug, text: TEXT });
    const none = await makeUser("ANNOTATOR");
    expect(await open(none, doc.id)).toEqual([]); // no suggestions: nothing to read of anyone's layer
    await suggest(doc.id, "test:model-a", [
      ["Sergey Lavrov", "PERSON"],
      ["Baghdad", "GPE"],
      ["Tuesday", "DATE"],
    ]);
    const carol = await makeUser("ANNOTATOR");
    // by hand: Baghdad as GPE (held), Tuesday as ORG (another label), "Sergey" alone (other offsets at the same start)
    await makeAnnotatorLayer(carol.actor, doc.id, {
      spans: [spanAt(TEXT, "Baghdad", "GPE"), spanAt(TEXT, "Tuesday", "ORG"), spanAt(TEXT, "Sergey", "PERSON")],
    });
    expect((await open(carol, doc.id)).map((s) => `${s.label}:${s.text}`)).toEqual(["PERSON:Sergey Lavrov", "DATE:Tuesday"]);
  });

  it("are hidden from people outside the project, and refuse unknown ids", async () => {
    const project = await makeProject();
    const doc = await makeDocument(admin.actor, { project: project.slug, text: TEXT });
    await suggest(doc.id, "test:model-a", [["Baghdad", "GPE"]]);
    const outsider = await makeUser("ANNOTATOR");
    await db.projectMember.deleteMany({ where: { projectId: project.id, userId: outsider.user.id } });
    const res = await call(list.GET as never, { path: "/x", token: outsider.token, params: { id: doc.id } });
    expect(res.status).toBe(404);
    expect((await post(accept.POST, alice, doc.id, { ids: ["nope"] })).status).toBe(409);
    expect((await post(reject.POST, alice, doc.id, {})).status).toBe(400);
    expect(await db.annotation.count({ where: { layer: { documentId: doc.id, kind: "ANNOTATOR" } } })).toBe(0);
  });
});
