/**
 * What `npm run bench` loads into the product: three documents made by
 * lib/bench/corpus.ts, as import files (Marginalia's native JSONL), and the
 * review document's second and third annotators' spans.
 *
 * - doc:    the document page — one annotator's layer of N spans.
 * - review: the review page — three annotators' layers of N spans each (the
 *           first imported, the two others posted span by span through the
 *           API), each differing from the first in about one span in six
 *           (another label, or a word longer), and gold holding what all
 *           three agree on (review "merge agreed").
 * - big:    2,000,000 characters (the import limit), server figures only.
 */
import { benchCorpus, rng, SPAN_LABELS, type BenchCorpus, type BenchSpan } from "./corpus";
import { api, type BenchServer } from "./server";

export type WorkloadOptions = { words: number; spans: number; bigCodePoints: number; bigSpans: number };

export type Workload = {
  options: WorkloadOptions;
  doc: BenchCorpus & { title: string };
  review: BenchCorpus & { title: string; layers: [BenchSpan[], BenchSpan[], BenchSpan[]] };
  /** made on demand: it is large */
  big: () => BenchCorpus & { title: string };
};

export const DEFAULT_WORKLOAD: WorkloadOptions = { words: 50_000, spans: 5_000, bigCodePoints: 2_000_000, bigSpans: 20_000 };

/** Another annotator's take on the same document: about one span in six differs. */
export function variantLayer(corpus: BenchCorpus, seed: number): BenchSpan[] {
  const random = rng(seed);
  return corpus.spans.map((s) => {
    const r = random();
    if (r < 1 / 12) return { ...s, label: SPAN_LABELS[(SPAN_LABELS.indexOf(s.label) + 1) % SPAN_LABELS.length] };
    if (r < 2 / 12) {
      // one word longer, unless the text ends there
      const i = corpus.wordEnds.findIndex((e) => e > s.end);
      return i === -1 ? s : { ...s, end: corpus.wordEnds[i] };
    }
    return s;
  });
}

export function makeWorkload(options: WorkloadOptions = DEFAULT_WORKLOAD): Workload {
  const doc = { ...benchCorpus({ words: options.words, spans: options.spans, seed: 7 }), title: "Bench: one annotator's layer" };
  const review = benchCorpus({ words: options.words, spans: options.spans, seed: 11 });
  return {
    options,
    doc,
    review: { ...review, title: "Bench: three annotators and gold", layers: [review.spans, variantLayer(review, 101), variantLayer(review, 202)] },
    big: () => ({
      ...benchCorpus({ codePoints: options.bigCodePoints, spans: options.bigSpans, seed: 23 }),
      title: `Bench: ${options.bigCodePoints.toLocaleString("en")} characters`,
    }),
  };
}

/** One document as a line of Marginalia's native import format (offsets in code points). */
export function nativeImportLine(title: string, text: string, spans: BenchSpan[]): string {
  return JSON.stringify({ title, text, meta: { source: "npm run bench" }, spans: spans.map((s) => ({ start: s.start, end: s.end, label: s.label })) }) + "\n";
}

// ---- through the HTTP API ---------------------------------------------------

type ImportSummary = {
  documents: number;
  spans: number;
  created: { id: string; spans: number }[];
  errorCount: number;
  errors: { line: number; message: string }[];
};

/** POST /api/v1/import: one document with its spans into an annotator's own layer (all or nothing). */
export async function importDocument(
  server: BenchServer,
  token: string,
  opts: { project: string; into: string; title: string; text: string; spans: BenchSpan[] },
) {
  const query = new URLSearchParams({
    project: opts.project,
    format: "native",
    into: `annotator:${opts.into}`,
    mode: "all-or-nothing",
    filename: "bench.jsonl",
  });
  const summary = await api<ImportSummary>(server, token, "POST", `/api/v1/import?${query}`, nativeImportLine(opts.title, opts.text, opts.spans), {
    "content-type": "application/x-ndjson",
  });
  if (summary.documents !== 1 || summary.spans !== opts.spans.length) throw new Error(`import of "${opts.title}": ${JSON.stringify(summary).slice(0, 500)}`);
  return summary.created[0].id;
}

/** POST /api/v1/documents/:id/annotations, span by span, a few at a time. */
export async function postSpans(server: BenchServer, token: string, documentId: string, spans: BenchSpan[], concurrency: number) {
  let next = 0;
  const worker = async () => {
    while (next < spans.length) {
      const s = spans[next++];
      await api(server, token, "POST", `/api/v1/documents/${documentId}/annotations`, { start: s.start, end: s.end, label: s.label });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * The review document: the first annotator's layer imported (which creates
 * the document), the second's and third's posted span by span, all three
 * submitted, and gold made of what all three agree on ("merge agreed").
 */
export async function loadReviewDocument(
  server: BenchServer,
  opts: { project: string; admin: string; annotators: { email: string; token: string }[]; review: Workload["review"]; concurrency: number },
) {
  const [first, ...others] = opts.annotators;
  const id = await importDocument(server, opts.admin, {
    project: opts.project,
    into: first.email,
    title: opts.review.title,
    text: opts.review.text,
    spans: opts.review.layers[0],
  });
  await Promise.all(others.map((a, i) => postSpans(server, a.token, id, opts.review.layers[i + 1], Math.max(1, Math.floor(opts.concurrency / others.length)))));
  for (const a of opts.annotators) await api(server, a.token, "POST", `/api/v1/documents/${id}/submit`);
  const merged = await api<{ merged: number; leftToAdjudicate: number }>(server, opts.admin, "POST", `/api/v1/documents/${id}/review/merge`, {
    threshold: "unanimous",
  });
  return { id, gold: merged.merged, leftToAdjudicate: merged.leftToAdjudicate };
}
