/**
 * A project the size of a team's corpus, for measuring the dashboard: many
 * short news-like documents, each with several annotators' layers that
 * mostly agree (each annotator drops, shifts or relabels some of a shared set
 * of spans), and a gold layer on some. Deterministic for a seed.
 *
 * Rows go in through the database in batches (createMany), not through the
 * API: this makes the data a dashboard reads, and the write paths are
 * measured elsewhere. Documents carry the same fields an import gives them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { db } from "@/lib/db";
import { textHash } from "@/lib/documents/import-document";
import { userSlot, GOLD_SLOT, type LayerStatus } from "@/lib/domain/enums";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { ensureProject } from "@/lib/projects/ensure-project";
import { createUser } from "@/lib/users/create-user";
import { rng } from "./corpus";

export type AgreementProjectOptions = {
  documents: number;
  /** annotator layers per document (default 3) */
  annotators?: number;
  /** spans in the shared set each annotator starts from (default 4) */
  spans?: number;
  /** words per document, about (default 120) */
  words?: number;
  /** share of documents with a gold layer (default 0.2) */
  gold?: number;
  seed?: number;
  /** project slug (default: a new one from the seed and time) */
  slug?: string;
  /** documents per createMany batch (default 250) */
  batch?: number;
};

const LABELS = ["PERSON", "ORG", "GPE", "DATE", "LOC", "NORP"];
/** statuses of annotator layers, most of them completed */
const STATUSES: LayerStatus[] = [
  "SUBMITTED",
  "SUBMITTED",
  "APPROVED",
  "APPROVED",
  "SUBMITTED",
  "IN_PROGRESS",
  "APPROVED",
  "SUBMITTED",
  "REJECTED",
  "SUBMITTED",
];

type Span = { start: number; end: number; label: string };

function vocabulary(dir = "seeds"): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), "utf8").split(/\s+/))
    .map((w) => w.replace(/[^\p{L}\p{N}'-]/gu, ""))
    .filter(Boolean);
}

/** One document's text, and where its words start and end (code points). */
function makeText(words: string[], random: () => number, count: number, tag: number) {
  const parts: string[] = [];
  const bounds: { start: number; end: number }[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const word = i === 0 ? `Report${tag}` : words[Math.floor(random() * words.length)];
    const sep = i === 0 ? "" : i % 40 === 0 ? ".\n" : " ";
    at += Array.from(sep).length;
    const len = Array.from(word).length;
    bounds.push({ start: at, end: at + len });
    parts.push(sep, word);
    at += len;
  }
  return { text: parts.join("") + ".", bounds };
}

function sharedSpans(bounds: { start: number; end: number }[], random: () => number, n: number): Span[] {
  const spans: Span[] = [];
  const slot = Math.floor(bounds.length / n);
  for (let k = 0; k < n; k++) {
    const first = k * slot + 1 + Math.floor(random() * Math.max(1, slot - 4));
    const last = Math.min(bounds.length - 1, first + Math.floor(random() * 3));
    spans.push({ start: bounds[first].start, end: bounds[last].end, label: LABELS[Math.floor(random() * LABELS.length)] });
  }
  return spans;
}

/** An annotator's version of the shared spans: most kept, some dropped, shifted to a neighbouring word, or relabelled. */
function perturb(spans: Span[], bounds: { start: number; end: number }[], random: () => number): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const r = random();
    if (r < 0.1) continue;
    if (r < 0.2) {
      out.push({ ...s, label: LABELS[Math.floor(random() * LABELS.length)] });
    } else if (r < 0.3) {
      const next = bounds.find((b) => b.start >= s.end);
      out.push({ ...s, end: next ? next.end : s.end });
    } else out.push(s);
  }
  if (random() < 0.2) {
    const b = bounds[Math.floor(random() * bounds.length)];
    out.push({ start: b.start, end: b.end, label: LABELS[Math.floor(random() * LABELS.length)] });
  }
  return out;
}

/** Creates the users, the project and its documents with layers; returns their ids. */
export async function seedAgreementProject(opts: AgreementProjectOptions) {
  const seed = opts.seed ?? 11;
  const annotators = opts.annotators ?? 3;
  const batch = opts.batch ?? 250;
  const random = rng(seed);
  const words = vocabulary();
  const tag = `${seed}-${Date.now().toString(36)}`;

  const users = [];
  for (let i = 0; i < annotators; i++) {
    users.push(
      await createUser({
        email: `bench-annotator-${i}-${tag}@bench.local`,
        name: `Bench annotator ${i + 1} ${tag}`,
        role: "ANNOTATOR",
        password: "bench-password-1",
      }),
    );
  }
  const reviewer = await createUser({
    email: `bench-reviewer-${tag}@bench.local`,
    name: `Bench reviewer ${tag}`,
    role: "REVIEWER",
    password: "bench-password-1",
  });
  const admin = await createUser({ email: `bench-admin-${tag}@bench.local`, name: `Bench admin ${tag}`, role: "ADMIN", password: "bench-password-1" });
  const project = await ensureProject({ slug: opts.slug ?? `bench-agreement-${tag}`, name: `Agreement bench ${tag}` });
  // ensureProject makes every existing user, so the ones above, a member
  const labelId = new Map((await db.label.findMany({ where: { projectId: project.id } })).map((l) => [l.name, l.id]));

  for (let from = 0; from < opts.documents; from += batch) {
    const docs = [];
    const layers: Prisma.LayerCreateManyInput[] = [];
    const annotations: { id: string; layerId: string; start: number; end: number; text: string; labelId: string; createdById: string }[] = [];
    for (let d = from; d < Math.min(opts.documents, from + batch); d++) {
      const { text, bounds } = makeText(words, random, (opts.words ?? 120) - 20 + Math.floor(random() * 40), d);
      const documentId = `bench${tag.replace(/[^a-z0-9]/g, "")}d${d}`;
      docs.push({
        id: documentId,
        projectId: project.id,
        title: `Report ${d}`,
        text,
        textHash: textHash(text),
        length: Array.from(text).length,
        source: "bench",
      });
      const shared = sharedSpans(bounds, random, opts.spans ?? 4);
      const layerSpans: { layerId: string; userId: string; spans: Span[] }[] = users.map((u, i) => ({
        layerId: `${documentId}l${i}`,
        userId: u.id,
        spans: perturb(shared, bounds, random),
      }));
      users.forEach((u, i) => {
        const status = STATUSES[Math.floor(random() * STATUSES.length)];
        layers.push({
          id: `${documentId}l${i}`,
          documentId,
          kind: "ANNOTATOR",
          userId: u.id,
          slot: userSlot(u.id),
          status,
          seat: i,
          assignedAt: new Date(),
          submittedAt: status === "IN_PROGRESS" ? null : new Date(),
        });
      });
      if (random() < (opts.gold ?? 0.2)) {
        layers.push({
          id: `${documentId}g`,
          documentId,
          kind: "GOLD",
          userId: null,
          slot: GOLD_SLOT,
          status: "IN_PROGRESS",
          seat: null,
          assignedAt: null,
          submittedAt: null,
        });
        layerSpans.push({ layerId: `${documentId}g`, userId: reviewer.id, spans: shared });
      }
      const chars = Array.from(text);
      for (const l of layerSpans) {
        l.spans.forEach((s, k) => {
          annotations.push({
            id: `${l.layerId}a${k}`,
            layerId: l.layerId,
            start: s.start,
            end: s.end,
            text: chars.slice(s.start, s.end).join(""),
            labelId: labelId.get(s.label)!,
            createdById: l.userId,
          });
        });
      }
    }
    await db.document.createMany({ data: docs });
    await db.layer.createMany({ data: layers });
    await db.annotation.createMany({ data: annotations });
  }
  return { projectId: project.id, slug: project.slug, annotatorIds: users.map((u) => u.id), reviewerId: reviewer.id, adminId: admin.id };
}
