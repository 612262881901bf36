import { z } from "zod";

export const EXPORT_FORMATS = ["native", "spacy", "doccano", "label-studio"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** "80/10/10" (train/dev/test) or "90/10" (train/test); also the split field's `pattern` in the browser. */
export const SPLIT_PATTERN = /^\d+(\.\d+)?(\/\d+(\.\d+)?){1,2}$/;

/** Positive shares, normalised by their sum. */
const SplitSpec = z
  .string()
  .trim()
  .regex(SPLIT_PATTERN, 'write shares like "80/10/10" (train/dev/test) or "90/10" (train/test)')
  .transform((s) => s.split("/").map(Number))
  .refine((shares) => shares.every((n) => n > 0), "every share must be above 0");

/** "PERSON,ORG" (also a repeated query parameter, joined with commas by the route) */
const LabelList = z
  .string()
  .transform((s) => [
    ...new Set(
      s
        .split(",")
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ])
  .refine((l) => l.length > 0, "name at least one label");

const Layer = z.union([
  z.enum(["gold", "annotators", "suggestions"]),
  z.string().regex(/^annotator:\S+$/, '"gold", "annotators", "suggestions" or "annotator:<user id or email>"'),
]);

export const ExportOptions = z
  .object({
    format: z.enum(EXPORT_FORMATS).default("native"),
    /** gold: the adjudicated layer; annotators: every annotator's own layer; annotator:<id|email>: one annotator's layer; suggestions: the models' open suggestions (status does not apply) */
    layer: Layer.default("gold"),
    /** approved: only layers a reviewer approved; all: every layer as it stands */
    status: z.enum(["approved", "all"]).default("approved"),
    project: z.string().min(1).optional(),
    labels: LabelList.optional(),
    /** codepoint: Python's str indices (the contract); utf16: JavaScript string indices */
    offsets: z.enum(["codepoint", "utf16"]).default("codepoint"),
    split: SplitSpec.optional(),
    seed: z.string().trim().max(100).default("0"),
    /** first: the manifest as line 1 (native default); none: documents only; only: the manifest alone */
    manifest: z.enum(["first", "none", "only"]).optional(),
    /** the agreement summary in the manifest (needs a named project); false skips its cost */
    agreement: z
      .enum(["true", "false"])
      .default("true")
      .transform((v) => v === "true"),
    /** native only: each record carries the document's discussion threads the exporter may see */
    threads: z
      .enum(["0", "1", "false", "true"])
      .default("0")
      .transform((v) => v === "1" || v === "true"),
  })
  .strict()
  .refine((o) => !o.threads || o.format === "native", { path: ["threads"], message: "threads only in the native format" })
  .refine((o) => o.manifest !== "first" || o.format === "native", {
    path: ["manifest"],
    message: '"first" only in the native format (the other formats\' tools read every line as a document); use manifest=only for a separate manifest',
  })
  .transform((o) => ({ ...o, manifest: o.manifest ?? (o.format === "native" ? "first" : "none") }));
export type ExportOptions = z.output<typeof ExportOptions>;
export type ExportOptionsInput = z.input<typeof ExportOptions>;
