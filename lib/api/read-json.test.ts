import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readJson, MAX_JSON_BYTES } from "./read-json";
import { AppError } from "@/lib/errors";

const MB = 1024 * 1024;

/** A chunked body (no Content-Length) that never ends, counting what was pulled from it. */
function endlessBody() {
  const counter = { pulled: 0 };
  const chunk = new Uint8Array(MB).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled++;
      controller.enqueue(counter.pulled === 1 ? new TextEncoder().encode('{"a":"') : chunk);
    },
  });
  return { stream, counter };
}

describe("readJson", () => {
  it("refuses a chunked body as soon as it passes the limit, without reading the rest", async () => {
    const { stream, counter } = endlessBody();
    const req = new Request("http://localhost/x", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    const err = await readJson(req, z.unknown()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("PAYLOAD_TOO_LARGE");
    expect(counter.pulled).toBeLessThanOrEqual(MAX_JSON_BYTES / MB + 3);
  });

  it("reads a body under the limit, multi-byte characters split across chunks included", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ name: "Лавров 😀" }));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const b of bytes) controller.enqueue(new Uint8Array([b]));
        controller.close();
      },
    });
    const req = new Request("http://localhost/x", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect(await readJson(req, z.object({ name: z.string() }))).toEqual({ name: "Лавров 😀" });
  });
});
