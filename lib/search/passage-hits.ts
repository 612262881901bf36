/**
 * Words alone: the documents holding every term (title or text), a page at a
 * time from the database's full-text index (migration *_search), each with
 * the first place one of the terms occurs in its text.
 */
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { getSql } from "@/lib/db/sql";
import { loadDocumentText } from "@/lib/documents/get-document";
import { codePointLength, codePointOffsetOf } from "@/lib/text/offsets";
import { turn } from "@/lib/agreement/stored/turn";
import type { Term } from "./query-language";
import { firstMatch } from "./match-text";
import { snippetOf } from "./snippet";
import { decodeCursor, encodeCursor } from "./cursor";
import { and, clause, documentScope, fts5Query, postgresDocumentsMatching } from "./search-clauses";
import type { SearchHit, SearchPage } from "./search-hit";

type DocumentRow = { key: string | number; documentId: string; title: string; projectId: string; projectSlug: string; projectName: string };

const COLUMNS = `d."id" AS "documentId", d."title" AS "title", p."id" AS "projectId", p."slug" AS "projectSlug", p."name" AS "projectName"`;

/**
 * A page of documents holding every term, and one more to tell whether there is a next page. SQLite walks the FTS5
 * index in key order and stops at the page's end; PostgreSQL reads the matching chunks from the GIN index.
 */
async function matchingDocuments(actor: Actor, terms: Term[], projectId: string | null, limit: number, after: string | number | null) {
  const sql = await getSql();
  const scope = documentScope(actor, projectId);
  if (sql.provider === "sqlite") {
    const where = and([clause(`"DocumentFts" MATCH ?`, fts5Query(terms)), scope, clause(`"DocumentFts"."rowid" > ?`, after ?? 0)]);
    return sql.all<DocumentRow>(
      `SELECT "DocumentFts"."rowid" AS "key", ${COLUMNS}
         FROM "DocumentFts" JOIN "DocumentSearchKey" k ON k."key" = "DocumentFts"."rowid"
         JOIN "Document" d ON d."id" = k."documentId" JOIN "Project" p ON p."id" = d."projectId"
        WHERE ${where.sql} ORDER BY "DocumentFts"."rowid" LIMIT ?`,
      [...where.params, limit + 1],
    );
  }
  const where = and([scope, postgresDocumentsMatching(terms, `d."id"`), ...(after === null ? [] : [clause(`d."id" > ?`, after)])]);
  const rows = await sql.all<Omit<DocumentRow, "key">>(
    `SELECT ${COLUMNS} FROM "Document" d JOIN "Project" p ON p."id" = d."projectId" WHERE ${where.sql} ORDER BY d."id" LIMIT ?`,
    [...where.params, limit + 1],
  );
  return rows.map((r) => ({ ...r, key: r.documentId }));
}

export async function searchPassages(opts: { viewer: Actor; terms: Term[]; projectId: string | null; limit: number; cursor?: string }): Promise<SearchPage> {
  const sqlite = (await getSql()).provider === "sqlite";
  const after = decodeCursor(opts.cursor, "passages", z.tuple([sqlite ? z.number().int() : z.string()]));
  const rows = await matchingDocuments(opts.viewer, opts.terms, opts.projectId, opts.limit, after?.[0] ?? null);
  const page = rows.slice(0, opts.limit);
  const items: SearchHit[] = [];
  for (const row of page) {
    await turn();
    items.push(passageHit(row, opts.terms, await loadDocumentText(row.documentId)));
  }
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > opts.limit ? encodeCursor({ mode: "passages", after: [last.key] }) : null, mode: "passages" };
}

function passageHit(row: DocumentRow, terms: Term[], text: string): SearchHit {
  const base = {
    kind: "passage" as const,
    document: { id: row.documentId, title: row.title },
    project: { id: row.projectId, slug: row.projectSlug, name: row.projectName },
    annotation: null,
  };
  const m = firstMatch(text, terms);
  if (m) {
    const start = codePointOffsetOf(text, m.start);
    const end = start + codePointLength(text.slice(m.start, m.end));
    return { ...base, start, end, inTitle: false, snippet: snippetOf(text, m.start, m.end) };
  }
  // the words are in the title only (or the index and this scan read a rare character differently)
  const t = firstMatch(row.title, terms);
  const snippet = t
    ? { before: row.title.slice(0, t.start), hit: row.title.slice(t.start, t.end), after: row.title.slice(t.end) }
    : { before: row.title, hit: "", after: "" };
  return { ...base, start: null, end: null, inTitle: true, snippet };
}
