/**
 * One POST to `${baseUrl}/chat/completions`, bounded in time and size, with
 * every failure turned into an LlmEndpointError whose message says what to do
 * and carries neither the key nor the request.
 */
import { STATUS_CODES } from "node:http";
import { parseRetryAfter } from "./backoff";
import { LlmEndpointError, redact } from "./errors";

/** A reply larger than this is not read: a chunk's spans fit in far less, and parsing it holds the event loop. */
export const MAX_REPLY_BYTES = 1024 * 1024;

export type ChatPost = {
  baseUrl: string;
  apiKey?: string;
  body: unknown;
  timeoutMs: number;
  /** the job's signal: aborting it rejects with its reason */
  signal?: AbortSignal;
  fetch: typeof fetch;
};

/** The reply's body text, for a 2xx answer. */
export async function postChatCompletion(post: ChatPost): Promise<string> {
  post.signal?.throwIfAborted();
  const where = endpointName(post.baseUrl);
  // one controller per request, unhooked from the job's signal when done
  // (AbortSignal.any would tie every request to a long-lived signal)
  const ctl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctl.abort();
  }, post.timeoutMs);
  const onAbort = () => ctl.abort();
  post.signal?.addEventListener("abort", onAbort, { once: true });
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (post.apiKey) headers.authorization = `Bearer ${post.apiKey}`;

  const failed = (err: unknown): never => {
    if (post.signal?.aborted) throw post.signal.reason;
    if (timedOut) {
      throw new LlmEndpointError("timeout", `The model endpoint (${where}) did not answer within ${post.timeoutMs / 1000} s`, { retryable: true });
    }
    if (err instanceof LlmEndpointError) throw err;
    const cause = networkCause(err);
    if (cause === "redirect") {
      throw new LlmEndpointError("network", `The model endpoint (${where}) answered with a redirect; give the URL it redirects to as the base URL`, {
        retryable: false,
      });
    }
    throw new LlmEndpointError("network", `Could not reach the model endpoint (${where})${cause ? `: ${cause}` : ""}`, { retryable: true });
  };

  try {
    const res = await post.fetch(`${post.baseUrl}/chat/completions`, {
      method: "POST",
      headers,
      body: JSON.stringify(post.body),
      signal: ctl.signal,
      redirect: "error",
    });
    const text = await readBounded(res, where);
    if (!res.ok) throw statusError(res, text, where, post.apiKey);
    return text;
  } catch (err) {
    return failed(err);
  } finally {
    clearTimeout(timer);
    post.signal?.removeEventListener("abort", onAbort);
  }
}

/** "localhost:11434": the URL's host, which is all a message needs (config.ts keeps credentials out of the URL). */
export const endpointName = (baseUrl: string) => new URL(baseUrl).host;

function statusError(res: Response, body: string, where: string, apiKey: string | undefined): LlmEndpointError {
  const status = res.status;
  const answered = `The model endpoint (${where}) answered ${status} ${STATUS_CODES[status] ?? ""}`.trimEnd();
  const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"), Date.now());
  if (status === 401 || status === 403) {
    // the body is not quoted here: some services echo (part of) the key they refused
    return new LlmEndpointError("http", `${answered}: check the API key`, { status, retryable: false });
  }
  if (status === 429) return new LlmEndpointError("http", `${answered}: too many requests`, { status, retryable: true, retryAfterMs });
  if (status >= 500) return new LlmEndpointError("http", `${answered}: the server failed`, { status, retryable: true, retryAfterMs });
  const said = serverMessage(body, apiKey);
  const hint = status === 404 ? ": check the base URL (usually ending in /v1) and the model name" : "";
  return new LlmEndpointError("http", `${answered}${hint}${said ? ` (it said: ${said})` : ""}`, { status, retryable: false });
}

/** The `error.message` (or `error` string) of an OpenAI-style error body, made fit to show. */
function serverMessage(body: string, apiKey: string | undefined): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return "";
  }
  const error = (parsed as { error?: unknown } | null)?.error;
  const message =
    typeof error === "string" ? error : typeof (error as { message?: unknown })?.message === "string" ? (error as { message: string }).message : "";
  return redact(message, apiKey);
}

async function readBounded(res: Response, where: string): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_REPLY_BYTES) {
      await reader.cancel().catch(() => {});
      throw new LlmEndpointError("bad-reply", `The model endpoint (${where}) sent a reply over ${MAX_REPLY_BYTES / 1024 / 1024} MB`, { retryable: false });
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString("utf8");
}

/** What undici says went wrong under "fetch failed": an error code (ECONNREFUSED, ENOTFOUND…), or "redirect". */
function networkCause(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.message === "string" && /redirect/i.test(cause.message)) return "redirect";
  return typeof cause?.code === "string" && /^[A-Z_]+$/.test(cause.code) ? cause.code : "";
}
