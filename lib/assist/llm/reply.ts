/**
 * The answer asked of the model (structured output: a strict JSON schema in
 * `response_format`) and its parsing. The reply's shape is checked here; what
 * each item says (is the label one of ours, is the quote in the text) is
 * checked by locate-span.ts, which refuses an item without failing the rest.
 */
import { z } from "zod";

export const REPLY_SCHEMA_NAME = "labelled_spans";

/** OpenAI's structured-output schema (a strict subset of JSON Schema that Ollama, vLLM and llama.cpp also accept). */
export function replyJsonSchema(labelNames: string[]) {
  return {
    type: "object",
    properties: {
      spans: {
        type: "array",
        items: {
          type: "object",
          properties: {
            label: { type: "string", enum: labelNames },
            text: { type: "string", description: "the span, copied exactly from the passage" },
            occurrence: { type: "integer", minimum: 1, description: "1 for the first appearance of this exact text in the passage, 2 for the second, ..." },
          },
          required: ["label", "text", "occurrence"],
          additionalProperties: false,
        },
      },
    },
    required: ["spans"],
    additionalProperties: false,
  };
}

export function responseFormat(labelNames: string[]) {
  return { type: "json_schema", json_schema: { name: REPLY_SCHEMA_NAME, strict: true, schema: replyJsonSchema(labelNames) } } as const;
}

/** One item as the model gave it; label and occurrence are judged per item (a wrong one is refused, not an error). */
export const ReplySpan = z.object({ label: z.string(), text: z.string(), occurrence: z.number() });
export type ReplySpan = z.infer<typeof ReplySpan>;

export const Reply = z.object({ spans: z.array(ReplySpan) });

/** The envelope of a chat-completions answer, only as far as we read it. */
export const ChatCompletion = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
});

export type ParsedReply = { ok: true; spans: ReplySpan[] } | { ok: false; problem: string };

/**
 * The spans of one completion body. A problem is said without quoting the
 * reply (it could echo anything, the request included).
 */
export function parseCompletion(body: string): ParsedReply {
  const envelope = ChatCompletion.safeParse(parseJson(body));
  if (!envelope.success) return { ok: false, problem: "was not a chat completion (no choices[0].message)" };
  const { message, finish_reason } = envelope.data.choices[0];
  if (message.refusal) return { ok: false, problem: "was a refusal to answer" };
  if (finish_reason === "length") return { ok: false, problem: "was cut off at the model's output limit (finish_reason length)" };
  if (!message.content) return { ok: false, problem: "had no content" };
  const json = parseJson(stripCodeFence(message.content));
  if (json === undefined) return { ok: false, problem: "was not valid JSON" };
  const reply = Reply.safeParse(json);
  if (!reply.success) {
    const issue = reply.error.issues[0];
    return { ok: false, problem: `did not match the asked schema (${issue.path.join(".") || "root"}: ${issue.code})` };
  }
  return { ok: true, spans: reply.data.spans };
}

function parseJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/** Servers that ignore response_format tend to wrap the JSON in a Markdown fence; that one wrapping is unambiguous, so it is taken off. */
function stripCodeFence(s: string): string {
  const m = /^\s*```(?:json)?\s*\n([\s\S]*)\n\s*```\s*$/.exec(s);
  return m ? m[1] : s;
}
