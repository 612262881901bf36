/** AUTH_SECRET from the environment, or generated once into data/auth-secret (never a committed default). */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { randomBytes } from "node:crypto";

export function ensureAuthSecret(file = "data/auth-secret"): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (!existsSync(file)) {
    mkdirSync("data", { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url") + "\n", { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
