/**
 * How to reach one OpenAI-compatible chat-completions endpoint (Ollama, vLLM,
 * llama.cpp server, a hosted API). The base URL is the part before
 * `/chat/completions`, e.g. `http://localhost:11434/v1`.
 */
import { z } from "zod";

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function baseUrlProblem(s: string): string | null {
  if (!URL.canParse(s)) return "Enter a full URL, e.g. http://localhost:11434/v1";
  const u = new URL(s);
  if (u.protocol !== "http:" && u.protocol !== "https:") return "The base URL must start with http:// or https://";
  // the key belongs in apiKey: a URL's host appears in error messages, a key never does
  if (u.username || u.password) return "Put the key in the API key field, not in the URL";
  if (u.search || u.hash) return "The base URL takes no query or fragment (the path before /chat/completions)";
  return null;
}

const BaseUrl = z
  .string()
  .trim()
  .max(2000)
  .superRefine((s, ctx) => {
    const problem = baseUrlProblem(s);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((s) => {
    const u = new URL(s);
    return `${u.origin}${u.pathname.replace(/\/+$/, "")}`;
  });

export const LlmEndpointConfig = z.object({
  baseUrl: BaseUrl,
  model: z
    .string()
    .trim()
    .min(1, "Name the model")
    .max(200)
    .refine((s) => !CONTROL.test(s), "The model name holds a control character"),
  /** sent as `Authorization: Bearer <key>`; blank means none (local servers) */
  apiKey: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    // printable ASCII only: anything else would make the header invalid, and
    // fetch's message for an invalid header quotes the value
    z
      .string()
      .max(4096)
      .regex(/^[\x21-\x7e]+$/, "The API key holds a character a key cannot have (space, line break, non-ASCII)")
      .optional(),
  ),
  /** per request, reading the whole reply included */
  timeoutMs: z.number().int().min(1000).max(600_000),
  /** further attempts after a failed one (network error, timeout, 429, 5xx, a reply that is not the asked JSON) */
  maxRetries: z.number().int().min(0).max(10),
  /** kept per base URL across every recognizer of this process */
  requestsPerMinute: z.number().int().min(1).max(10_000),
});

export type LlmEndpointConfig = z.output<typeof LlmEndpointConfig>;
export type LlmEndpointConfigInput = z.input<typeof LlmEndpointConfig>;

/** Defaults a form can start from (a local Ollama). */
export const LLM_ENDPOINT_DEFAULTS = {
  baseUrl: "http://localhost:11434/v1",
  timeoutMs: 120_000,
  maxRetries: 3,
  requestsPerMinute: 60,
} as const satisfies Partial<LlmEndpointConfigInput>;
