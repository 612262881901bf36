/**
 * Runs an import: parsed documents in, documents and span layers out.
 *
 * - mode "valid": each valid document is written as it is read, in its own
 *   transaction; bad lines are reported and skipped.
 * - mode "all-or-nothing": every record is read and checked first; any error
 *   → nothing is written and a 422 lists every line error; otherwise all
 *   documents are written invisible, then revealed in one transaction (a
 *   failure removes what was written). (The records are held in memory until
 *   then; the upload size limit bounds them.)
 * - Writing is chunked (lib/import/write-document.ts): no transaction holds
 *   more than a bounded number of spans, and a long document stays invisible
 *   until all of its spans are in.
 * - Syndication index: an import of up to INDEX_INLINE_DOCUMENTS documents
 *   indexes them before it answers; a larger one leaves them to the project's
 *   background backfill, started when it ends (lib/syndication/backfill.ts),
 *   so the import keeps its throughput and syndication answers with
 *   `index.complete: false` until the backfill is done.
 * - A document whose canonical text is already in the project (or earlier in
 *   the same file) is a duplicate: reported with the existing document, not
 *   written again, and its spans are skipped (never merged into a layer
 *   someone may be working on).
 * - Spans go to a SUGGESTIONS layer (slot "suggestions:import:<name>") or to
 *   a named annotator's own layer (the user must be a project member); their
 *   labels must exist in the project, unless createLabels.
 * - Audit: DOCUMENT IMPORT per document, ANNOTATION IMPORT per span, LABEL CREATE.
 */
import { labelNameProblem, lookalikeOf, normalizeLabelName } from "@/lib/projects/label-name";
import { db, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { defaultProject, ensureProject } from "@/lib/projects/ensure-project";
import { textHash, MAX_DOCUMENT_CODE_POINTS } from "@/lib/documents/import-document";
import { userSlot } from "@/lib/domain/enums";
import { codePointLength } from "@/lib/text/offsets";
import type { Actor } from "@/lib/auth/actor";
import { ImportOptions, type ImportOptionsInput } from "./import-options";
import type { ImportFormat, LineError, OffsetUnit, ParsedDocument, ParseResult } from "./types";
import { removeDocument, removeStaleImport, revealDocuments, writeImportedDocument } from "./write-document";
import { indexDocuments } from "@/lib/syndication/shingle-index";
import { startBackfill } from "@/lib/syndication/backfill";
import { slicer } from "@/lib/util/time-slice";
import { refreshPlannerStatistics } from "@/lib/db/planner-statistics";
import { authorize, projectScope } from "@/lib/authz";

export const MAX_REPORTED_ERRORS = 1000;
/** Imports of at most this many documents index them before answering. */
export const INDEX_INLINE_DOCUMENTS = 20;

export type ImportSummary = {
  format: ImportFormat;
  offsets: OffsetUnit;
  mode: "valid" | "all-or-nothing";
  project: { id: string; slug: string };
  layer: string;
  /** documents created */
  documents: number;
  /** spans written */
  spans: number;
  created: { line: number; id: string; title: string; spans: number }[];
  duplicates: { line: number; documentId: string; title: string; message: string }[];
  errors: LineError[];
  /** how many errors there were in all (the list stops at MAX_REPORTED_ERRORS) */
  errorCount: number;
  labelsCreated: string[];
};

type Target = { kind: "SUGGESTIONS"; slot: string; userId: null } | { kind: "ANNOTATOR"; slot: string; userId: string };

const LABEL_COLORS = ["#64748b", "#0891b2", "#ca8a04", "#db2777", "#4d7c0f", "#9333ea"];

export async function runImport(opts: {
  actor: Actor;
  options: ImportOptionsInput;
  /** the parsed stream; format and offsets as resolved by the parser */
  parsed: { format: ImportFormat; offsets: OffsetUnit; results: AsyncIterable<ParseResult> };
  filename?: string;
}): Promise<ImportSummary> {
  authorize(opts.actor, "document:import");
  const options = ImportOptions.parse(opts.options);
  const project = options.project
    ? await db.project.findFirst({ where: { OR: [{ id: options.project }, { slug: options.project }], ...projectScope(opts.actor) } })
    : ((await defaultProject()) ?? (await ensureProject({ slug: "default", name: "Default project" })));
  if (!project) throw notFound(`Project ${options.project}`);

  let target: Target;
  if (options.into.startsWith("annotator:")) {
    const email = options.into.slice("annotator:".length).toLowerCase();
    const user = await db.user.findFirst({ where: { email, active: true, memberships: { some: { projectId: project.id } } } });
    if (!user) throw new AppError("UNPROCESSABLE", `No active member of project ${project.slug} has the email ${email}; add them to the project first`);
    target = { kind: "ANNOTATOR", slot: userSlot(user.id), userId: user.id };
  } else {
    const base =
      options.name ||
      (opts.filename ?? "")
        .replace(/\.[a-z]+$/i, "")
        .replace(/[^\w.\- ]/g, "")
        .slice(0, 60) ||
      "import";
    target = { kind: "SUGGESTIONS", slot: `suggestions:import:${base}`, userId: null };
  }

  const labels = new Map((await db.label.findMany({ where: { projectId: project.id } })).map((l) => [l.name, l.id]));
  const summary: ImportSummary = {
    format: opts.parsed.format,
    offsets: opts.parsed.offsets,
    mode: options.mode,
    project: { id: project.id, slug: project.slug },
    layer: target.slot,
    documents: 0,
    spans: 0,
    created: [],
    duplicates: [],
    errors: [],
    errorCount: 0,
    labelsCreated: [],
  };
  const fail = (e: LineError) => {
    summary.errorCount++;
    if (summary.errors.length < MAX_REPORTED_ERRORS) summary.errors.push(e);
  };
  const seenInFile = new Map<string, { line: number; title: string }>();
  const missingLabels = new Set<string>();

  /** Checks one parsed document; returns its hash, or null when it is a duplicate or bad. */
  async function check(doc: ParsedDocument): Promise<string | null> {
    const length = codePointLength(doc.text);
    if (length > MAX_DOCUMENT_CODE_POINTS) {
      fail({ line: doc.line, message: `the text has ${length} characters; documents hold at most ${MAX_DOCUMENT_CODE_POINTS}` });
      return null;
    }
    const unknown = [...new Set(doc.spans.map((s) => s.label).filter((l) => !labels.has(l)))];
    if (unknown.length && !options.createLabels) {
      fail({
        line: doc.line,
        message: `unknown label${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}: the project's labels are ${[...labels.keys()].join(", ") || "none"} (or import with “create missing labels”)`,
      });
      return null;
    }
    const badName = unknown.map((name) => newLabelProblem(name)).find(Boolean);
    if (badName) {
      fail({ line: doc.line, message: badName });
      return null;
    }
    const hash = textHash(doc.text);
    const earlier = seenInFile.get(hash);
    if (earlier) {
      summary.duplicates.push({
        line: doc.line,
        documentId: "",
        title: earlier.title,
        message: `duplicate of line ${earlier.line} (${earlier.title}) in this file`,
      });
      return null;
    }
    const existing = await db.document.findUnique({
      where: { projectId_textHash: { projectId: project!.id, textHash: hash } },
      select: { id: true, title: true, importing: true, createdAt: true },
    });
    if (existing && !(await removeStaleImport(existing))) {
      const message = existing.importing
        ? `the same text is being imported right now (document ${existing.id} ${existing.title})`
        : `duplicate of document ${existing.id} ${existing.title}`;
      summary.duplicates.push({ line: doc.line, documentId: existing.importing ? "" : existing.id, title: existing.title, message });
      return null;
    }
    seenInFile.set(hash, { line: doc.line, title: doc.title });
    unknown.forEach((l) => missingLabels.add(l));
    return hash;
  }

  /** Why a label this import would create is refused: the one rule for names, and no lookalike of a label the project has or this import creates. */
  function newLabelProblem(name: string): string | null {
    const problem = normalizeLabelName(name) === name ? labelNameProblem(name) : "label names must be trimmed and in Unicode NFC";
    if (problem) return `label ${JSON.stringify(name)}: ${problem}`;
    const lookalike = lookalikeOf(
      name,
      [...labels.keys(), ...missingLabels].filter((n) => n !== name).map((n) => ({ name: n })),
    );
    return lookalike ? `label ${JSON.stringify(name)} looks the same as the label "${lookalike.name}"` : null;
  }

  async function createMissingLabels(tx: Tx) {
    const names = [...missingLabels].filter((n) => !labels.has(n));
    if (names.length === 0) return;
    const order = await tx.label.count({ where: { projectId: project!.id } });
    for (const [i, name] of names.entries()) {
      const label = await tx.label.create({
        data: { projectId: project!.id, name, color: LABEL_COLORS[i % LABEL_COLORS.length], sortOrder: order + i, description: "Created by an import" },
      });
      await recordAudit(tx, {
        projectId: project!.id,
        actorId: opts.actor.id,
        subject: "LABEL",
        subjectId: label.id,
        action: "CREATE",
        after: { name, by: "import" },
      });
      labels.set(name, label.id);
      summary.labelsCreated.push(name);
    }
  }

  async function write(doc: ParsedDocument, hash: string, hidden = false) {
    const created = await writeImportedDocument({
      projectId: project!.id,
      actorId: opts.actor.id,
      doc,
      hash,
      target,
      labelIds: labels,
      metadata: { import: { format: summary.format, line: doc.line, ...(opts.filename ? { file: opts.filename } : {}) } },
      prepare: createMissingLabels,
      hidden,
    });
    summary.documents++;
    summary.spans += doc.spans.length;
    summary.created.push({ line: doc.line, id: created.id, title: created.title, spans: doc.spans.length });
    return created;
  }

  /** Adds the written documents to the syndication index, or leaves them to the background backfill. */
  async function index(docs: { id: string; text: string }[]) {
    if (docs.length > INDEX_INLINE_DOCUMENTS) {
      void startBackfill(project!.id);
      return;
    }
    await indexDocuments(project!.id, docs).catch((err: Error) => {
      console.error(`import: indexing for syndication (left to the backfill): ${err.message}`);
      void startBackfill(project!.id);
    });
  }

  // With better-sqlite3 every query resolves at once, so a loop of them is one
  // long microtask chain: give the event loop back between records.
  const clock = slicer();
  if (options.mode === "valid") {
    const written: { id: string; text: string }[] = [];
    for await (const r of opts.parsed.results) {
      if (clock.due()) await clock.pause();
      if (!r.ok) {
        fail(r.error);
        continue;
      }
      const hash = await check(r.doc);
      if (!hash) continue;
      try {
        const created = await write(r.doc, hash);
        if (written.length <= INDEX_INLINE_DOCUMENTS) written.push({ id: created.id, text: r.doc.text });
      } catch (err) {
        if (isUniqueViolation(err)) {
          // written by someone else in the meantime
          summary.duplicates.push({ line: r.doc.line, documentId: "", title: r.doc.title, message: "duplicate of a document imported at the same time" });
        } else throw err;
      }
    }
    await index(written);
    await refreshPlannerStatistics(summary.documents);
    return summary;
  }

  const accepted: { doc: ParsedDocument; hash: string }[] = [];
  for await (const r of opts.parsed.results) {
    if (clock.due()) await clock.pause();
    if (!r.ok) {
      fail(r.error);
      continue;
    }
    const hash = await check(r.doc);
    if (hash) accepted.push({ doc: r.doc, hash });
  }
  if (summary.errorCount > 0) {
    throw new AppError("UNPROCESSABLE", `${summary.errorCount} line${summary.errorCount > 1 ? "s have" : " has"} errors; nothing was imported`, {
      ...summary,
      errors: summary.errors,
    });
  }
  const written: { id: string; text: string }[] = [];
  try {
    for (const { doc, hash } of accepted) {
      if (clock.due()) await clock.pause();
      written.push({ id: (await write(doc, hash, true)).id, text: doc.text });
    }
    await revealDocuments(written.map((w) => w.id));
  } catch (err) {
    for (const w of written) await removeDocument(w.id).catch(() => undefined);
    // labels this import made are used by nothing now (a label someone used meanwhile is kept)
    await db.label.deleteMany({ where: { projectId: project.id, name: { in: summary.labelsCreated } } }).catch(() => undefined);
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", "A document of this file was imported by someone else at the same moment; nothing was imported");
    throw err;
  }
  await index(written);
  await refreshPlannerStatistics(summary.documents);
  return summary;
}
