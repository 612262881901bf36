import { createHmac } from "node:crypto";

/**
 * An HMAC under the server's secret (AUTH_SECRET), for values that must be
 * stable, unguessable and impossible to turn back into what they were made
 * from: blind-review pseudonyms, the namespaces of client-chosen ids.
 */
export function serverHmac(purpose: string, ...parts: string[]): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error(`AUTH_SECRET is not set: ${purpose} values are derived from it`);
  return createHmac("sha256", secret)
    .update([purpose, ...parts].join(":"))
    .digest();
}
