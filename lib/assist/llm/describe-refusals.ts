/** The sentence a job report gives for the proposals a recognizer refused. */
import type { RecognizeStats } from "@/lib/assist/recognizer";
import type { Refusal } from "./locate-span";

const REASON: Record<Refusal, string> = {
  "not-in-text": "quoted text that is not in the document",
  occurrence: "named an occurrence the text does not have",
  label: "used a label the project does not have",
  empty: "quoted no text",
};

/**
 * "5 proposals refused because they did not match the text (3 quoted text
 * that is not in the document, 2 named an occurrence the text does not
 * have)", or null when none was refused.
 */
export function describeRefusals(stats: RecognizeStats & { refusedBy?: Partial<Record<Refusal, number>> }): string | null {
  if (!stats.refused) return null;
  const head = `${stats.refused} ${stats.refused === 1 ? "proposal" : "proposals"} of ${stats.proposed} refused because ${stats.refused === 1 ? "it" : "they"} did not match the text`;
  const parts = Object.entries(stats.refusedBy ?? {})
    .filter(([, n]) => n)
    .sort(([, a], [, b]) => b - a)
    .map(([reason, n]) => `${n} ${REASON[reason as Refusal]}`);
  return parts.length ? `${head} (${parts.join(", ")})` : head;
}
