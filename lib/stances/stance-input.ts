/** Stance input and its public shape. Pure: no database here. */
import { z } from "zod";

export const POLARITIES = ["FAVOR", "AGAINST", "NEUTRAL", "UNCLEAR"] as const;
export const Polarity = z.enum(POLARITIES, { message: "polarity is one of FAVOR, AGAINST, NEUTRAL, UNCLEAR" });
export type Polarity = z.infer<typeof Polarity>;

export const POLARITY_TEXT: Record<Polarity, string> = { FAVOR: "favor", AGAINST: "against", NEUTRAL: "neutral", UNCLEAR: "unclear" };

const Id = z.string().trim().min(1).max(64);
const Confidence = z.number().min(0, "confidence runs from 0 to 1").max(1, "confidence runs from 0 to 1");
const Evidence = z
  .array(Id)
  .max(50, "at most 50 evidence spans")
  .transform((ids) => [...new Set(ids)]);
const Note = z.string().trim().max(2000, "Keep the note under 2,000 characters");

export const CreateStanceInput = z
  .object({
    holderId: Id,
    targetId: Id,
    polarity: Polarity,
    confidence: Confidence.default(0.5),
    documentLevel: z.boolean().default(false),
    note: Note.default(""),
    evidence: Evidence.default([]),
  })
  .refine((s) => s.documentLevel || s.evidence.length > 0, {
    message: "Give at least one evidence span, or mark the stance document-level",
    path: ["evidence"],
  });

export const UpdateStanceInput = z
  .object({
    holderId: Id.optional(),
    targetId: Id.optional(),
    polarity: Polarity.optional(),
    confidence: Confidence.optional(),
    documentLevel: z.boolean().optional(),
    note: Note.optional(),
    evidence: Evidence.optional(),
    version: z.number().int(),
  })
  .refine(
    (s) => Object.entries(s).some(([k, v]) => k !== "version" && v !== undefined),
    "Change at least one of holderId, targetId, polarity, confidence, documentLevel, note, evidence",
  );

export type StanceRow = {
  id: string;
  layerId: string;
  polarity: string;
  confidence: number;
  documentLevel: boolean;
  note: string;
  reviewState: string;
  version: number;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
  layer: { documentId: string; kind: string };
  holder: { id: string; name: string; type: string };
  target: { id: string; text: string };
  evidence: { annotation: { id: string; start: number; end: number; text: string } }[];
};

export const stanceInclude = {
  layer: { select: { documentId: true, kind: true } },
  holder: { select: { id: true, name: true, type: true } },
  target: { select: { id: true, text: true } },
  evidence: { select: { annotation: { select: { id: true, start: true, end: true, text: true } } } },
} as const;

/** Evidence in text order. */
export function stanceView(s: StanceRow) {
  return {
    id: s.id,
    documentId: s.layer.documentId,
    layerId: s.layerId,
    layer: s.layer.kind === "GOLD" ? ("gold" as const) : ("own" as const),
    holder: s.holder,
    target: s.target,
    polarity: s.polarity as Polarity,
    confidence: s.confidence,
    documentLevel: s.documentLevel,
    note: s.note,
    reviewState: s.reviewState,
    version: s.version,
    evidence: s.evidence
      .map((e) => ({ annotationId: e.annotation.id, start: e.annotation.start, end: e.annotation.end, text: e.annotation.text }))
      .sort((a, b) => a.start - b.start || a.end - b.end),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
export type StanceView = ReturnType<typeof stanceView>;

/** What the audit history keeps of a stance. */
export function stanceSnapshot(s: StanceRow) {
  const v = stanceView(s);
  return {
    holderId: v.holder.id,
    targetId: v.target.id,
    polarity: v.polarity,
    confidence: v.confidence,
    documentLevel: v.documentLevel,
    note: v.note,
    evidence: v.evidence.map((e) => e.annotationId),
    version: v.version,
  };
}
