/**
 * Ids in the shape Prisma's `@default(cuid())` makes (cuid v1: "c", time,
 * counter, host fingerprint, randomness, base 36; 25 characters), for rows
 * the SQL hot paths insert themselves.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

const BASE = 36;
const pad = (s: string, n: number) => s.padStart(n, "0").slice(-n);
let counter = randomBytes(4).readUInt32BE(0) % BASE ** 4;

const fingerprint = (() => {
  const pid = pad(process.pid.toString(BASE), 2);
  const host = hostname();
  let sum = host.length + BASE;
  for (let i = 0; i < host.length; i++) sum += host.charCodeAt(i);
  return pid + pad(sum.toString(BASE), 2);
})();

const block = () => pad((randomBytes(4).readUInt32BE(0) % BASE ** 4).toString(BASE), 4);

export function cuid(): string {
  counter = (counter + 1) % BASE ** 4;
  return "c" + Date.now().toString(BASE) + pad(counter.toString(BASE), 4) + fingerprint + block() + block();
}
