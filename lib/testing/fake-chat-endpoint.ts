/**
 * A real HTTP server on a loopback port that speaks OpenAI's chat-completions
 * protocol and answers from a script, for tests of code that calls model
 * endpoints (no mock of fetch: the bytes go over a socket).
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import { freePort } from "./free-port";

export type SeenRequest = {
  /** 1-based, in order of arrival */
  n: number;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** the parsed JSON body (null when it was not JSON) */
  body: ChatBody | null;
  /** the user message: the passage the model is asked about */
  passage: string;
};

export type ChatBody = {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; strict: boolean; schema: unknown } };
  [k: string]: unknown;
};

export type Answer =
  /** a JSON (or raw) body with a status, after an optional delay */
  | { status?: number; statusText?: string; headers?: Record<string, string>; json?: unknown; raw?: string; delayMs?: number }
  /** never answer (until the server closes) */
  | { hang: true }
  /** drop the connection without an answer */
  | { drop: true };

export type Script = (req: SeenRequest) => Answer | Promise<Answer>;

export type FakeChatEndpoint = { baseUrl: string; requests: SeenRequest[]; close(): Promise<void> };

/** A 200 chat completion whose message content is `content` (JSON-encoded unless a string). */
export function completion(content: unknown, finishReason = "stop"): Answer {
  return {
    json: {
      id: "chatcmpl-test",
      object: "chat.completion",
      choices: [
        { index: 0, message: { role: "assistant", content: typeof content === "string" ? content : JSON.stringify(content) }, finish_reason: finishReason },
      ],
    },
  };
}

/** A completion listing these spans, as a structured-output reply does. */
export const spansAnswer = (spans: { label: string; text: string; occurrence: number }[]) => completion({ spans });

export async function startFakeChatEndpoint(script: Script): Promise<FakeChatEndpoint> {
  const requests: SeenRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      let body: ChatBody | null = null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ChatBody;
      } catch {
        body = null;
      }
      const seen: SeenRequest = {
        n: requests.length + 1,
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body,
        passage: body?.messages?.find((m) => m.role === "user")?.content ?? "",
      };
      requests.push(seen);
      let answer: Answer;
      try {
        answer = await script(seen);
      } catch (err) {
        answer = { status: 500, json: { error: { message: `script failed: ${(err as Error).message}` } } };
      }
      if ("hang" in answer) {
        hanging.add(res);
        return;
      }
      if ("drop" in answer) {
        req.socket.destroy();
        return;
      }
      if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
      if (res.destroyed) return;
      const headers = { "content-type": "application/json", ...answer.headers };
      if (answer.statusText) res.writeHead(answer.status ?? 200, answer.statusText, headers);
      else res.writeHead(answer.status ?? 200, headers);
      res.end(answer.raw ?? (answer.json === undefined ? "" : JSON.stringify(answer.json)));
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
