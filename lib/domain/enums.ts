/** The closed sets of the data model, the same values as the Prisma enums of prisma/schema.template.prisma (for zod and for client code, which does not import the generated client). */
import { z } from "zod";

export const ROLES = ["ADMIN", "REVIEWER", "ANNOTATOR"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LAYER_KINDS = ["ANNOTATOR", "GOLD", "SUGGESTIONS"] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

export const LAYER_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "SUBMITTED", "APPROVED", "REJECTED"] as const;
export const LayerStatus = z.enum(LAYER_STATUSES);
export type LayerStatus = z.infer<typeof LayerStatus>;

/** Layers in these states are frozen for their annotator until a reviewer acts. */
export const LOCKED_LAYER_STATUSES: readonly LayerStatus[] = ["SUBMITTED", "APPROVED"];

export const LABEL_KINDS = ["ENTITY", "QUOTE", "CUE", "CITED_SOURCE"] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

export const userSlot = (userId: string) => `user:${userId}`;
export const GOLD_SLOT = "gold";
/** A model's suggestions layer: "suggestions:<origin>" (imports: "suggestions:import:<name>"). */
export const suggestionSlot = (origin: string) => `suggestions:${origin}`;
/** The origin a suggestions layer's spans carry, from its slot. */
export const originOfSlot = (slot: string) => slot.replace(/^suggestions:/, "");

const LAYER_STATUS_TEXT: Record<LayerStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  SUBMITTED: "Submitted",
  APPROVED: "Approved",
  REJECTED: "Sent back",
};

/** A layer status as people read it ("In progress"). */
export const layerStatusText = (status: string) => LAYER_STATUS_TEXT[status as LayerStatus] ?? status;
