/** The one answer shape of every list endpoint under /api/v1: `nextCursor` is null on the last page, and always for unpaginated lists. */
export type ListPage<T> = { items: T[]; nextCursor: string | null };

export const listPage = <T>(items: T[], nextCursor: string | null = null): ListPage<T> => ({ items, nextCursor });
