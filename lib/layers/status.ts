/** The life of an annotator layer: what may happen in which state. */
import { AppError } from "@/lib/errors";
import type { LayerStatus } from "@/lib/domain/enums";

export type LayerAction = "SUBMIT" | "APPROVE" | "REJECT";

const TRANSITIONS: Record<LayerAction, { from: readonly LayerStatus[]; to: LayerStatus }> = {
  SUBMIT: { from: ["NOT_STARTED", "IN_PROGRESS", "REJECTED"], to: "SUBMITTED" },
  APPROVE: { from: ["SUBMITTED"], to: "APPROVED" },
  REJECT: { from: ["SUBMITTED"], to: "REJECTED" },
};

const WHY: Record<LayerAction, string> = {
  SUBMIT: "only a layer in progress or sent back can be submitted",
  APPROVE: "only a submitted layer can be approved",
  REJECT: "only a submitted layer can be sent back",
};

/** The status after `action`, or 409 saying why the layer cannot take it now. */
export function nextStatus(current: LayerStatus, action: LayerAction): LayerStatus {
  const t = TRANSITIONS[action];
  if (!t.from.includes(current)) {
    throw new AppError("CONFLICT", `This layer is ${current.toLowerCase().replace("_", " ")}: ${WHY[action]}`);
  }
  return t.to;
}
