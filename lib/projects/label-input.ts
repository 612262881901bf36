/** Zod schemas for label fields, shared by the schema editor, the REST API and the domain. */
import { z } from "zod";
import { DEFAULT_LABELS } from "./default-labels";
import { LABEL_KINDS } from "@/lib/domain/enums";
import { LabelName } from "./label-name";

export const HOTKEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"] as const;

export { LabelName } from "./label-name";

export const LabelColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "Colours are #rrggbb hex values, e.g. #0077bb")
  .transform((c) => c.toLowerCase());

/** "1".."9", or none (null, "" or absent). Numbers are accepted from scripts. */
export const LabelHotkey = z
  .union([z.string(), z.number(), z.null()])
  .transform((v) => (v === null || v === "" ? null : String(v).trim()))
  .pipe(z.enum(HOTKEYS, { message: "Hotkeys are the digits 1 to 9, or none" }).nullable());

export const LabelKind = z.enum(LABEL_KINDS, { message: `Kinds are ${LABEL_KINDS.join(", ")}` });

export const LabelDescription = z.string().trim().max(1000, "Descriptions have at most 1,000 characters");

export const NewLabel = z
  .object({
    name: LabelName,
    kind: LabelKind.default("ENTITY"),
    /** picked from a palette when absent */
    color: LabelColor.optional(),
    hotkey: LabelHotkey.optional(),
    description: LabelDescription.default(""),
  })
  .strict();
export type NewLabel = z.input<typeof NewLabel>;

export const LabelPatch = z
  .object({
    name: LabelName.optional(),
    kind: LabelKind.optional(),
    color: LabelColor.optional(),
    hotkey: LabelHotkey.optional(),
    description: LabelDescription.optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .refine((p) => Object.values(p).some((v) => v !== undefined), "Change at least one of name, kind, color, hotkey, description, archived");
export type LabelPatch = z.input<typeof LabelPatch>;

export const MoveDirection = z.enum(["up", "down"]);

/** Colours offered to new labels, distinct from the default schema's. */
/**
 * Colours for labels added later, in the order they are handed out: the ones
 * that stay furthest from the defaults' for every kind of colour vision
 * (lib/projects/color-vision.ts), then the defaults' own.
 */
export const LABEL_PALETTE = ["#994455", "#446688", "#aa7744", "#7744aa", "#d55e00", "#004488", ...DEFAULT_LABELS.map((l) => l.color)];
