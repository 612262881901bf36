/** Which recognizer a job's `model` names: the built-in one, or one of the project's endpoints. */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { builtinRecognizer } from "./builtin";
import { llmRecognizer } from "./llm";
import { assertMaySend } from "./endpoint-policy";
import { BUILTIN_MODEL } from "./endpoints";
import type { Recognizer } from "./recognizer";
import { open } from "./secret-box";

/** The origin a model's spans carry, and the name of its suggestions layer ("suggestions:<origin>"). */
export async function originFor(project: { id: string; allowExternalModels: boolean }, model: string): Promise<string> {
  if (model === BUILTIN_MODEL) return builtinRecognizer().origin;
  const endpoint = await endpointNamed(project.id, model);
  assertMaySend(project, endpoint);
  return `llm:${endpoint.name}`;
}

export async function recognizerFor(projectId: string, model: string): Promise<Recognizer> {
  if (model === BUILTIN_MODEL) return builtinRecognizer();
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { allowExternalModels: true } });
  const endpoint = await endpointNamed(projectId, model);
  // checked again at run time: the switch or the endpoint may have changed since the job was queued
  assertMaySend(project, endpoint);
  return llmRecognizer({
    baseUrl: endpoint.baseUrl,
    model: endpoint.model,
    apiKey: endpoint.apiKeyEncrypted ? open(endpoint.apiKeyEncrypted) : undefined,
    timeoutMs: endpoint.timeoutMs,
    maxRetries: endpoint.maxRetries,
    requestsPerMinute: endpoint.requestsPerMinute,
  });
}

async function endpointNamed(projectId: string, name: string) {
  const endpoint = await db.modelEndpoint.findUnique({ where: { projectId_name: { projectId, name } } });
  if (!endpoint) {
    throw new AppError("UNPROCESSABLE", `No model named ${name}: use "${BUILTIN_MODEL}" or the name of one of the project's model endpoints`, {
      field: "model",
    });
  }
  return endpoint;
}
