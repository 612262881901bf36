import { beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeAnnotatorLayer, makeDocument, makeGoldLayer, makeProject, makeUser, spanAt, TEST_PASSWORD, unique } from "@/lib/testing/factories";
import { createUser } from "@/lib/users/create-user";
import { createApiToken } from "@/lib/auth/api-tokens";
import { call } from "@/lib/testing/http";
import * as exporter from "@/app/api/v1/export/route";
import { splitOf, splitPlan } from "./dataset-split";

// Emoji (one of them a ZWJ family), a combining mark NFC keeps apart (q + U+0301), one it composes (e + U+0301), CJK ext B.
const TEXT = "Crème brûlée 😀 and e\u0301 and q\u0301 in 𠀀𪚥 Baghdad.\nSergey V. Lavrov met 👩‍👩‍👧 John Kerry of the State Department.";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, outsider: Ctx, ann: Ctx, ann2: Ctx;
let project: { id: string; slug: string };
let doc: { id: string; text: string };
let draft: { id: string; text: string };

const get = (query: string, token = admin.token) => call(exporter.GET, { path: `/api/v1/export?project=${project.slug}&${query}`, token });
const jsonl = (text: string) =>
  text
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const cpSlice = (t: string, s: number, e: number) => Array.from(t).slice(s, e).join("");

function python(...args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) =>
    execFile("python3", ["lib/export/check_export.py", ...args], (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr }),
    ),
  );
}

beforeAll(async () => {
  project = await makeProject();
  // a reviewer of another project only
  const elsewhere = await makeProject();
  const u = await createUser({
    email: `${unique("outsider")}@test.local`,
    name: unique("Outsider"),
    role: "REVIEWER",
    password: TEST_PASSWORD,
    projectIds: [elsewhere.id],
  });
  outsider = { user: u, actor: { id: u.id, email: u.email, name: u.name, role: "REVIEWER" }, token: (await createApiToken({ userId: u.id, name: "t" })).token };
  admin = await makeUser("ADMIN");
  ann = await makeUser("ANNOTATOR");
  ann2 = await makeUser("ANNOTATOR");
  doc = await makeDocument(admin.actor, { text: TEXT, project: project.slug, title: "Astral brief" });
  const t = doc.text;
  await makeAnnotatorLayer(ann.actor, doc.id, {
    spans: [spanAt(t, "Sergey V. Lavrov", "PERSON"), spanAt(t, "𠀀𪚥 Baghdad", "GPE"), spanAt(t, "State Department", "ORG")],
    status: "APPROVED",
  });
  await makeAnnotatorLayer(ann2.actor, doc.id, { spans: [spanAt(t, "👩‍👩‍👧 John Kerry", "PERSON")], status: "IN_PROGRESS" });
  await makeGoldLayer(admin.actor, doc.id, {
    spans: [
      spanAt(t, "😀 and é and q\u0301", "EVENT"),
      spanAt(t, "Sergey V. Lavrov", "PERSON"),
      spanAt(t, "👩‍👩‍👧 John Kerry", "PERSON"),
      spanAt(t, "State Department", "ORG"),
    ],
    status: "APPROVED",
  });
  draft = await makeDocument(admin.actor, { text: "A draft about 😀 Lavrov.", project: project.slug, title: "Draft" });
  await makeAnnotatorLayer(ann.actor, draft.id, { spans: [spanAt(draft.text, "Lavrov", "PERSON")], status: "SUBMITTED" });
});

describe(`export formats on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("checks with Python texts holding Unicode line and paragraph separators that JSON leaves unescaped", async () => {
    const own = await makeProject();
    const text = "Line one\u2028still line one\u0085and \u2029 Lavrov met Kerry.";
    const d = await makeDocument(admin.actor, { text, project: own.slug, title: "Separators" });
    await makeGoldLayer(admin.actor, d.id, { spans: [spanAt(d.text, "Lavrov", "PERSON"), spanAt(d.text, "still line one", "EVENT")], status: "APPROVED" });
    const res = await call(exporter.GET, { path: `/api/v1/export?project=${own.slug}&format=native`, token: admin.token });
    expect(res.status, res.text).toBe(200);
    expect(res.text).toContain("\u2028"); // raw in the JSON line, not escaped
    const file = join(mkdtempSync(join(tmpdir(), "marginalia-export-")), "sep.jsonl");
    writeFileSync(file, res.text);
    const checked = await python(file);
    expect(checked.out).toMatch(/^ok: \d+ records, 2 spans/);
    expect(checked.code).toBe(0);
  });

  it("writes every format so that Python's text[start:end] is each span's text", async () => {
    const dir = mkdtempSync(join(tmpdir(), "marginalia-export-"));
    expect(doc.text).toContain("q\u0301");
    const files: Record<string, string> = {};
    for (const format of ["native", "spacy", "doccano", "label-studio"]) {
      const res = await get(`format=${format}&layer=annotators&status=all`);
      expect(res.status, res.text).toBe(200);
      expect(res.headers.get("content-type")).toContain(format === "label-studio" ? "application/json" : "application/x-ndjson");
      expect(res.headers.get("content-disposition")).toContain(format);
      files[format] = join(dir, `${format}.${format === "label-studio" ? "json" : "jsonl"}`);
      writeFileSync(files[format], res.text);
    }
    for (const format of ["native", "label-studio"]) {
      const checked = await python(files[format]);
      expect(checked.out).toMatch(/^ok: \d+ records, 5 spans/);
      expect(checked.code).toBe(0);
    }
    for (const format of ["spacy", "doccano"]) {
      const checked = await python(files[format], files.native);
      expect(checked.out).toMatch(/^ok: 3 records, 5 spans/); // one record per annotator layer
      expect(checked.code).toBe(0);
    }
    // and the check does fail on a wrong offset
    const broken = join(dir, "broken.jsonl");
    writeFileSync(broken, JSON.stringify({ id: "x", text: "a😀b", spans: [{ id: "s", start: 1, end: 3, label: "L", text: "😀" }] }) + "\n");
    expect((await python(broken)).code).toBe(1);
  }, 30_000);

  it("gives UTF-16 offsets with offsets=utf16, so the JavaScript slice matches", async () => {
    const native = jsonl((await get("offsets=utf16")).text);
    expect(native[0].manifest.offsets.unit).toBe("utf16");
    const [record] = native.slice(1);
    expect(record.spans).toHaveLength(4);
    for (const s of record.spans) expect(record.text.slice(s.start, s.end)).toBe(s.text);
    const spacy = jsonl((await get("format=spacy&offsets=utf16")).text);
    expect(spacy[0].spans.map((s: { start: number; end: number }) => doc.text.slice(s.start, s.end))).toEqual(
      record.spans.map((s: { text: string }) => s.text),
    );
    const [task] = JSON.parse((await get("format=label-studio&offsets=utf16")).text);
    for (const r of task.annotations[0].result) expect(task.data.text.slice(r.value.start, r.value.end)).toBe(r.value.text);
    const [dc] = jsonl((await get("format=doccano&offsets=utf16")).text);
    expect(dc.label.map(([s, e]: number[]) => doc.text.slice(s, e))).toContain("👩‍👩‍👧 John Kerry");
    // the default unit is code points: the same span starts later in UTF-16 units
    const [cp] = jsonl((await get("format=doccano")).text);
    const kerry = (r: { label: [number, number, string][] }) => r.label.find(([s, e]) => e - s > 10 && r.label)!;
    expect(cpSlice(doc.text, kerry(cp)[0], kerry(cp)[1])).toBe(doc.text.slice(kerry(dc)[0], kerry(dc)[1]));
  });

  it("exports the approved gold layer by default with a manifest first, and keeps document lines as they were", async () => {
    const res = await get("");
    const [first, ...docs] = jsonl(res.text);
    expect(docs.map((d) => d.title)).toEqual(["Astral brief"]);
    const m = first.manifest;
    expect(m).toMatchObject({
      type: "manifest",
      schema_version: "marginalia.native/1",
      format: "native",
      offsets: { unit: "codepoint", end: "exclusive" },
      projects: [{ id: project.id, slug: project.slug }],
      filters: { layer: "gold", status: "approved", labels: null },
      counts: { documents: 1, layers: 1, spans: 4, spans_by_label: { PERSON: 2, ORG: 1, EVENT: 1 } },
      split: null,
    });
    expect(m.label_set.map((l: { name: string }) => l.name)).toEqual(expect.arrayContaining(["PERSON", "ORG", "GPE", "EVENT"]));
    expect(m.agreement.overall).toHaveProperty("alpha");
    expect(Date.parse(m.exported_at)).toBeGreaterThan(0);
    const d = docs[0];
    expect(Object.keys(d)).toEqual(expect.arrayContaining(["id", "title", "text", "meta", "spans", "grades", "stances", "layers"]));
    expect(d.layers).toEqual([{ layer: "gold", annotator: null, status: "APPROVED" }]);
    expect(d.spans[0]).toMatchObject({ label: "EVENT", text: "😀 and é and q\u0301", layer: "gold", review_state: "PENDING", entity: null });
    expect(d).not.toHaveProperty("split");
    const none = jsonl((await get("manifest=none")).text);
    expect(none.map((x) => x.id)).toEqual([doc.id]);
    const only = await get("manifest=only&agreement=false");
    expect(only.headers.get("content-type")).toContain("application/json");
    expect(only.json).toMatchObject({ type: "manifest", agreement: null, counts: { documents: 1 } });
  });

  it("filters by one annotator (email or id), by status and by a label subset", async () => {
    const byEmail = jsonl((await get(`layer=annotator:${ann.user.email}&manifest=none`)).text);
    expect(byEmail.map((d) => d.title)).toEqual(["Astral brief"]); // the draft's layer is only submitted
    expect(new Set(byEmail[0].spans.map((s: { annotator: { id: string } }) => s.annotator.id))).toEqual(new Set([ann.user.id]));
    const all = jsonl((await get(`layer=annotator:${ann.user.id}&status=all&manifest=none`)).text);
    expect(all.map((d) => d.title).sort()).toEqual(["Astral brief", "Draft"]);
    const everyone = jsonl((await get("format=spacy&layer=annotators&status=all")).text);
    expect(everyone.map((r) => r.meta.layer).sort()).toEqual([ann.user.name, ann.user.name, ann2.user.name].sort());

    const subset = jsonl((await get("labels=PERSON&labels=ORG&format=spacy")).text);
    expect(subset[0].spans.map((s: { label: string }) => s.label).sort()).toEqual(["ORG", "PERSON", "PERSON"]);
    const manifest = (await get("labels=PERSON&manifest=only")).json as { label_set: { name: string }[]; counts: { spans: number } };
    expect(manifest.label_set.map((l) => l.name)).toEqual(["PERSON"]);
    expect(manifest.counts.spans).toBe(2);
  });

  it("splits documents by a seed, the same every time, and counts the split in the manifest", async () => {
    const one = jsonl((await get("status=all&split=50/50&seed=7")).text);
    const two = jsonl((await get("status=all&split=50/50&seed=7")).text);
    expect(one.slice(1).map((d) => d.split)).toEqual(two.slice(1).map((d) => d.split));
    const plan = splitPlan([50, 50], "7");
    for (const d of one.slice(1)) expect(d.split).toBe(splitOf(plan, d.id));
    const counts = one[0].manifest.split.documents;
    expect(counts.train + counts.test).toBe(2);
    expect(one[0].manifest.split).toMatchObject({ seed: "7", shares: { train: 0.5, test: 0.5 } });
    const [spacy] = jsonl((await get("format=spacy&split=80/10/10&seed=x")).text);
    expect(spacy.meta.split).toBe(splitOf(splitPlan([80, 10, 10], "x"), doc.id));
  });

  it("answers 400 on bad options, 403 to annotators and 404 on unknown projects or annotators", async () => {
    for (const q of ["format=conll", "layer=everyone", "labels=NOPE", "offsets=bytes", "split=80/20/0", "format=spacy&manifest=first", "bogus=1"]) {
      const res = await get(q);
      expect(res.status, q).toBe(400);
      expect(res.json.error?.code).toBe("INVALID_INPUT");
    }
    expect((await get("", ann.token)).status).toBe(403);
    expect((await call(exporter.GET, { path: "/api/v1/export?project=no-such-project", token: admin.token })).status).toBe(404);
    expect((await get("", outsider.token)).status).toBe(404);
    expect((await get("layer=annotator:nobody@test.local")).status).toBe(404);
    expect((await get("layer=annotator:nobody@test.local")).json.error?.message).toContain("nobody@test.local");
  });
});
