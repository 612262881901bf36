/**
 * Lets the event loop turn. Queries on SQLite (a synchronous driver) resolve
 * their promises without it turning, so a run of them would otherwise hold
 * every other request until the last one is done.
 */
export const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
