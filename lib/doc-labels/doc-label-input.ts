/**
 * Zod schemas for document labels: the whole schema of a project as one save
 * (the settings editor and `PUT /api/v1/projects/:id/doc-labels`), and the
 * choices of one layer on one document (`PUT /api/v1/documents/:id/doc-labels`).
 *
 * Hotkeys are the capital letters A–Z, pressed as Shift+letter in the
 * workbench: the digits 1–9 belong to span labels and the plain letters to the
 * workbench's own keys (l, t, w, u, a, x, …), so no document-label key can
 * shadow one of them, now or when a plain-letter key is added later.
 */
import { z } from "zod";
import { LabelName } from "@/lib/projects/label-name";
import { LabelDescription } from "@/lib/projects/label-input";

export const DOC_LABEL_HOTKEYS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("");

const id = z.string().trim().min(1).max(200);

/** "A".."Z" (lower case is read as upper), or none (null, "" or absent). */
export const DocLabelHotkey = z
  .union([z.string(), z.null()])
  .transform((v) => (v === null || v.trim() === "" ? null : v.trim().toUpperCase()))
  .pipe(
    z
      .string()
      .regex(/^[A-Z]$/, "Document label hotkeys are the letters A to Z (pressed with Shift), or none")
      .nullable(),
  );

export const DocLabelChoiceInput = z
  .object({
    /** an existing choice of this set; absent for a new one */
    id: id.optional(),
    name: LabelName,
    description: LabelDescription.default(""),
    hotkey: DocLabelHotkey.default(null),
    archived: z.boolean().default(false),
  })
  .strict();

export const DocLabelSetInput = z
  .object({
    /** an existing set of this project; absent for a new one */
    id: id.optional(),
    name: LabelName,
    description: LabelDescription.default(""),
    /** several choices at once (checkboxes) rather than one (radio buttons) */
    multiple: z.boolean().default(false),
    archived: z.boolean().default(false),
    choices: z.array(DocLabelChoiceInput).max(100, "A set has at most 100 choices"),
  })
  .strict();

/**
 * The whole schema, in display order. Sets and choices left out are removed
 * when no document uses them, else archived (values are never lost).
 */
export const DocLabelSchemaInput = z.object({ sets: z.array(DocLabelSetInput).max(50, "A project has at most 50 document label sets") }).strict();
export type DocLabelSchemaInput = z.input<typeof DocLabelSchemaInput>;
export type ParsedDocLabelSchema = z.output<typeof DocLabelSchemaInput>;

/** The choices of one layer: the complete list after the change (ids of the project's choices). */
export const SetDocLabelsInput = z
  .object({
    layer: z.enum(["own", "gold"]).default("own"),
    choices: z.array(id).max(500),
  })
  .strict();
export type SetDocLabelsInput = z.input<typeof SetDocLabelsInput>;
