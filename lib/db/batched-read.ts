/**
 * Reads every row of a large result in keyset-ordered batches, yielding to the
 * event loop between them: 20,000 spans read by one query are one synchronous
 * block (driver rows, Prisma's mapping) that every other request waits
 * behind; batches of a few thousand keep each block short.
 */
export const READ_BATCH = 2000;

/** `items` in consecutive groups of `size`: one statement's worth of bound values each. */
export function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export async function readInBatches<T>(read: (after: T | undefined, take: number) => Promise<T[]>, take = READ_BATCH): Promise<T[]> {
  const rows: T[] = [];
  let after: T | undefined;
  for (;;) {
    const batch = await read(after, take);
    for (const row of batch) rows.push(row);
    if (batch.length < take) return rows;
    after = batch[batch.length - 1];
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A layer's spans after `after` in (start, id) order: the (layerId, start) index serves it. */
function spansAfter(layerId: string, after: { start: number; id: string } | undefined, take: number) {
  return {
    where: after ? { layerId, OR: [{ start: { gt: after.start } }, { start: after.start, id: { gt: after.id } }] } : { layerId },
    orderBy: [{ start: "asc" as const }, { id: "asc" as const }],
    take,
  };
}

/** Every span of a layer, read in batches; `read` runs one batch's query (`args` spread into findMany). */
export function readLayerSpans<T extends { start: number; id: string }>(
  layerId: string,
  read: (args: ReturnType<typeof spansAfter>) => Promise<T[]>,
  take = READ_BATCH,
): Promise<T[]> {
  return readInBatches<T>((after, n) => read(spansAfter(layerId, after, n)), take);
}

/** Text order: start ascending, the longer span first, then id so ties are stable. */
export const inTextOrder = <S extends { start: number; end: number; id: string }>(a: S, b: S) =>
  a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
