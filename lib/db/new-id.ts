/**
 * Ids for rows written with raw SQL (bulk inserts), shaped like Prisma's
 * cuid(): 25 lower-case letters and digits, "c", a millisecond timestamp and a
 * counter (so ids made in one process sort in the order they were made), then
 * random characters (so they cannot be guessed).
 */
import { randomBytes } from "node:crypto";

const COUNTER_SPACE = 36 ** 4;
let counter = randomBytes(4).readUInt32BE() % COUNTER_SPACE;

export function newId(): string {
  counter = (counter + 1) % COUNTER_SPACE;
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  const random = Array.from(randomBytes(12), (b) => (b % 36).toString(36)).join("");
  return `c${time}${counter.toString(36).padStart(4, "0")}${random}`;
}
