/**
 * Keyset pagination by id: ask for one row more than a page, and that extra
 * row tells whether there is a next page.
 */
export function cursorArgs(opts: { limit: number; cursor?: string }) {
  return { take: opts.limit + 1, ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}) };
}

export function cursorPage<T extends { id: string }>(rows: T[], limit: number): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return { page, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}
