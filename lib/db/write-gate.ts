/**
 * One writer at a time on the process's SQLite connection: Prisma's
 * interactive transactions and the SQL hot paths (lib/db/sql.ts) share one
 * better-sqlite3 connection, and a transaction begun by one must not take in
 * the statements of another. A FIFO lock: `run(fn)` waits its turn.
 */
export class WriteGate {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves with a release function once every earlier holder has released. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const before = this.tail;
    this.tail = before.then(() => mine);
    let released = false;
    return before.then(() => () => {
      if (released) return;
      released = true;
      release();
    });
  }

  async run<T>(fn: () => Promise<T> | T): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
