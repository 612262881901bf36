/**
 * Any of label, entity, annotator, layer or status: spans, in document and
 * text order; with words too, the spans whose own text holds them all.
 *
 * The walk goes a window of documents at a time, picked in id order through
 * an index where a filter allows (the full-text index for words, the
 * annotator's layers, the entity's mentions; else the documents one may
 * open), and reads that window's spans that pass the filters: no statement
 * reads more than one window's spans, however large the corpus. Windows
 * start small (hits of a common filter are near) and double while hits are
 * scarce, up to MAX_WINDOW_DOCUMENTS. A request reads at most
 * DOCUMENT_BUDGET documents' spans and checks at most SCAN_LIMIT spans'
 * texts against words; a page cut short there has a cursor to go on from.
 */
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { getSql, toBool, type Sql } from "@/lib/db/sql";
import { loadDocumentText } from "@/lib/documents/get-document";
import { seenAs } from "@/lib/review/blind";
import { utf16OffsetOf } from "@/lib/text/offsets";
import { turn } from "@/lib/agreement/stored/turn";
import type { ParsedQuery, StatusFilter } from "./query-language";
import { holdsAllTerms } from "./match-text";
import { snippetOf } from "./snippet";
import { decodeCursor, encodeCursor } from "./cursor";
import { pseudonymPairs } from "./annotator-filter";
import {
  and,
  annotatorIs,
  clause,
  documentScope,
  documentsMentioning,
  documentsOfAnnotator,
  documentsWithOwnLayer,
  entityIs,
  labelIs,
  layerStatusIs,
  postgresDocumentsMatching,
  sqliteDocumentsMatching,
  spanTextMayHold,
  visibleLayers,
  type Clause,
} from "./search-clauses";
import type { SearchHit, SearchPage } from "./search-hit";

export const WINDOW_DOCUMENTS = 100;
export const MAX_WINDOW_DOCUMENTS = 1600;
/** Documents whose spans one request reads, at most (the last window may end past it). */
export const DOCUMENT_BUDGET = 4000;
/** Spans whose text is checked against the words, at most, per request. */
export const SCAN_LIMIT = 2000;
const SCAN_BATCH = 250;

/** A cursor: the last span read (document, start, id), or (document, -1, "") for "after that whole document". */
const SpanKey = z.tuple([z.string().max(200), z.number().int().min(-1), z.string().max(200)]);
type SpanKey = z.infer<typeof SpanKey>;

const LAYER_NAMES = { ANNOTATOR: "annotator", GOLD: "gold", SUGGESTIONS: "suggestions" } as const;

type SpanRow = {
  id: string;
  start: number;
  end: number;
  text: string;
  documentId: string;
  title: string;
  layerKind: keyof typeof LAYER_NAMES;
  layerStatus: string;
  userId: string | null;
  userName: string | null;
  label: string;
  color: string;
  projectId: string;
  projectSlug: string;
  projectName: string;
  blindReview: unknown;
};

const SPAN_QUERY = (where: string) =>
  `SELECT a."id", a."start", a."end", a."text", l."documentId", d."title", l."kind" AS "layerKind", l."status" AS "layerStatus",
          l."userId", u."name" AS "userName", lb."name" AS "label", lb."color", p."id" AS "projectId", p."slug" AS "projectSlug",
          p."name" AS "projectName", p."blindReview"
     FROM "Annotation" a
     JOIN "Layer" l ON l."id" = a."layerId"
     JOIN "Document" d ON d."id" = l."documentId"
     JOIN "Project" p ON p."id" = d."projectId"
     JOIN "Label" lb ON lb."id" = a."labelId"
     LEFT JOIN "User" u ON u."id" = l."userId"
    WHERE ${where}
    ORDER BY l."documentId", a."start", a."id"
    LIMIT ?`;

/**
 * Which documents may hold hits (through an index where a filter has one), and which of their spans are hits. The
 * spans are read only from a window of those documents (their ids), so the document scope is not repeated for them:
 * the planner would walk the whole project for it instead of looking the window's documents up.
 */
async function filters(viewer: Actor, parsed: ParsedQuery, projectId: string | null): Promise<{ documents: Clause; spans: Clause }> {
  const f = parsed.filters;
  const sqlite = (await getSql()).provider === "sqlite";
  const pairs = f.annotator === undefined ? [] : await pseudonymPairs(viewer, f.annotator, projectId);
  const scope = documentScope(viewer, projectId);
  const documents = [scope];
  const spans = [visibleLayers(viewer, f.layer)];
  if (parsed.terms.length > 0) {
    documents.push(sqlite ? sqliteDocumentsMatching(parsed.terms, `d."id"`) : postgresDocumentsMatching(parsed.terms, `d."id"`));
    spans.push(spanTextMayHold(parsed.terms, sqlite));
  }
  if (f.layer === "own") documents.push(documentsWithOwnLayer(viewer));
  if (f.label !== undefined) spans.push(labelIs(f.label));
  if (f.status !== undefined) spans.push(layerStatusIs(f.status as StatusFilter));
  if (f.entity !== undefined) {
    documents.push(documentsMentioning(f.entity));
    spans.push(entityIs(f.entity));
  }
  if (f.annotator !== undefined) {
    documents.push(documentsOfAnnotator(f.annotator, pairs));
    spans.push(annotatorIs(viewer, f.annotator, pairs));
  }
  return { documents: and(documents), spans: and(spans) };
}

/** The next window: documents that may hold hits, from the cursor's document on. */
async function windowDocuments(sql: Sql, documents: Clause, after: SpanKey | null, size: number): Promise<string[]> {
  const from = after === null ? [] : [clause(after[1] === -1 ? `d."id" > ?` : `d."id" >= ?`, after[0])];
  const where = and([documents, ...from]);
  const rows = await sql.all<{ id: string }>(`SELECT d."id" FROM "Document" d WHERE ${where.sql} ORDER BY d."id" LIMIT ?`, [...where.params, size]);
  return rows.map((r) => r.id);
}

export async function searchSpans(opts: { viewer: Actor; parsed: ParsedQuery; projectId: string | null; limit: number; cursor?: string }): Promise<SearchPage> {
  const { limit } = opts;
  const sql = await getSql();
  const { documents, spans } = await filters(opts.viewer, opts.parsed, opts.projectId);
  const holdsWords = opts.parsed.terms.length > 0 ? holdsAllTerms(opts.parsed.terms) : null;
  let after = decodeCursor(opts.cursor, "annotations", SpanKey);
  const found: SpanRow[] = [];
  let scanned = 0;
  let more = false;
  let read = 0;
  let size = WINDOW_DOCUMENTS;
  walk: for (let window = 0; ; window++) {
    if (read >= DOCUMENT_BUDGET || scanned >= SCAN_LIMIT) {
      more = true;
      break;
    }
    if (window > 0) {
      await turn();
      size = Math.min(size * 2, MAX_WINDOW_DOCUMENTS);
    }
    const docs = await windowDocuments(sql, documents, after, size);
    read += docs.length;
    if (docs.length === 0) break;
    // the window's spans after the cursor: one read of what the page still needs, or batches of texts to check
    for (;;) {
      const batch = holdsWords ? Math.min(SCAN_BATCH, SCAN_LIMIT - scanned) : limit - found.length + 1;
      const keyset = after && after[1] >= 0 ? [clause(`(l."documentId", a."start", a."id") > (?, ?, ?)`, ...after)] : [];
      const where = and([spans, clause(`d."id" IN (${docs.map(() => "?").join(", ")})`, ...docs), ...keyset]);
      const rows = await sql.all<SpanRow>(SPAN_QUERY(where.sql), [...where.params, batch]);
      scanned += rows.length;
      for (const r of rows) {
        if (found.length === limit) {
          more = true;
          break walk;
        }
        after = [r.documentId, Number(r.start), r.id];
        if (!holdsWords || holdsWords(r.text)) found.push(r);
      }
      if (rows.length < batch) break; // the window is done
      if (scanned >= SCAN_LIMIT) {
        more = true;
        break walk;
      }
      await turn();
    }
    after = [docs[docs.length - 1], -1, ""];
    if (docs.length < size) break; // and it was the last one
  }
  const items = await spanHits(opts.viewer, found);
  // `after` is the last row read (the last hit, or where the walk stopped)
  return { items, nextCursor: more && after ? encodeCursor({ mode: "annotations", after }) : null, mode: "annotations" };
}

/**
 * The page's spans with their snippets: each document's text read once, its spans' offsets converted in text order
 * (a walk from the previous one), the event loop given back between documents.
 */
async function spanHits(viewer: Actor, rows: SpanRow[]): Promise<SearchHit[]> {
  const hits: SearchHit[] = [];
  let text = "";
  let at = { u: 0, cp: 0 };
  for (const [i, r] of rows.entries()) {
    if (i === 0 || rows[i - 1].documentId !== r.documentId) {
      await turn();
      text = await loadDocumentText(r.documentId);
      at = { u: 0, cp: 0 };
    }
    const start = Number(r.start);
    const end = Number(r.end);
    const u = utf16OffsetOf(text, start, at);
    at = { u, cp: start };
    const project = { id: r.projectId, blindReview: toBool(r.blindReview) };
    hits.push({
      kind: "annotation",
      document: { id: r.documentId, title: r.title },
      project: { id: r.projectId, slug: r.projectSlug, name: r.projectName },
      start,
      end,
      inTitle: false,
      snippet: snippetOf(text, u, utf16OffsetOf(text, end, at)),
      annotation: {
        id: r.id,
        label: r.label,
        color: r.color,
        layer: LAYER_NAMES[r.layerKind],
        status: r.layerStatus,
        annotator: r.userId && r.layerKind === "ANNOTATOR" ? seenAs(viewer, project, { id: r.userId, name: r.userName ?? "" }) : null,
      },
    });
  }
  return hits;
}
