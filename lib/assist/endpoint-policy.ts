/**
 * Whether a project may send document text to an endpoint. An endpoint on
 * this machine (loopback: a local Ollama or llama.cpp server) is always
 * allowed; any other host only when the project's admin turned
 * `allowExternalModels` on.
 */
import { AppError } from "@/lib/errors";

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i;

export function isLoopback(baseUrl: string): boolean {
  try {
    return LOOPBACK.test(new URL(baseUrl).hostname);
  } catch {
    return false;
  }
}

export function assertMaySend(project: { allowExternalModels: boolean }, endpoint: { name: string; baseUrl: string }): void {
  if (project.allowExternalModels || isLoopback(endpoint.baseUrl)) return;
  throw new AppError(
    "CONFLICT",
    `This project does not allow sending text to external endpoints, and ${endpoint.name} (${new URL(endpoint.baseUrl).host}) is not on this machine; an admin can allow it in the project's settings`,
  );
}
