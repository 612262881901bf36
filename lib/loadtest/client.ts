/**
 * The load generator's HTTP side: bearer-token JSON calls to one or more
 * server instances (round-robin, loopback only), and the document's live
 * stream (SSE) held open and counted.
 */
import { request, Agent } from "node:http";

export class CallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// no keep-alive: a pooled socket the server closes after its idle timeout fails the next call with ECONNRESET, an
// artefact of the client, not the server (a new loopback connection per call costs well under a millisecond)
const agent = new Agent({ keepAlive: false, maxSockets: 512 });

export type Answer<T> = { status: number; body: T; ms: number };

/** Round-robin over the instances' origins. */
export class Cluster {
  private next = 0;
  constructor(readonly origins: string[]) {
    for (const o of origins) if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(o)) throw new Error(`loopback only: ${o}`);
  }
  pick(): string {
    const o = this.origins[this.next % this.origins.length];
    this.next++;
    return o;
  }
}

/** One call; resolves with the status and parsed body, rejects with CallError on a non-2xx answer or a network error. */
export function call<T = unknown>(
  origin: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const raw = typeof body === "string" || Buffer.isBuffer(body);
  const payload = body === undefined ? undefined : raw ? (body as string | Buffer) : JSON.stringify(body);
  const url = new URL(path, origin);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload !== undefined && !raw ? { "content-type": "application/json" } : {}),
          ...(payload !== undefined ? { "content-length": String(Buffer.byteLength(payload)) } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const ms = performance.now() - t0;
          const text = Buffer.concat(chunks).toString("utf8");
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) return reject(new CallError(status, `${method} ${path} → ${status}: ${text.slice(0, 300)}`));
          try {
            resolve({ status, body: (text ? JSON.parse(text) : null) as T, ms });
          } catch {
            resolve({ status, body: text as T, ms });
          }
        });
        res.on("error", (err) => reject(new CallError(0, `${method} ${path}: ${err.message}`)));
      },
    );
    req.on("error", (err) => reject(new CallError(0, `${method} ${path}: ${err.message}`)));
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/**
 * A GET whose body is only counted (export): bytes, lines, time to the first
 * byte and to the last.
 */
export function download(origin: string, token: string, path: string): Promise<{ status: number; bytes: number; lines: number; ttfbMs: number; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, origin), { method: "GET", agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let bytes = 0;
      let lines = 0;
      let ttfb = -1;
      res.on("data", (c: Buffer) => {
        if (ttfb < 0) ttfb = performance.now() - t0;
        bytes += c.length;
        for (let i = c.indexOf(10); i >= 0; i = c.indexOf(10, i + 1)) lines++;
      });
      res.on("end", () => {
        const status = res.statusCode ?? 0;
        if (status !== 200) return reject(new CallError(status, `GET ${path} → ${status}`));
        resolve({ status, bytes, lines, ttfbMs: ttfb, ms: performance.now() - t0 });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** A live stream held open: counts the events it receives until closed. */
export type LiveStream = { events: () => number; close: () => void; opened: Promise<number> };

export function openStream(origin: string, token: string, documentId: string): LiveStream {
  let events = 0;
  let closed = false;
  const t0 = performance.now();
  let req: ReturnType<typeof request>;
  const opened = new Promise<number>((resolve, reject) => {
    req = request(
      new URL(`/api/v1/documents/${documentId}/events`, origin),
      { method: "GET", agent: false, headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" } },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new CallError(res.statusCode ?? 0, `events → ${res.statusCode}`));
          res.resume();
          return;
        }
        let first = true;
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          if (first) {
            first = false;
            resolve(performance.now() - t0);
          }
          for (let i = chunk.indexOf("event:"); i >= 0; i = chunk.indexOf("event:", i + 1)) events++;
        });
        res.on("error", () => undefined);
      },
    );
    req.on("error", (err) => (closed ? resolve(0) : reject(new CallError(0, `events: ${err.message}`))));
    req.end();
  });
  return {
    events: () => events,
    opened,
    close: () => {
      closed = true;
      req.destroy();
    },
  };
}
