import { z } from "zod";
import { IMPORT_FORMATS, OFFSET_UNITS } from "./types";

/** The name of a suggestions layer; also the name field's `pattern` in the browser. */
export const IMPORT_NAME_PATTERN = /^[\w.\- ]*$/;

/** Options of an import, from the query string, the CLI or the form. */
export const ImportOptions = z.object({
  format: z.enum([...IMPORT_FORMATS, "auto"]).default("auto"),
  /** default: UTF-16 for Label Studio, code points for the rest */
  offsets: z.enum(OFFSET_UNITS).optional(),
  /** valid: import the valid lines and report the bad ones; all-or-nothing: any bad line → nothing imported (422) */
  mode: z.enum(["valid", "all-or-nothing"]).default("valid"),
  /** project id or slug; default: the oldest project */
  project: z.string().trim().min(1).optional(),
  /** where the spans go: "suggestions" (slot suggestions:import:<name>) or "annotator:<email>" (that member's own layer) */
  into: z
    .string()
    .trim()
    .regex(/^(suggestions|annotator:\S+@\S+)$/, 'Use "suggestions" or "annotator:<email>"')
    .default("suggestions"),
  /** the suggestion layer's name (default: the file name) */
  name: z.string().trim().max(60).regex(IMPORT_NAME_PATTERN, "Letters, digits, spaces, dots and dashes only").optional(),
  /** create labels the project lacks instead of rejecting their lines */
  createLabels: z
    .union([z.boolean(), z.enum(["true", "false", "1", "0", "on"])])
    .transform((v) => v === true || v === "true" || v === "1" || v === "on")
    .default(false),
});
export type ImportOptions = z.infer<typeof ImportOptions>;
export type ImportOptionsInput = z.input<typeof ImportOptions>;
