import { randomInt } from "node:crypto";

/** No 0/o, 1/l/i: easy to read out and type. 31 symbols × 16 ≈ 79 bits. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A random password an admin hands to a user, e.g. "k7qm-xt3p-9dwe-hn4r". */
export function generateTemporaryPassword(groups = 4, size = 4): string {
  const group = () => Array.from({ length: size }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return Array.from({ length: groups }, group).join("-");
}
