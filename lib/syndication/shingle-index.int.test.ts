import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeProject, makeUser, unique } from "@/lib/testing/factories";
import { importDocument } from "@/lib/documents/import-document";
import { getDocument } from "@/lib/documents/get-document";
import { documentScope } from "@/lib/authz";
import { importFiles } from "@/lib/import/import-files";
import { revealDocuments, SPANS_PER_TRANSACTION, writeImportedDocument } from "@/lib/import/write-document";
import { SyndicationIndex } from "./corpus";
import { documentSyndication, syndicationOfDocument } from "./project-syndication";
import { INDEX_INLINE_DOCUMENTS } from "@/lib/import/run-import";
import { backfillProject, startBackfill } from "./backfill";

const seeds = readdirSync("seeds")
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => ({ title: f, text: readFileSync(`seeds/${f}`, "utf8") }));

async function seedProject() {
  const { actor } = await makeUser("ADMIN");
  const project = await makeProject();
  const docs = [];
  for (const s of seeds) docs.push((await importDocument({ actor, input: { ...s, project: project.slug } })).document);
  return { actor, project, docs };
}

/** Passages of every document as the whole-corpus in-memory index finds them. */
function inMemory(docs: { id: string; title: string; text: string }[]) {
  const index = new SyndicationIndex([...docs].sort((a, b) => (a.id < b.id ? -1 : 1)));
  return new Map(docs.map((d) => [d.id, index.passagesOf(d.id)]));
}

describe(`syndication index on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("finds, from the index written at import, the same passages as the whole-corpus computation", async () => {
    const { actor, project, docs } = await seedProject();
    expect(await db.syndicationShingle.count({ where: { projectId: project.id } })).toBeGreaterThan(0);
    const want = inMemory(docs);
    let found = 0;
    for (const d of docs) {
      const got = await documentSyndication({ actor, documentId: d.id });
      expect(got.passages).toEqual(want.get(d.id));
      expect(got.index).toEqual({ documents: docs.length, indexed: docs.length, complete: true });
      found += got.passages.length;
    }
    expect(found).toBeGreaterThan(0);
  });

  it("forgets a deleted document: its rows go, and nobody shares passages with it any more", async () => {
    const { actor, docs } = await seedProject();
    const withCopies = [];
    for (const d of docs) if ((await documentSyndication({ actor, documentId: d.id })).passages.length) withCopies.push(d);
    const gone = withCopies[0];
    await db.document.delete({ where: { id: gone.id } });
    expect(await db.syndicationShingle.count({ where: { documentId: gone.id } })).toBe(0);
    const rest = docs.filter((d) => d.id !== gone.id);
    const want = inMemory(rest);
    for (const d of rest) {
      const got = await documentSyndication({ actor, documentId: d.id });
      expect(got.passages.flatMap((p) => p.copies.map((c) => c.documentId))).not.toContain(gone.id);
      expect(got.passages).toEqual(want.get(d.id));
    }
  });

  it("backfills documents imported before the index, and answers with progress meanwhile", async () => {
    const { actor, project, docs } = await seedProject();
    const want = inMemory(docs);
    // as a database migrated from before the index: no rows, nothing marked indexed
    await db.syndicationShingle.deleteMany({ where: { projectId: project.id } });
    await db.document.updateMany({ where: { projectId: project.id }, data: { shinglesIndexed: false } });
    expect(await backfillProject(project.id)).toBe(docs.length);
    expect(await db.document.count({ where: { projectId: project.id, shinglesIndexed: false } })).toBe(0);
    for (const d of docs) expect((await documentSyndication({ actor, documentId: d.id })).passages).toEqual(want.get(d.id));
    // asking before the backfill ran: the document itself is indexed on demand, the rest in the background
    await db.syndicationShingle.deleteMany({ where: { projectId: project.id } });
    await db.document.updateMany({ where: { projectId: project.id }, data: { shinglesIndexed: false } });
    const early = await documentSyndication({ actor, documentId: docs[0].id });
    expect(early.index.documents).toBe(docs.length);
    expect(early.index.indexed).toBeGreaterThanOrEqual(1);
    await backfillProject(project.id); // joins what is left
    expect((await documentSyndication({ actor, documentId: docs[0].id })).passages).toEqual(want.get(docs[0].id));
  });

  it("imports a document with many spans in chunks, invisible until complete, and removes it whole when a chunk fails", async () => {
    const { actor, user } = await makeUser("ADMIN");
    const project = await makeProject();
    const label = await db.label.upsert({
      where: { projectId_name: { projectId: project.id, name: "ORG" } },
      create: { projectId: project.id, name: "ORG", color: "#000000" },
      update: {},
    });
    const words = Array.from({ length: 3 * SPANS_PER_TRANSACTION }, (_, i) => `w${i}`);
    const text = words.join(" ");
    let at = 0;
    const spans = words.map((w) => {
      const s = { start: at, end: at + w.length, label: "ORG", text: w };
      at += w.length + 1;
      return s;
    });
    const doc = { line: 1, title: unique("Long"), text, meta: { outlet: null, byline: null, published_at: null, source: null }, spans };
    const base = {
      projectId: project.id,
      actorId: user.id,
      target: { kind: "SUGGESTIONS" as const, slot: "suggestions:import:test", userId: null },
      metadata: {},
    };

    // written but not revealed: nobody can open or list it
    const hidden = await writeImportedDocument({ ...base, doc, hash: unique("h"), labelIds: new Map([["ORG", label.id]]), hidden: true });
    expect(await db.annotation.count({ where: { layer: { documentId: hidden.id } } })).toBe(spans.length);
    await expect(getDocument({ actor, documentId: hidden.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.document.count({ where: { id: hidden.id, ...documentScope(actor) } })).toBe(0); // the scope of every list
    expect(await db.document.count({ where: { id: hidden.id } })).toBe(1);
    await revealDocuments([hidden.id]);
    expect((await getDocument({ actor, documentId: hidden.id })).id).toBe(hidden.id);
    expect(await db.auditEvent.count({ where: { documentId: hidden.id, subject: "ANNOTATION", action: "IMPORT" } })).toBe(spans.length);

    // a chunk that fails (a label that does not exist, past the first chunk): nothing of the document is left
    const failing = spans.map((s, i) => (i === 2 * SPANS_PER_TRANSACTION + 1 ? { ...s, label: "GONE" } : s));
    const before = await db.document.count({ where: { projectId: project.id } });
    await expect(
      writeImportedDocument({
        ...base,
        doc: { ...doc, title: unique("Failing"), spans: failing },
        hash: unique("h"),
        labelIds: new Map([
          ["ORG", label.id],
          ["GONE", "no-such-label"],
        ]),
      }),
    ).rejects.toThrow();
    expect(await db.document.count({ where: { projectId: project.id } })).toBe(before);
    expect(await db.annotation.count({ where: { layer: { document: { projectId: project.id } } } })).toBe(spans.length);

    // through the import API: everything reported is there and indexed
    const line = JSON.stringify({ title: "Via import", text: `${text} again`, spans });
    const summary = await importFiles({
      actor,
      options: { project: project.slug },
      files: [
        {
          name: "long.jsonl",
          chunks: (async function* () {
            yield line;
          })(),
        },
      ],
    });
    expect(summary).toMatchObject({ documents: 1, spans: spans.length });
    const created = await db.document.findUniqueOrThrow({ where: { id: summary.created[0].id }, select: { importing: true, shinglesIndexed: true } });
    expect(created).toEqual({ importing: false, shinglesIndexed: true });
    expect(await db.annotation.count({ where: { layer: { documentId: summary.created[0].id } } })).toBe(spans.length);
  });

  it("leaves the index of a large import to the background backfill it starts; answers with progress, then in full", async () => {
    const { actor } = await makeUser("ADMIN");
    const project = await makeProject();
    const wire = seeds[0].text.split(/\s+/).slice(100, 160).join(" ");
    // the wire text in 10 of them (in more than half it would be boilerplate)
    const lines = Array.from({ length: INDEX_INLINE_DOCUMENTS + 5 }, (_, i) =>
      JSON.stringify({ title: `R${i}`, text: `Report ${i} ${unique("w")} opens. ${i < 10 ? wire : ""} Report ${i} ends.` }),
    );
    const summary = await importFiles({
      actor,
      options: { project: project.slug },
      files: [
        {
          name: "many.jsonl",
          chunks: (async function* () {
            yield lines.join("\n");
          })(),
        },
      ],
    });
    expect(summary.documents).toBe(lines.length);
    const first = await documentSyndication({ actor, documentId: summary.created[0].id });
    expect(first.index.documents).toBe(lines.length);
    await startBackfill(project.id); // joins the run the import started
    const docs = await db.document.findMany({ where: { projectId: project.id }, select: { id: true, title: true, text: true, shinglesIndexed: true } });
    expect(docs.every((d) => d.shinglesIndexed)).toBe(true);
    const want = inMemory(docs);
    const got = await documentSyndication({ actor, documentId: summary.created[0].id });
    expect(got.index).toEqual({ documents: lines.length, indexed: lines.length, complete: true });
    expect(got.candidates).toEqual({ total: 9, matched: 9 });
    expect(got.passages).toEqual(want.get(summary.created[0].id));
    expect(got.passages[0].copies).toHaveLength(9);
  });

  it("matches at most maxCandidates documents, those sharing the most shingles first, and says how many there were", async () => {
    const { project, docs } = await seedProject();
    const full = [];
    for (const d of docs) full.push({ d, r: await syndicationOfDocument(d.id) });
    const { d, r } = full.sort((x, y) => y.r.candidates.total - x.r.candidates.total)[0];
    expect(r.candidates.total).toBeGreaterThanOrEqual(2);
    const focus = await db.document.findUniqueOrThrow({
      where: { id: d.id },
      select: { id: true, projectId: true, title: true, text: true, shinglesIndexed: true },
    });
    expect(focus.projectId).toBe(project.id);
    const { syndicationAround } = await import("./project-syndication");
    const capped = await syndicationAround(focus, { maxCandidates: 1 });
    expect(capped.candidates).toEqual({ total: r.candidates.total, matched: 1 });
    const copies = new Set(capped.index.passagesOf(d.id).flatMap((p) => p.copies.map((c) => c.documentId)));
    expect(copies.size).toBeLessThanOrEqual(1);
  });
});
