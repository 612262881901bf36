import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { LabelSpec, Proposal, RecognizeStats } from "@/lib/assist/recognizer";
import { canonicalizeText, sliceCodePoints } from "@/lib/text/offsets";
import { occurrenceNaming } from "@/lib/testing/quote-occurrence";
import { completion, spansAnswer, startFakeChatEndpoint, type FakeChatEndpoint, type Script } from "@/lib/testing/fake-chat-endpoint";
import { EndpointLimiters, llmRecognizer, LlmEndpointError, type LlmDeps, type LlmRecognizeStats } from "./index";
import type { Clock } from "./clock";

const labels: LabelSpec[] = [
  { name: "PERSON", description: "People named by name.", kind: "ENTITY" },
  { name: "GPE", description: "Countries and cities.", kind: "ENTITY" },
];

/** Virtual time: sleeping moves it on at once, and every sleep is recorded. */
function fakeClock(): Clock & { sleeps: number[]; t: number } {
  const c = {
    t: 0,
    sleeps: [] as number[],
    now: () => c.t,
    async sleep(ms: number, signal?: AbortSignal) {
      signal?.throwIfAborted();
      c.sleeps.push(ms);
      c.t += ms;
    },
  };
  return c;
}

const servers: FakeChatEndpoint[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function endpoint(script: Script) {
  const s = await startFakeChatEndpoint(script);
  servers.push(s);
  return s;
}

function recognizer(baseUrl: string, opts: { apiKey?: string; timeoutMs?: number; maxRetries?: number; requestsPerMinute?: number } = {}, deps: LlmDeps = {}) {
  const clock = (deps.clock as ReturnType<typeof fakeClock>) ?? fakeClock();
  const r = llmRecognizer(
    { baseUrl, model: "llama3.1:8b", timeoutMs: 5000, maxRetries: 2, requestsPerMinute: 10_000, ...opts },
    { clock, random: () => 0.5, limiters: new EndpointLimiters(), ...deps },
  );
  return { r, clock };
}

const recognize = (r: ReturnType<typeof recognizer>["r"], text: string, extra: { signal?: AbortSignal; onStats?: (s: RecognizeStats) => void } = {}) =>
  r.recognize({ text, labels, guidelines: "Tag people by their full name.", registry: [], ...extra });

/** Every start (in code points) where `needle` occurs in `text`. */
function codePointStarts(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let u = text.indexOf(needle); u !== -1; u = text.indexOf(needle, u + 1)) out.push(Array.from(text.slice(0, u)).length);
  return out;
}

describe("llmRecognizer: the request", () => {
  it("posts the model, the messages and a strict json_schema response format, with the key only when one is set", async () => {
    const s = await endpoint(() => spansAnswer([{ label: "GPE", text: "Iraq", occurrence: 1 }]));
    const text = "Iraq and Syria.";

    const withKey = recognizer(s.baseUrl, { apiKey: "sk-test-123" }).r;
    expect(withKey.origin).toBe("llm:llama3.1:8b");
    expect(await recognize(withKey, text)).toEqual([{ start: 0, end: 4, label: "GPE" }]);
    await recognize(recognizer(s.baseUrl).r, text);

    const [first, second] = s.requests;
    expect(first.method).toBe("POST");
    expect(first.path).toBe("/v1/chat/completions");
    expect(first.headers["content-type"]).toBe("application/json");
    expect(first.headers.authorization).toBe("Bearer sk-test-123");
    expect(second.headers.authorization).toBeUndefined();
    const body = first.body!;
    expect(body.model).toBe("llama3.1:8b");
    expect(body.messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(body.messages[0].content).toContain("- PERSON (entity): People named by name.");
    expect(body.messages[0].content).toContain("- GPE (entity): Countries and cities.");
    expect(body.messages[0].content).toContain("Tag people by their full name.");
    expect(body.messages[1].content).toBe(text);
    expect(body.response_format).toEqual({
      type: "json_schema",
      json_schema: {
        name: "labelled_spans",
        strict: true,
        schema: {
          type: "object",
          properties: {
            spans: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  label: { type: "string", enum: ["PERSON", "GPE"] },
                  text: { type: "string", description: expect.any(String) },
                  occurrence: { type: "integer", minimum: 1, description: expect.any(String) },
                },
                required: ["label", "text", "occurrence"],
                additionalProperties: false,
              },
            },
          },
          required: ["spans"],
          additionalProperties: false,
        },
      },
    });
    expect(body.temperature).toBe(0);
    expect(body.stream).toBe(false);
  });

  it("asks nothing when there are no labels or no text", async () => {
    const s = await endpoint(() => spansAnswer([]));
    const { r } = recognizer(s.baseUrl);
    expect(await r.recognize({ text: "Iraq", labels: [], guidelines: "", registry: [] })).toEqual([]);
    expect(await recognize(r, " \n\n ")).toEqual([]);
    expect(s.requests).toHaveLength(0);
  });

  it("refuses invalid settings without quoting them", () => {
    expect(() => llmRecognizer({ baseUrl: "ftp://x/v1", model: "m", timeoutMs: 5000, maxRetries: 0, requestsPerMinute: 1 })).toThrow(/baseUrl: .*http/);
  });
});

describe("llmRecognizer: placing spans", () => {
  it("gives code point offsets when astral characters come before the span", async () => {
    const text = "😀👩‍👩‍👧 Iraq said 𝔘𝔘: Iraq and Haider al-Abadi 😀 met in 𠀀 Baghdad.";
    const s = await endpoint(() =>
      spansAnswer([
        { label: "GPE", text: "Baghdad", occurrence: 1 },
        { label: "GPE", text: "Iraq", occurrence: 2 },
        { label: "PERSON", text: "Haider al-Abadi", occurrence: 1 },
      ]),
    );
    const got = await recognize(recognizer(s.baseUrl).r, text);
    expect(got.map((p) => [sliceCodePoints(text, p.start, p.end), p.label])).toEqual([
      ["Iraq", "GPE"],
      ["Haider al-Abadi", "PERSON"],
      ["Baghdad", "GPE"],
    ]);
    expect(got[0]).toEqual({ start: codePointStarts(text, "Iraq")[1], end: codePointStarts(text, "Iraq")[1] + 4, label: "GPE" });
    expect(got[0].start).toBeLessThan(text.indexOf(": Iraq") + 2); // UTF-16 would be further on
  });

  it("places any substring a model names by exact text and occurrence at exactly its code points", async () => {
    let answer: { label: string; text: string; occurrence: number }[] = [];
    const s = await endpoint(() => spansAnswer(answer));
    const { r } = recognizer(s.baseUrl);
    const piece = fc.constantFrom("a", "Iraq", " ", "\n", "\n\n", "😀", "👩‍👩‍👧", "𝔘", "e\u0301", "\u00a0", "ﬃ", ".", "al-Abadi", "𠀀");
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), async (parts, x, y) => {
        const text = canonicalizeText(parts.join(""));
        const cps = Array.from(text);
        fc.pre(cps.length > 0);
        const i = x % cps.length;
        const j = i + 1 + (y % (cps.length - i));
        const quote = cps.slice(i, j).join("");
        const occurrence = occurrenceNaming(text, i, j);
        fc.pre(/^\S(.*\S)?$/s.test(quote) && quote.normalize("NFC") === quote && occurrence !== null);
        answer = [{ label: "GPE", text: quote, occurrence: occurrence! }];
        const got = await recognize(r, text);
        expect(got).toEqual([{ start: i, end: j, label: "GPE" }]);
        expect(sliceCodePoints(text, got[0].start, got[0].end)).toBe(quote);
      }),
      { numRuns: 150 },
    );
  });

  it("refuses spans it cannot place, counts them, and drops repeats", async () => {
    const text = "Iraq and Syria. Iraq again.";
    const s = await endpoint(() =>
      spansAnswer([
        { label: "GPE", text: "Syria", occurrence: 1 },
        { label: "GPE", text: "Iraq", occurrence: 2 },
        { label: "GPE", text: "Iraq", occurrence: 3 },
        { label: "GPE", text: "Iran", occurrence: 1 },
        { label: "WEAPON", text: "Syria", occurrence: 1 },
        { label: "GPE", text: "  ", occurrence: 1 },
        { label: "GPE", text: "Iraq", occurrence: 1 },
        { label: "GPE", text: "Syria", occurrence: 1 },
      ]),
    );
    const reports: LlmRecognizeStats[] = [];
    const got = await recognize(recognizer(s.baseUrl).r, text, { onStats: (st) => reports.push(st as LlmRecognizeStats) });
    expect(got).toEqual([
      { start: 0, end: 4, label: "GPE" },
      { start: 9, end: 14, label: "GPE" },
      { start: 16, end: 20, label: "GPE" },
    ]);
    expect(reports.at(-1)).toEqual({
      chunks: 1,
      chunksDone: 1,
      proposed: 8,
      refused: 4,
      requests: 1,
      refusedBy: { label: 1, empty: 1, "not-in-text": 1, occurrence: 1 },
      duplicates: 1,
    });
    expect(reports[0]).toMatchObject({ chunks: 1, chunksDone: 0, proposed: 0 });
  });

  it("works through a long text chunk by chunk with offsets in the whole document", async () => {
    const paragraphs: string[] = [];
    for (let i = 0; paragraphs.join("\n").length < 50_000; i++) {
      paragraphs.push(
        `${"😀".repeat(i % 3)} Paragraph ${i}: Envoy${i} met Envoy${i} in City${i % 7} 𝔘 — a long day of talks, reported at length. `.repeat(1 + (i % 4)),
      );
    }
    // one line longer than a window, cut inside at a sentence end
    paragraphs.splice(5, 0, "Envoy9000 spoke at length. ".repeat(400));
    const text = paragraphs.join("\n");
    const s = await endpoint(({ passage }) => {
      const counts = new Map<string, number>();
      const spans = [...passage.matchAll(/Envoy\d+|City\d+/g)].map(([t]) => {
        counts.set(t, (counts.get(t) ?? 0) + 1);
        return { label: t.startsWith("City") ? "GPE" : "PERSON", text: t, occurrence: counts.get(t)! };
      });
      return spansAnswer(spans);
    });
    const reports: RecognizeStats[] = [];
    const got = await recognize(recognizer(s.baseUrl).r, text, { onStats: (st) => reports.push(st) });

    const expected: Proposal[] = [];
    let [u, cp] = [0, 0];
    for (const m of text.matchAll(/Envoy\d+|City\d+/g)) {
      cp += Array.from(text.slice(u, m.index)).length;
      u = m.index;
      expected.push({ start: cp, end: cp + m[0].length, label: m[0].startsWith("City") ? "GPE" : "PERSON" });
    }
    expect(text.length).toBeGreaterThan(50_000);
    expect(s.requests.length).toBeGreaterThan(8);
    expect(Math.max(...s.requests.map((r) => r.passage.length))).toBeLessThanOrEqual(6000);
    expect(s.requests.map((r) => r.passage).join("")).toBe(text);
    expect(got).toEqual(expected);
    expect(reports.at(-1)).toMatchObject({ chunks: s.requests.length, chunksDone: s.requests.length, proposed: expected.length, refused: 0 });
    expect(reports).toHaveLength(s.requests.length + 1);
  });
});

describe("llmRecognizer: failures, retries and limits", () => {
  it("retries a request that timed out, then succeeds", async () => {
    const s = await endpoint(({ n }) => (n === 1 ? { hang: true } : spansAnswer([{ label: "GPE", text: "Iraq", occurrence: 1 }])));
    const { r, clock } = recognizer(s.baseUrl, { timeoutMs: 1000 });
    const started = performance.now();
    expect(await recognize(r, "Iraq")).toEqual([{ start: 0, end: 4, label: "GPE" }]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(s.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([750]); // first backoff: 1 s ceiling, jitter 0.5
  });

  it("waits as long as a 429's Retry-After says", async () => {
    const s = await endpoint(({ n }) =>
      n === 1
        ? { status: 429, headers: { "retry-after": "7" }, json: { error: { message: "slow down" } } }
        : spansAnswer([{ label: "GPE", text: "Iraq", occurrence: 1 }]),
    );
    const { r, clock } = recognizer(s.baseUrl);
    expect(await recognize(r, "Iraq")).toHaveLength(1);
    expect(clock.sleeps).toEqual([7000]);
  });

  it("gives up on an endpoint that asks to wait too long", async () => {
    const s = await endpoint(() => ({ status: 429, headers: { "retry-after": "3600" } }));
    const { r, clock } = recognizer(s.baseUrl);
    await expect(recognize(r, "Iraq")).rejects.toThrow(/answered 429 Too Many Requests: too many requests, and asked to wait 3600 s; try again later/);
    expect(clock.sleeps).toEqual([]);
  });

  it("retries 5xx with exponential backoff, then gives up with a clear error", async () => {
    const s = await endpoint(() => ({ status: 500, json: { error: { message: "boom" } } }));
    const { r, clock } = recognizer(s.baseUrl, { maxRetries: 3 });
    const err = await recognize(r, "Iraq").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmEndpointError);
    expect((err as LlmEndpointError).message).toBe(
      `The model endpoint (${new URL(s.baseUrl).host}) answered 500 Internal Server Error: the server failed (gave up after 4 attempts)`,
    );
    expect((err as LlmEndpointError).status).toBe(500);
    expect(s.requests).toHaveLength(4);
    expect(clock.sleeps).toEqual([750, 1500, 3000]);
  });

  it("does not retry other 4xx, and says what the server said", async () => {
    const s = await endpoint(() => ({ status: 404, json: { error: { message: 'model "llama3.1:8b" not found, try pulling it first' } } }));
    const { r } = recognizer(s.baseUrl);
    await expect(recognize(r, "Iraq")).rejects.toThrow(
      /answered 404 Not Found: check the base URL \(usually ending in \/v1\) and the model name \(it said: model "llama3.1:8b" not found, try pulling it first\)$/,
    );
    expect(s.requests).toHaveLength(1);
  });

  it("retries a reply that is not the asked JSON, then reports it for its part of the text", async () => {
    const s = await endpoint(({ n }) => (n === 1 ? completion("Sure! Here are the spans: Iraq") : completion({ spans: "none" })));
    const { r } = recognizer(s.baseUrl, { maxRetries: 1 });
    await expect(recognize(r, "Iraq")).rejects.toThrow(
      /^The model's reply did not match the asked schema \(spans: invalid_type\) \(gave up after 2 attempts\)$/,
    );
    expect(s.requests).toHaveLength(2);
  });

  it("says when the endpoint cannot be reached", async () => {
    const s = await endpoint(() => spansAnswer([]));
    await s.close();
    const { r } = recognizer(s.baseUrl, { maxRetries: 1 });
    await expect(recognize(r, "Iraq")).rejects.toThrow(/^Could not reach the model endpoint \(127\.0\.0\.1:\d+\): ECONNREFUSED \(gave up after 2 attempts\)$/);
  });

  it("stops at once when the job is aborted, in flight or while waiting to retry", async () => {
    const s = await endpoint(({ n }) => (n === 1 ? { hang: true } : { status: 503 }));
    const { r } = recognizer(s.baseUrl, { timeoutMs: 60_000 });
    const ctl = new AbortController();
    const started = performance.now();
    setTimeout(() => ctl.abort(new Error("job cancelled")), 50);
    await expect(recognize(r, "Iraq", { signal: ctl.signal })).rejects.toThrow("job cancelled");
    expect(performance.now() - started).toBeLessThan(1000);

    // aborted during the backoff after a 503 (real clock)
    const realClock = llmRecognizer(
      { baseUrl: s.baseUrl, model: "m", timeoutMs: 60_000, maxRetries: 5, requestsPerMinute: 10_000 },
      { limiters: new EndpointLimiters(), random: () => 0.99 },
    );
    const ctl2 = new AbortController();
    const started2 = performance.now();
    setTimeout(() => ctl2.abort(new Error("job cancelled again")), 200);
    await expect(realClock.recognize({ text: "Iraq", labels, guidelines: "", registry: [], signal: ctl2.signal })).rejects.toThrow("job cancelled again");
    expect(performance.now() - started2).toBeLessThan(900); // the first backoff alone would be ~1 s
    expect(s.requests.length).toBe(2);

    await expect(recognize(r, "Iraq", { signal: AbortSignal.abort(new Error("already")) })).rejects.toThrow("already");
  });

  it("spaces requests to one endpoint by its rate, across recognizers", async () => {
    const clock = fakeClock();
    const limiters = new EndpointLimiters();
    const times: number[] = [];
    const s = await endpoint(() => spansAnswer([]));
    // the moment each request leaves (fetch is called right after the limiter lets it go)
    const timedFetch: typeof fetch = (url, init) => {
      times.push(clock.now());
      return fetch(url, init);
    };
    const deps = { clock, limiters, maxChunkChars: 10, fetch: timedFetch };
    const a = recognizer(s.baseUrl, { requestsPerMinute: 6 }, deps).r;
    const b = recognizer(s.baseUrl, { requestsPerMinute: 6 }, deps).r;
    const text = "Iraq one.\nIraq two.\nIraq 3.\n";
    await Promise.all([recognize(a, text), recognize(b, text)]);
    expect(times.sort((x, y) => x - y)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000]);
    expect(clock.sleeps.every((ms) => ms > 0)).toBe(true);
  });
});
