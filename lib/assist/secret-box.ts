/**
 * Secrets the server must read back (a model endpoint's API key), encrypted
 * at rest with AES-256-GCM under a key derived from the server secret: a
 * copy of the database alone does not give them away.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { serverHmac } from "@/lib/auth/server-hmac";

const key = () => serverHmac("secret-box");

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function open(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("The stored key is not in a form this server reads");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("The stored key cannot be read with this server's secret (was AUTH_SECRET changed?); enter the key again");
  }
}
