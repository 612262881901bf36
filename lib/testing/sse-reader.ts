/** Reads a text/event-stream body as it arrives, for tests: every event is kept, and `waitFor` finds one. */
export type SseEvent = { event: string; data: unknown };

export class SseReader {
  readonly events: SseEvent[] = [];
  private waiters = new Set<() => void>();
  private done = false;
  private failure: Error | null = null;

  constructor(body: ReadableStream<Uint8Array>) {
    void this.pump(body.getReader());
  }

  /**
   * The first event (seen or still to come) for which `match` holds, looking
   * from event number `from` on; fails after `timeoutMs`.
   */
  async waitFor<T = Record<string, unknown>>(
    match: (e: SseEvent & { data: T }) => boolean,
    timeoutMs = 10_000,
    what = "event",
    from = 0,
  ): Promise<SseEvent & { data: T }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.events.slice(from).find((e) => match(e as SseEvent & { data: T }));
      if (hit) return hit as SseEvent & { data: T };
      if (this.failure) throw this.failure;
      if (this.done) throw new Error(`stream ended without ${what}; got ${this.summary()}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms; got ${this.summary()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        this.waiters.add(wake);
      });
    }
  }

  /** Events of the given SSE type, in order of arrival. */
  of<T = Record<string, unknown>>(type: string): T[] {
    return this.events.filter((e) => e.event === type).map((e) => e.data as T);
  }

  get ended() {
    return this.done;
  }

  private summary() {
    return JSON.stringify(this.events.map((e) => e.event));
  }

  private async pump(reader: ReadableStreamDefaultReader<Uint8Array>) {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = "message";
          const data: string[] = [];
          for (const line of block.split("\n")) {
            if (line.startsWith("event: ")) event = line.slice(7);
            else if (line.startsWith("data: ")) data.push(line.slice(6));
          }
          if (data.length) this.events.push({ event, data: JSON.parse(data.join("\n")) });
          this.wake();
        }
      }
    } catch (err) {
      if ((err as Error).name !== "AbortError") this.failure = err as Error;
    } finally {
      this.done = true;
      this.wake();
    }
  }

  private wake() {
    for (const w of [...this.waiters]) w();
  }
}
