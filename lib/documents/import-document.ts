import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { canonicalizeText, codePointLength } from "@/lib/text/offsets";
import { recordAudit } from "@/lib/audit/record-audit";
import { defaultProject, ensureProject } from "@/lib/projects/ensure-project";
import type { Actor } from "@/lib/auth/actor";
import { indexDocument } from "@/lib/syndication/shingle-index";
import { removeStaleImport } from "@/lib/import/write-document";
import { authorize, projectScope } from "@/lib/authz";
import { jsonInput } from "@/lib/db/json-value";

export const MAX_DOCUMENT_CODE_POINTS = 2_000_000;

const optionalText = (max: number) => z.string().trim().max(max).optional().nullable();

export const NewDocument = z.object({
  title: z.string().trim().min(1, "Give a title").max(500),
  text: z.string().min(1, "The text is empty"),
  source: optionalText(1000),
  outlet: optionalText(200),
  byline: optionalText(300),
  publishedAt: optionalText(100),
  metadata: z.record(z.string(), z.unknown()).optional(),
  project: z.string().trim().min(1).optional(),
});
export type NewDocument = z.input<typeof NewDocument>;

export const textHash = (canonical: string) => createHash("sha256").update(canonical, "utf8").digest("hex");

/**
 * Imports one document: canonicalises the text (NFC, "\n"), refuses a text
 * already in the project (409 naming the existing document) unless
 * `ifDuplicate: "return"`, which hands back the existing one; then adds it
 * to the syndication index.
 */
export async function importDocument(opts: { actor: Actor; input: NewDocument; ifDuplicate?: "error" | "return" }) {
  authorize(opts.actor, "document:import");
  const input = NewDocument.parse(opts.input);
  const text = canonicalizeText(input.text.startsWith("\ufeff") ? input.text.slice(1) : input.text);
  const length = codePointLength(text);
  if (length > MAX_DOCUMENT_CODE_POINTS) {
    throw new AppError("PAYLOAD_TOO_LARGE", `Documents hold at most ${MAX_DOCUMENT_CODE_POINTS} characters; this one has ${length}`);
  }
  const project = input.project
    ? await db.project.findFirst({ where: { OR: [{ id: input.project }, { slug: input.project }], ...projectScope(opts.actor) } })
    : ((await defaultProject()) ?? (await ensureProject({ slug: "default", name: "Default project" })));
  if (!project) throw notFound(`Project ${input.project}`);

  const hash = textHash(text);
  const existing = await db.document.findUnique({ where: { projectId_textHash: { projectId: project.id, textHash: hash } } });
  if (existing && !(await removeStaleImport(existing))) {
    if (existing.importing) throw new AppError("CONFLICT", `The same text is being imported right now ("${existing.title}")`);
    if (opts.ifDuplicate === "return") return { document: existing, created: false };
    throw new AppError("CONFLICT", `The same text is already document ${existing.id} ("${existing.title}")`, {
      existingId: existing.id,
    });
  }
  const document = await db.$transaction(async (tx) => {
    const doc = await tx.document.create({
      data: {
        projectId: project.id,
        title: input.title,
        text,
        textHash: hash,
        length,
        source: input.source ?? null,
        outlet: input.outlet ?? null,
        byline: input.byline ?? null,
        publishedAt: input.publishedAt ?? null,
        metadata: jsonInput(input.metadata ?? {}),
      },
    });
    await recordAudit(tx, {
      projectId: project.id,
      documentId: doc.id,
      actorId: opts.actor.id,
      subject: "DOCUMENT",
      subjectId: doc.id,
      action: "IMPORT",
      after: { title: doc.title, textHash: hash, length },
    });
    return doc;
  });
  // a failure here leaves the document to the syndication backfill
  await indexDocument(document).catch((err: Error) => console.error(`indexing document ${document.id} for syndication: ${err.message}`));
  return { document, created: true };
}
