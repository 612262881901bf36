/**
 * Corpus search against the real index of each database (the migration
 * *_search): words, phrases, every filter, pagination, code point offsets
 * after astral characters, the index following inserts, deletes and imports
 * still running, long documents across the index's chunks, and any query or
 * cursor at all answering a clean 400 at worst.
 */
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import Database from "better-sqlite3";
import { db } from "@/lib/db";
import { getSql } from "@/lib/db/sql";
import { makeDocument, makeProject, makeUser, spanAt } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { createEntity } from "@/lib/entities/save-entity";
import { makeAnnotatorLayer, makeGoldLayer } from "@/lib/testing/factories";
import * as searchRoute from "@/app/api/v1/search/route";
import { foldedWords, LATIN_FOLDS } from "./fold";
import { searchCorpus, type SearchHit, type SearchPage } from "./search-corpus";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, reviewer: Ctx, alice: Ctx, bob: Ctx;
let project: { id: string; slug: string };
let other: { id: string; slug: string };

/** A word no other test's text has: every search here is about this file's documents. */
const marker = () => "qz" + Array.from(randomBytes(6), (b) => String.fromCharCode(97 + (b % 26))).join("");
const W = marker();
const ASTRAL = `👩‍👩‍👧 🎉 𝒜𝒷𝒸 said: «Sergey Lavrov ${W} met Haider al-Abadi.» Later LÁVROV spoke; Kerry's reply 🇮🇶 came.`;
let d1: { id: string; text: string };
let d2: { id: string; text: string };
let d3: { id: string; text: string };

const cpOf = (text: string, needle: string, from = 0) => Array.from(text.slice(0, text.indexOf(needle, from))).length;
const sliceCp = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join("");

async function search(actor: Ctx, q: string, extra: { project?: string; limit?: number; cursor?: string } = {}): Promise<SearchPage> {
  return searchCorpus({ actor: actor.actor, query: { q, ...extra } });
}

/** Every page of a search, following nextCursor. */
async function allPages(actor: Ctx, q: string, limit: number, project?: string): Promise<{ pages: SearchPage[]; items: SearchHit[] }> {
  const pages: SearchPage[] = [];
  let cursor: string | undefined;
  do {
    const page = await search(actor, q, { limit, cursor, project });
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 50);
  return { pages, items: pages.flatMap((p) => p.items) };
}

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  reviewer = await makeUser("REVIEWER");
  alice = await makeUser("ANNOTATOR");
  bob = await makeUser("ANNOTATOR");
  project = await makeProject();
  other = await makeProject();
  const doc = async (text: string, opts: { title?: string; project?: string } = {}) => {
    const d = await makeDocument(admin.actor, { text, project: opts.project ?? project.slug, title: opts.title });
    return { id: d.id, text };
  };
  d1 = await doc(ASTRAL);
  d2 = await doc(`The ministry said ${W} twice: ${W}. Nothing on Lavrov's colleague.`, { title: `Briefing ${W}` });
  d3 = await doc(`${W} in another project, Sergey Lavrov too.`, { project: other.slug });
});

describe(`search on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("finds words in every document of one's projects, with each first passage at exact code point offsets", async () => {
    const page = await search(admin, W);
    expect(page.mode).toBe("passages");
    const byDoc = new Map(page.items.map((h) => [h.document.id, h]));
    expect([...byDoc.keys()].sort()).toEqual([d1.id, d2.id, d3.id].sort());
    const h1 = byDoc.get(d1.id)!;
    // code points, not UTF-16 units: the family emoji, 🎉, the math letters and the flag come before it
    expect(h1.start).toBe(cpOf(ASTRAL, W));
    expect(h1.end).toBe(h1.start! + W.length);
    expect(h1.start).not.toBe(ASTRAL.indexOf(W));
    expect(sliceCp(ASTRAL, h1.start!, h1.end!)).toBe(W);
    expect(h1.snippet.hit).toBe(W);
    expect(h1.snippet.before.endsWith("Sergey Lavrov ")).toBe(true);
    expect(h1.snippet.after.startsWith(" met Haider")).toBe(true);
    expect(h1).toMatchObject({ kind: "passage", inTitle: false, annotation: null, project: { id: project.id, slug: project.slug } });
    // the first of two occurrences in the text (the title has it too)
    expect(byDoc.get(d2.id)).toMatchObject({ start: cpOf(d2.text, W), inTitle: false });
    // restricted to a project, by parameter or filter
    expect((await search(admin, W, { project: project.slug })).items.map((h) => h.document.id).sort()).toEqual([d1.id, d2.id].sort());
    expect((await search(admin, `${W} project:${other.slug}`)).items.map((h) => h.document.id)).toEqual([d3.id]);
    expect((await search(admin, `${W} project:${other.slug}`, { project: project.slug })).items).toEqual([]);
  });

  it("needs every word, matches phrases word after word, and ignores case, Latin diacritics and punctuation between words", async () => {
    const ids = async (q: string) => (await search(admin, q, { project: project.slug })).items.map((h) => h.document.id).sort();
    expect(await ids(`${W} abadi`)).toEqual([d1.id]);
    expect(await ids(`${W} "lavrov met"`)).toEqual([]);
    expect(await ids(`${W} "sergey lavrov"`)).toEqual([d1.id]);
    expect(await ids(`"SERGEY LÁVROV ${W}"`)).toEqual([d1.id]);
    expect(await ids(`${W} al-Abadi`)).toEqual([d1.id]);
    expect(await ids(`${W} "haider al abadi"`)).toEqual([d1.id]);
    expect(await ids(`${W} kerry's`)).toEqual([d1.id]);
    expect(await ids(`${W} ministry`)).toEqual([d2.id]);
    expect(await ids(`${W} lavro`)).toEqual([]); // whole words only

    // the hit is the first place any of the words occurs; "Lávrov" in the query finds "Lavrov" and "LÁVROV"
    const [hit] = (await search(admin, `${W} lávrov`, { project: project.slug })).items.filter((h) => h.document.id === d1.id);
    expect(hit.snippet.hit).toBe("Lavrov");
    expect(hit.start).toBe(cpOf(ASTRAL, "Lavrov"));
    const [phrase] = (await search(admin, `"haider al-abadi" ${W}`)).items;
    expect(sliceCp(ASTRAL, phrase.start!, phrase.end!)).toBe(W);
    const [abadi] = (await search(admin, `"haider al-abadi"`, { project: project.slug })).items;
    expect(sliceCp(ASTRAL, abadi.start!, abadi.end!)).toBe("Haider al-Abadi");
  });

  it("answers a title-only match without offsets, with the title as the snippet", async () => {
    const t = marker();
    const doc = await makeDocument(admin.actor, { project: project.slug, title: `Dossier ${t} (draft)`, text: "Nothing here mentions it." });
    const [hit] = (await search(admin, t)).items;
    expect(hit).toMatchObject({ document: { id: doc.id }, start: null, end: null, inTitle: true, snippet: { before: "Dossier ", hit: t, after: " (draft)" } });
  });

  it("pages through passages without repeats or gaps", async () => {
    const p = marker();
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await makeDocument(admin.actor, { project: project.slug, text: `Report ${i}: ${p} seen.` })).id);
    const { pages, items } = await allPages(admin, p, 2);
    expect(pages.map((pg) => pg.items.length)).toEqual([2, 2, 1]);
    expect(pages[2].nextCursor).toBeNull();
    expect(items.map((h) => h.document.id).sort()).toEqual(made.sort());
  });

  it("forgets a deleted document, and shows a document still being imported only once it is complete", async () => {
    const gone = marker();
    const doc = await makeDocument(admin.actor, { project: project.slug, text: `To be removed: ${gone}.` });
    expect((await search(admin, gone)).items).toHaveLength(1);
    await db.document.delete({ where: { id: doc.id } });
    expect((await search(admin, gone)).items).toEqual([]);
    const sql = await getSql();
    const left =
      sql.provider === "sqlite"
        ? await sql.all(`SELECT 1 FROM "DocumentSearchKey" WHERE "documentId" = ?`, [doc.id])
        : await sql.all(`SELECT 1 FROM "DocumentSearchChunk" WHERE "documentId" = ?`, [doc.id]);
    expect(left).toEqual([]);

    const late = marker();
    const text = `Half written: ${late}.`;
    const importing = await db.document.create({
      data: { projectId: project.id, title: "Importing", text, textHash: late, length: text.length, importing: true },
    });
    expect((await search(admin, late)).items).toEqual([]);
    await db.document.update({ where: { id: importing.id }, data: { importing: false } });
    expect((await search(admin, late)).items.map((h) => h.document.id)).toEqual([importing.id]);
  });

  it("finds words and phrases anywhere in a long document, and never the part of a word cut at a chunk's edge", async () => {
    const w = marker();
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `w${i % 97}`).join(" ");
    const pad = (s: string, at: number) => s + " ".repeat(at - s.length);
    // PostgreSQL indexes chunks [0, 21000), [20000, 41000), [40000, 61000)…: a phrase across 20,000, a word cut at
    // the start of a chunk (40,000) and one cut at the end of one (41,000), a word in the third chunk
    let text = pad(filler(3300), 19_995) + `Quintus Varro ${w} `;
    const [cutFirst, cutLast] = [marker(), marker()];
    text = pad(text + filler(3000), 39_995) + `${cutFirst} `;
    text = pad(text, 40_995) + `${cutLast} `;
    text = pad(text + filler(3000), 60_000) + ` tail${w}end ${w}`;
    const doc = await makeDocument(admin.actor, { project: project.slug, text });
    const hit = async (q: string) => (await search(admin, q)).items.find((h) => h.document.id === doc.id);
    expect((await hit(`"quintus varro ${w}"`))?.start).toBe(text.indexOf("Quintus"));
    expect((await hit(`"varro ${w}"`))?.start).toBe(text.indexOf("Varro"));
    expect(await hit(cutFirst.slice(5))).toBeUndefined();
    expect((await hit(cutFirst))?.start).toBe(39_995);
    expect(await hit(cutLast.slice(0, 6))).toBeUndefined();
    expect((await hit(cutLast))?.start).toBe(40_995);
    expect((await hit(`tail${w}end`))?.start).toBe(text.indexOf(`tail${w}end`));
  });

  it("reads words as lib/search/fold.ts does", async () => {
    const sample = "Haider al-Abadi’s «Lávrov» e-mail.x@host.org U.N. 2,000,000 🎉Lavrov Müller ÉCOLE Лавров İstanbul naïve café—bar x_y co-operate";
    const sql = await getSql();
    if (sql.provider === "sqlite") {
      // every Latin letter folds as FTS5's unicode61 remove_diacritics 2 folds it
      const conn = new Database(":memory:");
      conn.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')`);
      const letters = [...LATIN_FOLDS.keys(), "ø", "æ", "ł", "ß", "Ǡ"];
      const insert = conn.prepare("INSERT INTO t (rowid, x) VALUES (?, ?)");
      letters.forEach((c, i) => insert.run(i + 1, `x${c}x`));
      insert.run(letters.length + 1, sample);
      const terms = conn.prepare("SELECT doc, term FROM v ORDER BY doc, offset").all() as { doc: number; term: string }[];
      letters.forEach((c, i) => expect(terms.find((t) => t.doc === i + 1)?.term, c).toBe(foldedWords(`x${c}x`)[0]));
      expect(terms.filter((t) => t.doc === letters.length + 1).map((t) => t.term)).toEqual(foldedWords(sample));
      conn.close();
    } else {
      const [row] = await sql.all<{ words: string[] }>(
        `SELECT array_agg(lexeme ORDER BY pos) AS "words" FROM (SELECT lexeme, unnest(positions) AS pos FROM unnest(to_tsvector('simple', "search_fold"(?)))) x`,
        [sample],
      );
      expect(row.words).toEqual(foldedWords(sample));
      const [folds] = await sql.all<{ folded: string }>(`SELECT "search_fold"(?) AS "folded"`, [[...LATIN_FOLDS.keys()].join("")]);
      expect(folds.folded).toBe([...LATIN_FOLDS.values()].join(""));
    }
  });
});

describe(`span search on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  const S = marker();
  const TEXT = `🎉 Sergey Lavrov ${S} said: "We will share intelligence." Haider al-Abadi agreed; 𝒜 Lavrov left.`;
  let doc: { id: string };
  let spans: Record<string, string>;

  beforeAll(async () => {
    doc = await makeDocument(admin.actor, { project: project.slug, text: TEXT });
    const make = async (who: Ctx, needle: string, label: string, occurrence = 0) =>
      (await createAnnotation({ actor: who.actor, documentId: doc.id, input: spanAt(TEXT, needle, label, occurrence) })).annotation.id;
    spans = {
      aliceSergey: await make(alice, "Sergey Lavrov", "PERSON"),
      aliceAbadi: await make(alice, "Haider al-Abadi", "PERSON"),
      aliceQuote: await make(alice, "We will share intelligence.", "QUOTE"),
      bobLavrov: await make(bob, "Lavrov", "PERSON", 1),
      bobQuote: await make(bob, "We will share intelligence.", "QUOTE"),
    };
    await makeAnnotatorLayer(bob.actor, doc.id, { status: "SUBMITTED" });
    await makeGoldLayer(reviewer.actor, doc.id, { spans: [spanAt(TEXT, "Sergey Lavrov", "PERSON")] });
    const entity = await createEntity({
      actor: admin.actor,
      projectId: project.id,
      input: { name: `Sergey Lavrov ${S}`, type: "PERSON", aliases: [`Lavrov-${S}`] },
    });
    await db.annotation.updateMany({ where: { id: { in: [spans.aliceSergey, spans.bobLavrov] } }, data: { entityId: entity.id } });
    // an imported suggestion, and a registry suggestion alice dismissed (not a suggestion to anyone)
    const suggestions = await db.layer.create({ data: { documentId: doc.id, kind: "SUGGESTIONS", slot: "suggestions:import:ner", status: "NOT_STARTED" } });
    const dismissed = await db.layer.create({ data: { documentId: doc.id, kind: "SUGGESTIONS", slot: `suggestions:dismissed:${alice.user.id}` } });
    const person = await db.label.findFirstOrThrow({ where: { projectId: project.id, name: "PERSON" } });
    for (const [layerId, needle, occurrence] of [
      [suggestions.id, "Lavrov", 0],
      [dismissed.id, "Lavrov", 1],
    ] as const) {
      const s = spanAt(TEXT, needle, "PERSON", occurrence);
      await db.annotation.create({ data: { layerId, start: s.start, end: s.end, text: needle, labelId: person.id, createdById: admin.user.id } });
    }
  });

  const ids = (page: SearchPage) => page.items.map((h) => h.annotation!.id);
  const q = (who: Ctx, query: string, limit?: number) => search(who, `${query} project:${project.slug}`, { limit });

  it("finds the spans whose own text holds the words, with the span's offsets, label, layer and annotator", async () => {
    expect((await q(admin, `Lavrov label:PERSON ${S}`)).items).toEqual([]); // the marker is in the text, in no span
    const page = await q(admin, "Lavrov label:person");
    expect(page.mode).toBe("annotations");
    const seen = page.items.map((h) => [h.snippet.hit, h.annotation!.layer, h.annotation!.annotator?.name ?? null].join(" / ")).sort();
    // al-Abadi's span has no Lavrov; the gold span does (reviewers and admins see gold); suggestions only when asked
    expect(seen).toEqual([`Lavrov / annotator / ${bob.user.name}`, `Sergey Lavrov / annotator / ${alice.user.name}`, "Sergey Lavrov / gold / "]);
    const sergey = page.items.find((h) => h.annotation!.id === spans.aliceSergey)!;
    expect(sergey).toMatchObject({
      kind: "annotation",
      document: { id: doc.id },
      start: cpOf(TEXT, "Sergey Lavrov"),
      end: cpOf(TEXT, "Sergey Lavrov") + "Sergey Lavrov".length,
      inTitle: false,
      snippet: { before: "🎉 ", hit: "Sergey Lavrov" },
      annotation: { label: "PERSON", layer: "annotator", status: "IN_PROGRESS", annotator: { id: alice.user.id, name: alice.user.name } },
    });
    expect(sergey.snippet.after.startsWith(` ${S} said`)).toBe(true);
    expect(sergey.start).not.toBe(TEXT.indexOf("Sergey Lavrov"));
    const bobs = page.items.find((h) => h.annotation!.id === spans.bobLavrov)!;
    expect(sliceCp(TEXT, bobs.start!, bobs.end!)).toBe("Lavrov");
    expect(bobs.start).toBe(cpOf(TEXT, "Lavrov", TEXT.indexOf("𝒜")));
  });

  it("lists spans by label, annotator, entity, layer and status without words", async () => {
    expect(ids(await q(admin, `label:QUOTE annotator:${alice.user.email}`))).toEqual([spans.aliceQuote]);
    expect(ids(await q(admin, `label:QUOTE annotator:"${bob.user.name}"`))).toEqual([spans.bobQuote]);
    expect(ids(await q(admin, `label:QUOTE annotator:${bob.user.email.split("@")[0]}`))).toEqual([spans.bobQuote]);
    expect(ids(await q(admin, `entity:"sergey lavrov ${S}"`)).sort()).toEqual([spans.aliceSergey, spans.bobLavrov].sort());
    expect(ids(await q(admin, `entity:lavrov-${S}`)).sort()).toEqual([spans.aliceSergey, spans.bobLavrov].sort());
    expect(ids(await q(admin, `status:submitted label:QUOTE`))).toEqual([spans.bobQuote]);
    expect(ids(await q(alice, "layer:own label:PERSON")).sort()).toEqual([spans.aliceSergey, spans.aliceAbadi].sort());
    const gold = await q(reviewer, "layer:gold");
    expect(gold.items.map((h) => [h.snippet.hit, h.annotation!.layer, h.annotation!.annotator])).toEqual([["Sergey Lavrov", "gold", null]]);
    const suggested = await q(alice, "layer:suggestions");
    expect(suggested.items.map((h) => [h.start, h.annotation!.layer])).toEqual([[cpOf(TEXT, "Lavrov"), "suggestions"]]);
    // a QUOTE span's words, phrase and all
    expect(ids(await q(admin, `"share intelligence" label:QUOTE annotator:${alice.user.email}`))).toEqual([spans.aliceQuote]);
    expect(ids(await q(admin, `"intelligence share" label:QUOTE`))).toEqual([]);
  });

  it("pages through spans in document and text order", async () => {
    const text = Array.from({ length: 7 }, (_, i) => `Name${i} ${S}x${i}.`).join(" ");
    const many = await makeDocument(admin.actor, { project: project.slug, text });
    for (let i = 0; i < 7; i++) await createAnnotation({ actor: alice.actor, documentId: many.id, input: spanAt(text, `Name${i}`, "DATE") });
    const { pages, items } = await allPages(alice, `label:DATE layer:own project:${project.slug}`, 3);
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(items.map((h) => h.snippet.hit)).toEqual(Array.from({ length: 7 }, (_, i) => `Name${i}`));
    // with words, spans whose text does not hold them are passed over, and the cursor goes on after them
    const named = await allPages(alice, `name3 label:DATE`, 1, project.slug);
    expect(named.items.map((h) => h.snippet.hit)).toEqual(["Name3"]);
  });

  it("answers 403 for gold to annotators and 404 for a project one is not in", async () => {
    await expect(q(alice, "layer:gold")).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outsider = await makeUser("ANNOTATOR");
    await db.projectMember.deleteMany({ where: { projectId: project.id, userId: outsider.user.id } });
    await expect(search(outsider, "label:PERSON", { project: project.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(search(outsider, `label:PERSON project:${project.id}`)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe(`search input on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("answers every query, cursor and limit with 200 or a clean 400, never a server error", async () => {
    const parts = [
      "label:",
      "entity:",
      "annotator:",
      "layer:",
      "status:",
      "project:",
      '"',
      "Lavrov",
      " ",
      "NEAR(",
      "AND",
      "*",
      "-",
      "'",
      "🎉",
      "\\",
      ";",
      "%",
      "_",
      ")",
    ];
    const query = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.array(fc.constantFrom(...parts), { maxLength: 12 }).map((p) => p.join("")),
    );
    await fc.assert(
      fc.asyncProperty(
        query,
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        fc.option(fc.integer({ min: -5, max: 80 }), { nil: undefined }),
        async (q, cursor, limit) => {
          const params = new URLSearchParams({ q });
          if (cursor !== undefined) params.set("cursor", cursor);
          if (limit !== undefined) params.set("limit", String(limit));
          const res = await call(searchRoute.GET, { path: `/api/v1/search?${params}`, token: alice.token });
          expect([200, 400, 403, 404], `${params}: ${res.text.slice(0, 200)}`).toContain(res.status);
          if (res.status !== 200) expect(res.json.error?.code).toMatch(/^(INVALID_INPUT|FORBIDDEN|NOT_FOUND)$/);
        },
      ),
      { numRuns: 120 },
    );
  });

  it("explains what is wrong", async () => {
    const status = async (q: string, extra = "") => {
      const res = await call(searchRoute.GET, { path: `/api/v1/search?q=${encodeURIComponent(q)}${extra}`, token: alice.token });
      return [res.status, res.json.error?.message ?? ""];
    };
    expect(await status("")).toEqual([400, expect.stringMatching(/Type a word/)]);
    expect(await status("label:")).toEqual([400, expect.stringMatching(/label: needs a value/)]);
    expect(await status("layer:mine")).toEqual([400, expect.stringMatching(/layer: is one of own, gold, suggestions/)]);
    expect(await status("label:A label:B")).toEqual([400, expect.stringMatching(/given twice/)]);
    expect(await status("lavrov", "&cursor=nonsense")).toEqual([400, expect.stringMatching(/cursor/)]);
    expect(await status("lavrov", "&limit=500")).toEqual([400, expect.stringMatching(/limit/)]);
  });
});
