/**
 * One rule for label names on every path (schema editor, REST, import with
 * created labels): NFC, trimmed, 1–40 characters, nothing invisible or
 * direction-changing (so "PERSON\u200b" or "PER\u202eNOS" cannot pass for
 * PERSON), no comma (label lists are comma-separated in exports and
 * queries), and never a lookalike of another label of the project.
 */
import { z } from "zod";
import removeConfusables from "confusables";

export const LABEL_NAME_MAX = 40;

// control, format (zero-width, bidi), private use, unassigned, line and paragraph separators
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** Why a (normalized) name is not allowed, or null. */
export function labelNameProblem(name: string): string | null {
  if (name.length === 0) return "Give the label a name";
  if ([...name].length > LABEL_NAME_MAX) return `Label names have at most ${LABEL_NAME_MAX} characters`;
  const hidden = INVISIBLE.exec(name);
  if (hidden) return `Label names cannot contain control, invisible or text-direction characters (found ${codePoint(hidden[0])})`;
  if (name.includes(",")) return "Label names cannot contain commas (label lists are comma-separated)";
  return null;
}

export const normalizeLabelName = (s: string) => s.normalize("NFC").trim();

export const LabelName = z
  .string()
  .transform(normalizeLabelName)
  .superRefine((name, ctx) => {
    const problem = labelNameProblem(name);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** What a name looks like: compatibility forms folded, lookalike letters replaced, case ignored. */
export const labelSkeleton = (name: string) => removeConfusables(name.normalize("NFKC")).toLowerCase();

/** Another label whose name looks the same as `name` (the same skeleton), if any. */
export function lookalikeOf<L extends { name: string }>(name: string, others: readonly L[]): L | undefined {
  const skeleton = labelSkeleton(name);
  return others.find((o) => labelSkeleton(o.name) === skeleton);
}
