/**
 * What goes wrong talking to a model endpoint, in words a person can act on.
 * Messages never carry the API key, request headers or the model's reply:
 * they are shown in the job list and may be logged.
 */
export type LlmFailure =
  /** the endpoint answered with an HTTP error status */
  | "http"
  /** no answer (or no complete reply) within the timeout */
  | "timeout"
  /** the endpoint could not be reached */
  | "network"
  /** the reply was not the JSON the request asked for */
  | "bad-reply";

export class LlmEndpointError extends Error {
  readonly failure: LlmFailure;
  /** HTTP status, for failure "http" */
  readonly status?: number;
  /** worth another attempt (network, timeout, 429, 5xx, bad reply) */
  readonly retryable: boolean;
  /** milliseconds the endpoint asked to wait (Retry-After) */
  readonly retryAfterMs?: number;

  constructor(failure: LlmFailure, message: string, opts: { status?: number; retryable: boolean; retryAfterMs?: number }) {
    super(message);
    this.name = "LlmEndpointError";
    this.failure = failure;
    this.status = opts.status;
    this.retryable = opts.retryable;
    this.retryAfterMs = opts.retryAfterMs;
  }
}

/**
 * Text from the endpoint (its error message) made fit for ours: the key cut
 * out wherever it appears, control characters dropped, bounded in length.
 */
export function redact(text: string, apiKey: string | undefined, max = 300): string {
  let out = apiKey ? text.split(apiKey).join("[redacted]") : text;
  out = out.replace(/Bearer\s+\S+/gi, "Bearer [redacted]");
  out = out.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").trim();
  return out.length > max ? `${out.slice(0, max)}…` : out;
}
