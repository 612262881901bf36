import { z } from "zod";
import { RELIABILITY_CODES } from "./admiralty";

const Reliability = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.enum(RELIABILITY_CODES, { message: "reliability is one of A, B, C, D, E, F" }));
const Credibility = z.number().int().min(1, "credibility is 1–6").max(6, "credibility is 1–6");
const Rationale = z.string().max(4000, "keep the rationale under 4,000 characters");

export const CreateGradeInput = z.object({
  /** null or absent: the document's outlet; else a cited-source span of the same layer */
  annotationId: z.string().min(1).max(64).nullable().optional(),
  reliability: Reliability,
  credibility: Credibility,
  rationale: Rationale.optional(),
});

export const UpdateGradeInput = z
  .object({ reliability: Reliability.optional(), credibility: Credibility.optional(), rationale: Rationale.optional(), version: z.number().int().optional() })
  .refine(
    (v) => v.reliability !== undefined || v.credibility !== undefined || v.rationale !== undefined,
    "Change at least one of reliability, credibility, rationale",
  );
