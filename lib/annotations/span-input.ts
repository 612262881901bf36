import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { TextIndex } from "@/lib/text/offsets";
import type { Tx } from "@/lib/db";
import type { Sql } from "@/lib/db/sql";
import { ClientKey } from "./client-id";

const Offset = z.number().int("offsets are whole numbers").min(0, "offsets are never negative");

export const CreateAnnotationInput = z.object({
  id: ClientKey.optional(),
  start: Offset,
  end: Offset,
  label: z.string().trim().min(1).max(100),
  text: z.string().optional(),
});

export const UpdateAnnotationInput = z
  .object({ start: Offset.optional(), end: Offset.optional(), label: z.string().trim().min(1).max(100).optional(), version: z.number().int().optional() })
  .refine((v) => v.start !== undefined || v.end !== undefined || v.label !== undefined, "Change at least one of start, end, label");

/** The slice text[start:end] of the document, or 422 saying why the span does not fit. */
export function spanText(index: TextIndex, start: number, end: number, expected?: string): string {
  if (start >= end) throw new AppError("UNPROCESSABLE", `A span needs start < end (got ${start}..${end})`);
  if (end > index.length) {
    throw new AppError("UNPROCESSABLE", `The span ${start}..${end} runs past the end of the text (${index.length} code points)`);
  }
  const text = index.slice(start, end);
  if (expected !== undefined && expected.normalize("NFC") !== text) {
    throw new AppError(
      "UNPROCESSABLE",
      `text does not match the document at ${start}..${end}: the text there is ${JSON.stringify(text)} (offsets count Unicode code points)`,
      { actual: text },
    );
  }
  return text;
}

const unknownLabel = (name: string, known: { name: string }[]) =>
  new AppError("UNPROCESSABLE", `Unknown label "${name}"; this project has ${known.map((l) => l.name).join(", ")}`);

export async function labelByName(tx: Tx, projectId: string, name: string) {
  const label = await tx.label.findFirst({ where: { projectId, name, archived: false } });
  if (!label) {
    const known = await tx.label.findMany({ where: { projectId, archived: false }, select: { name: true }, orderBy: { sortOrder: "asc" } });
    throw unknownLabel(name, known);
  }
  return label;
}

/** labelByName in plain SQL (the annotation API's hot path): the active label's id and name. */
export async function labelByNameSql(sql: Sql, projectId: string, name: string): Promise<{ id: string; name: string }> {
  const label = await sql.one<{ id: string; name: string }>(`SELECT "id", "name" FROM "Label" WHERE "projectId" = ? AND "name" = ? AND "archived" = ?`, [
    projectId,
    name,
    false,
  ]);
  if (!label) {
    const known = await sql.all<{ name: string }>(`SELECT "name" FROM "Label" WHERE "projectId" = ? AND "archived" = ? ORDER BY "sortOrder" ASC`, [
      projectId,
      false,
    ]);
    throw unknownLabel(name, known);
  }
  return label;
}
