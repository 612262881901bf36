import { afterEach, describe, expect, it } from "vitest";
import { inspect } from "node:util";
import { completion, startFakeChatEndpoint, type Answer, type FakeChatEndpoint } from "@/lib/testing/fake-chat-endpoint";
import { EndpointLimiters, llmRecognizer, LlmEndpointError, type LlmRecognizeStats } from "./index";

const KEY = "sk-proj-Zq8dT3BlbkFJx7pV2mN9kL4wR6yH1cE5";
const echo = `Incorrect API key provided: ${KEY}. Your header was: Bearer ${KEY}`;

const servers: FakeChatEndpoint[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const instantClock = { now: () => 0, sleep: async () => {} };

function everyRendering(value: unknown): string {
  const e = value as Error;
  return [String(value), e?.message, e?.stack, inspect(value, { depth: null, showHidden: true }), JSON.stringify(value), String(e?.cause)].join("\n");
}

describe("the API key never shows", () => {
  const cases: [string, Answer, RegExp][] = [
    ["401", { status: 401, json: { error: { message: echo } } }, /answered 401 Unauthorized: check the API key$/],
    ["403", { status: 403, json: { error: echo } }, /answered 403 Forbidden: check the API key$/],
    [
      "400 quoting the key",
      { status: 400, json: { error: { message: echo } } },
      /answered 400 Bad Request \(it said: Incorrect API key provided: \[redacted\]/,
    ],
    ["404 quoting the header", { status: 404, json: { error: `no model for Bearer ${KEY}` } }, /\(it said: no model for Bearer \[redacted\]\)$/],
    ["429", { status: 429, headers: { "retry-after": KEY }, json: { error: { message: echo } } }, /answered 429 Too Many Requests/],
    [
      "500 with the key as reason phrase",
      { status: 500, statusText: `Broken ${KEY}`, json: { error: { message: echo } } },
      /answered 500 Internal Server Error: the server failed/,
    ],
    ["a reply that is not JSON", completion(`Here you go: ${KEY}`), /reply was not valid JSON/],
    ["a reply of the wrong shape", completion({ spans: [{ label: KEY, text: 1, occurrence: KEY }] }), /did not match the asked schema/],
    ["a body that is not a completion", { raw: echo }, /was not a chat completion/],
    ["a redirect", { status: 302, headers: { location: `http://127.0.0.1:1/?key=${KEY}` } }, /redirect/],
    ["a timeout", { hang: true }, /did not answer within 1 s/],
  ];

  for (const [what, answer, message] of cases) {
    it(`in the error for ${what}`, async () => {
      const s = await startFakeChatEndpoint(() => answer);
      servers.push(s);
      const stats: LlmRecognizeStats[] = [];
      const r = llmRecognizer(
        { baseUrl: s.baseUrl, model: "gpt-4o-mini", apiKey: KEY, timeoutMs: 1000, maxRetries: 1, requestsPerMinute: 10_000 },
        { clock: instantClock, limiters: new EndpointLimiters() },
      );
      const err = await r
        .recognize({
          text: "Iraq",
          labels: [{ name: "GPE", description: "", kind: "ENTITY" }],
          guidelines: "",
          registry: [],
          onStats: (x) => stats.push(x as LlmRecognizeStats),
        })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LlmEndpointError);
      expect((err as Error).message).toMatch(message);
      expect(s.requests[0].headers.authorization).toBe(`Bearer ${KEY}`); // it was sent
      expect(everyRendering(err)).not.toContain(KEY);
      expect(everyRendering(r)).not.toContain(KEY);
      expect(JSON.stringify(stats)).not.toContain(KEY);
    });
  }

  it("in the error for an endpoint that cannot be reached", async () => {
    const s = await startFakeChatEndpoint(() => ({ status: 200 }));
    await s.close();
    const r = llmRecognizer(
      { baseUrl: s.baseUrl, model: "m", apiKey: KEY, timeoutMs: 1000, maxRetries: 0, requestsPerMinute: 10_000 },
      { clock: instantClock, limiters: new EndpointLimiters() },
    );
    const err = await r
      .recognize({ text: "Iraq", labels: [{ name: "GPE", description: "", kind: "ENTITY" }], guidelines: "", registry: [] })
      .catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/Could not reach the model endpoint/);
    expect(everyRendering(err)).not.toContain(KEY);
  });

  it("in the error for settings that are not valid", () => {
    const err = (() => {
      try {
        llmRecognizer({ baseUrl: `https://u:${KEY}@example.com/v1`, model: "m", apiKey: `${KEY}\n`, timeoutMs: 1, maxRetries: 0, requestsPerMinute: 1 });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(Error);
    expect(everyRendering(err)).not.toContain(KEY);
  });
});
