/**
 * What pre-annotation runs: a recognizer reads a document's text and proposes
 * labelled spans. Two kinds exist: the built-in one (lib/assist/builtin, an
 * in-process NLP package plus the project's entity registry) and any
 * OpenAI-compatible endpoint (lib/assist/llm). The job runner
 * (lib/assist/jobs) writes what they propose into a suggestions layer per
 * recognizer, with the recognizer's `origin` on every span.
 */
import type { LabelKind } from "@/lib/domain/enums";

/** A proposed span: code points of the document text, end exclusive (the offset contract). */
export type Proposal = {
  start: number;
  end: number;
  /** one of the label names the recognizer was given */
  label: string;
  /** the registry entity the span mentions, when the recognizer matched one */
  entityId?: string;
};

export type LabelSpec = { name: string; description: string; kind: LabelKind };

/** An entity of the project's registry, as recognizers see it. */
export type RegistryEntity = { id: string; name: string; type: string; aliases: string[] };

export type RecognizeInput = {
  /** the canonical document text (NFC, "\n" line endings); up to 2,000,000 code points */
  text: string;
  /** the labels to propose (only these names may come back) */
  labels: LabelSpec[];
  /** the project's guidelines (Markdown) */
  guidelines: string;
  registry: RegistryEntity[];
  /** aborted when the job is cancelled or the server shuts down */
  signal?: AbortSignal;
  /**
   * Called as the work goes on, with counts so far (a fresh object each time;
   * the last call holds the totals). Optional for recognizers and callers: a
   * job runner uses it for progress and to say how many proposals were refused.
   */
  onStats?: (stats: RecognizeStats) => void;
};

/** Counts of one `recognize` call, cumulative. */
export type RecognizeStats = {
  /** pieces the text is worked through in (for an endpoint: one request each, retries not counted) */
  chunks: number;
  chunksDone: number;
  /** spans the model proposed, before they were checked */
  proposed: number;
  /** proposed spans dropped because they could not be placed on the text (quote not in it, occurrence out of range, unknown label, empty) */
  refused: number;
};

export interface Recognizer {
  /** recorded on every span it proposes, e.g. "builtin:compromise-14" or "llm:llama3.1:8b" */
  readonly origin: string;
  /**
   * Proposals for one document, sorted by start. Must not hold the event loop
   * for long: work through a long text in chunks and `await turn()`
   * (lib/agreement/stored/turn.ts) between them.
   */
  recognize(input: RecognizeInput): Promise<Proposal[]>;
}
