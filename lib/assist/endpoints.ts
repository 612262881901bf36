/**
 * A project's OpenAI-compatible model endpoints. Admins add, change and
 * remove them; whoever may run pre-annotation sees their names and settings,
 * never the key (stored sealed, lib/assist/secret-box.ts).
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { authorize } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { getProject } from "@/lib/projects/get-project";
import { isLoopback } from "./endpoint-policy";
import { seal } from "./secret-box";

export const BUILTIN_MODEL = "builtin";

export const EndpointInput = z
  .object({
    name: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/, "Use 1 to 60 letters, digits, dots, dashes or underscores, starting with a letter or digit")
      .refine((n) => n !== BUILTIN_MODEL, "builtin is the name of the built-in recognizer"),
    baseUrl: z
      .url({ protocol: /^https?$/, error: "Give the endpoint's base URL, e.g. http://localhost:11434/v1" })
      .max(500)
      .transform((u) => u.replace(/\/+$/, "")),
    model: z.string().trim().min(1, "Name the model, e.g. llama3.1:8b").max(200),
    /** a new key; null removes the stored one; left out keeps it */
    apiKey: z.string().max(500).nullable().optional(),
    timeoutMs: z.number().int().min(1000).max(600_000).default(60_000),
    maxRetries: z.number().int().min(0).max(10).default(3),
    requestsPerMinute: z.number().int().min(1).max(10_000).default(60),
  })
  .strict();

type EndpointRow = Awaited<ReturnType<typeof db.modelEndpoint.findFirstOrThrow>>;

export const endpointView = (e: EndpointRow) => ({
  id: e.id,
  name: e.name,
  baseUrl: e.baseUrl,
  model: e.model,
  hasKey: e.apiKeyEncrypted !== null,
  onThisMachine: isLoopback(e.baseUrl),
  timeoutMs: e.timeoutMs,
  maxRetries: e.maxRetries,
  requestsPerMinute: e.requestsPerMinute,
  updatedAt: e.updatedAt.toISOString(),
});
export type EndpointView = ReturnType<typeof endpointView>;

/** What the audit keeps of an endpoint: everything but the key. */
const auditView = (e: EndpointRow) => {
  const { id: _id, updatedAt: _at, ...rest } = endpointView(e);
  return rest;
};

export async function listEndpoints(opts: { actor: Actor; projectId: string }): Promise<EndpointView[]> {
  authorize(opts.actor, "assist:run");
  const project = await getProject(opts);
  const rows = await db.modelEndpoint.findMany({ where: { projectId: project.id }, orderBy: { name: "asc" } });
  return rows.map(endpointView);
}

/** Adds an endpoint, or changes the one of the same name. */
export async function saveEndpoint(opts: { actor: Actor; projectId: string; input: z.input<typeof EndpointInput> }): Promise<EndpointView> {
  authorize(opts.actor, "project:manage");
  const { apiKey, ...input } = EndpointInput.parse(opts.input);
  const project = await getProject(opts);
  const key = apiKey === undefined ? {} : { apiKeyEncrypted: apiKey === null || apiKey === "" ? null : seal(apiKey) };
  return db.$transaction(async (tx) => {
    const before = await tx.modelEndpoint.findUnique({ where: { projectId_name: { projectId: project.id, name: input.name } } });
    const saved = await tx.modelEndpoint.upsert({
      where: { projectId_name: { projectId: project.id, name: input.name } },
      create: { projectId: project.id, ...input, ...key },
      update: { ...input, ...key },
    });
    await recordAudit(tx, {
      projectId: project.id,
      actorId: opts.actor.id,
      subject: "MODEL_ENDPOINT",
      subjectId: saved.id,
      action: before ? "UPDATE" : "CREATE",
      before: before ? auditView(before) : undefined,
      after: auditView(saved),
    });
    return endpointView(saved);
  });
}

export async function deleteEndpoint(opts: { actor: Actor; endpointId: string }): Promise<{ deleted: string }> {
  authorize(opts.actor, "project:manage");
  const endpoint = await db.modelEndpoint.findUnique({ where: { id: opts.endpointId } });
  if (!endpoint) throw notFound("Model endpoint");
  await getProject({ actor: opts.actor, projectId: endpoint.projectId }).catch(() => {
    throw notFound("Model endpoint");
  });
  await db.$transaction(async (tx) => {
    await tx.modelEndpoint.delete({ where: { id: endpoint.id } });
    await recordAudit(tx, {
      projectId: endpoint.projectId,
      actorId: opts.actor.id,
      subject: "MODEL_ENDPOINT",
      subjectId: endpoint.id,
      action: "DELETE",
      before: auditView(endpoint),
    });
  });
  return { deleted: endpoint.id };
}
