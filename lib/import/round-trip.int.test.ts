/**
 * Round trip: export native → import into an empty project (into the same
 * annotator's layer) → export native gives the same records, ids aside.
 */
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { makeAnnotatorLayer, makeProject, makeUser, unique } from "@/lib/testing/factories";
import { importDocument } from "@/lib/documents/import-document";
import { exportRecords } from "@/lib/export/stream-export";
import { jsonLine, type ExportDocument } from "@/lib/export/native-record";
import { importFiles } from "./import-files";
import { DEFAULT_LABELS } from "@/lib/projects/default-labels";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, ann: Ctx;
beforeAll(async () => {
  admin = await makeUser("ADMIN");
  ann = await makeUser("ANNOTATOR");
});

const LABELS = DEFAULT_LABELS.map((l) => l.name);
const piece = fc.constantFrom("a", "Z", " ", "\n", "😀", "👩‍👩‍👧", "e\u0301", "é", "中", "𝔘", "\u00a0", "ﬁ", "Lavrov", "-", "\u200d");
const docArb = fc.record({
  title: fc.string({ minLength: 1, maxLength: 20 }).filter((t) => t.trim() !== ""),
  pieces: fc.array(piece, { minLength: 1, maxLength: 25 }),
  outlet: fc.option(fc.constantFrom("AP", "Reuters 😀", "Al-Monitor"), { nil: undefined }),
  spans: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...LABELS)), { maxLength: 5 }),
});

async function exportProject(slug: string): Promise<{ records: ExportDocument[]; jsonl: string }> {
  const records: ExportDocument[] = [];
  for await (const r of exportRecords({ actor: admin.actor, options: { layer: "annotators", status: "all", project: slug } })) records.push(r);
  return { records, jsonl: records.map(jsonLine).join("") };
}

const comparable = (records: ExportDocument[]) =>
  records
    .map((r) => ({
      title: r.title,
      text: r.text,
      meta: { ...r.meta, project: undefined },
      spans: r.spans.map((s) => ({ start: s.start, end: s.end, label: s.label, text: s.text, annotator: s.annotator?.id })),
    }))
    .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));

async function* chunks(s: string) {
  for (let i = 0; i < s.length; i += 97) yield s.slice(i, i + 97);
}

describe(`round trip on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("property: export native → import → export native gives the same records", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(docArb, { minLength: 1, maxLength: 3 }), async (docs) => {
        const source = await makeProject();
        const target = await makeProject();
        for (const d of docs) {
          const { document } = await importDocument({
            actor: admin.actor,
            input: { title: d.title, text: d.pieces.join("") + unique(" "), project: source.slug, outlet: d.outlet },
          });
          const spans = d.spans.map(([a, b, label]) => {
            const start = a % document.length;
            return { start, end: start + 1 + (b % (document.length - start)), label };
          });
          await makeAnnotatorLayer(ann.actor, document.id, { spans });
        }
        const first = await exportProject(source.slug);
        const summary = await importFiles({
          actor: admin.actor,
          options: { project: target.slug, into: `annotator:${ann.user.email}`, mode: "all-or-nothing" },
          files: [{ name: "export.jsonl", chunks: chunks(first.jsonl) }],
        });
        expect(summary).toMatchObject({ format: "native", documents: docs.length, errors: [] });
        const second = await exportProject(target.slug);
        expect(comparable(second.records)).toEqual(comparable(first.records));
        for (const r of second.records) for (const s of r.spans) expect(Array.from(r.text).slice(s.start, s.end).join("")).toBe(s.text);
      }),
      { numRuns: 4 },
    );
  }, 120_000);
});
