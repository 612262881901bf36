/**
 * A recognizer backed by any OpenAI-compatible chat-completions endpoint.
 * The text goes out a chunk at a time (chunk-text.ts); for each chunk the
 * model quotes the spans it finds (prompt.ts, reply.ts) and each quote is
 * placed on the chunk or refused (locate-span.ts), then mapped to code points
 * of the document. Chunks go one after another, each request waiting for its
 * slot under the endpoint's rate limit (rate-limit.ts) and retried on
 * passing failures (with-retries.ts).
 */
import { AppError } from "@/lib/errors";
import { codePointLength, TextIndex } from "@/lib/text/offsets";
import { runSliced, slicer, yieldToEventLoop } from "@/lib/util/time-slice";
import type { Proposal, RecognizeInput, RecognizeStats, Recognizer } from "@/lib/assist/recognizer";
import { postChatCompletion } from "./chat-completion";
import { chunkRangeSteps, MAX_CHUNK_CHARS } from "./chunk-text";
import { systemClock, type Clock } from "./clock";
import { LlmEndpointConfig, type LlmEndpointConfigInput } from "./config";
import { LlmEndpointError } from "./errors";
import { locateSpan, REFUSALS, type Refusal } from "./locate-span";
import { processLimiters, type EndpointLimiters } from "./rate-limit";
import { parseCompletion, responseFormat } from "./reply";
import { systemPrompt } from "./prompt";
import { withRetries } from "./with-retries";

/** What tests (and only tests, as a rule) replace. */
export type LlmDeps = {
  fetch?: typeof fetch;
  clock?: Clock;
  /** in [0, 1), for the backoff's jitter */
  random?: () => number;
  /** the process-wide limiters unless given */
  limiters?: EndpointLimiters;
  /** window size in UTF-16 units (MAX_CHUNK_CHARS unless given) */
  maxChunkChars?: number;
};

/** The counts this recognizer reports through `onStats` (a RecognizeStats with more detail). */
export type LlmRecognizeStats = RecognizeStats & {
  /** HTTP requests made, retries included */
  requests: number;
  /** refused proposals by reason (they add up to `refused`) */
  refusedBy: Record<Refusal, number>;
  /** proposals that repeated one already taken (same start, end and label); neither refused nor returned */
  duplicates: number;
};

export function llmRecognizer(config: LlmEndpointConfigInput, deps: LlmDeps = {}): Recognizer {
  const parsed = LlmEndpointConfig.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("INVALID_INPUT", `The model endpoint settings are not valid: ${issue.path.join(".")}: ${issue.message}`);
  }
  const cfg = parsed.data;
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? Math.random;
  const limiters = deps.limiters ?? processLimiters();
  const doFetch = deps.fetch ?? fetch;
  const maxChunkChars = deps.maxChunkChars ?? MAX_CHUNK_CHARS;

  async function recognize(input: RecognizeInput): Promise<Proposal[]> {
    const { text, signal } = input;
    signal?.throwIfAborted();
    const labelNames = new Set(input.labels.map((l) => l.name));
    const ranges = labelNames.size ? await runSliced(chunkRangeSteps(text, maxChunkChars)) : [];
    const stats: LlmRecognizeStats = {
      chunks: ranges.length,
      chunksDone: 0,
      proposed: 0,
      refused: 0,
      requests: 0,
      refusedBy: Object.fromEntries(REFUSALS.map((r) => [r, 0])) as Record<Refusal, number>,
      duplicates: 0,
    };
    const report = () => {
      const snapshot: LlmRecognizeStats = { ...stats, refusedBy: { ...stats.refusedBy } };
      input.onStats?.(snapshot);
    };
    report();
    if (!ranges.length) return [];

    const system = systemPrompt(input.labels, input.guidelines);
    const format = responseFormat([...labelNames]);
    const slice = slicer();
    const out: Proposal[] = [];
    let u16Base = 0;
    let cpBase = 0;

    for (const [i, range] of ranges.entries()) {
      await yieldToEventLoop();
      signal?.throwIfAborted();
      cpBase += codePointLength(text.slice(u16Base, range.start));
      u16Base = range.start;
      const chunk = text.slice(range.start, range.end);
      const where = ranges.length > 1 ? ` for part ${i + 1} of ${ranges.length} of the text` : "";

      const spans = await withRetries(
        async () => {
          await limiters.acquire(cfg.baseUrl, cfg.requestsPerMinute, clock, signal);
          stats.requests++;
          const body = await postChatCompletion({
            baseUrl: cfg.baseUrl,
            apiKey: cfg.apiKey,
            timeoutMs: cfg.timeoutMs,
            signal,
            fetch: doFetch,
            body: {
              model: cfg.model,
              messages: [
                { role: "system", content: system },
                { role: "user", content: chunk },
              ],
              response_format: format,
              temperature: 0,
              stream: false,
            },
          });
          const reply = parseCompletion(body);
          if (!reply.ok) throw new LlmEndpointError("bad-reply", `The model's reply${where} ${reply.problem}`, { retryable: true });
          return reply.spans;
        },
        { maxRetries: cfg.maxRetries, clock, random, signal },
      );

      const local = new TextIndex(chunk);
      const placed: Proposal[] = [];
      for (const span of spans) {
        if (slice.due()) await slice.pause();
        stats.proposed++;
        const at = locateSpan(chunk, span, labelNames);
        if (!at.ok) {
          stats.refused++;
          stats.refusedBy[at.refusal]++;
          continue;
        }
        placed.push({ start: cpBase + local.utf16ToCp(at.start), end: cpBase + local.utf16ToCp(at.end), label: span.label });
      }
      const unique = sortedUnique(placed);
      stats.duplicates += placed.length - unique.length;
      out.push(...unique);
      stats.chunksDone++;
      report();
    }
    // chunks are disjoint and in order, so the concatenation is sorted
    return out;
  }

  return { origin: `llm:${cfg.model}`, recognize };
}

function sortedUnique(ps: Proposal[]): Proposal[] {
  ps.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return ps.filter((p, i) => i === 0 || p.start !== ps[i - 1].start || p.end !== ps[i - 1].end || p.label !== ps[i - 1].label);
}
