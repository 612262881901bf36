/**
 * Pre-annotation by any OpenAI-compatible chat-completions endpoint (Ollama,
 * vLLM, llama.cpp server, hosted APIs).
 *
 *   const settings = LlmEndpointConfig.parse(form);          // where settings are saved
 *   const recognizer = llmRecognizer(settings);               // origin "llm:<model>"
 *   const proposals = await recognizer.recognize({ text, labels, guidelines, registry, signal,
 *     onStats: (s) => progress(s.chunksDone, s.chunks) });   // s is an LlmRecognizeStats
 *   const note = describeRefusals(lastStats);                 // "3 proposals of 40 refused because…" or null
 *
 * `recognize` rejects with an LlmEndpointError (its message is fit to show:
 * never the key, the headers or the model's reply) when the endpoint fails
 * for good, with the signal's reason when aborted, and never returns a span
 * it could not place exactly on the text.
 */
export { llmRecognizer, type LlmDeps, type LlmRecognizeStats } from "./llm-recognizer";
export { LlmEndpointConfig, LLM_ENDPOINT_DEFAULTS, type LlmEndpointConfigInput } from "./config";
export { LlmEndpointError, type LlmFailure } from "./errors";
export { describeRefusals } from "./describe-refusals";
export { REFUSALS, type Refusal } from "./locate-span";
export { MAX_CHUNK_CHARS } from "./chunk-text";
export { MAX_GUIDELINES_CHARS } from "./prompt";
export { systemClock, type Clock } from "./clock";
export { EndpointLimiters, processLimiters } from "./rate-limit";
