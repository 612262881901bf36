/** Queues a pre-annotation job: everything is checked and resolved now, the work happens in the background (worker.ts). */
import type { z } from "zod";
import { db } from "@/lib/db";
import { authorize } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { jsonInput } from "@/lib/db/json-value";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { getProject } from "@/lib/projects/get-project";
import { VISIBLE_DOCUMENT } from "@/lib/documents/visible";
import { originFor } from "../recognizers";
import { MAX_JOB_DOCUMENTS, PreannotateInput, type JobParams } from "./job-params";
import { jobView } from "./job-view";
import { ensureJobWorker } from "./worker";

export async function startPreannotation(opts: { actor: Actor; projectId: string; input: z.input<typeof PreannotateInput> }) {
  authorize(opts.actor, "assist:run");
  const input = PreannotateInput.parse(opts.input);
  const project = await getProject(opts);
  const origin = await originFor(project, input.model);

  const active = await db.label.findMany({ where: { projectId: project.id, archived: false }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
  let labels = active.filter((l) => l.kind === "ENTITY").map((l) => l.name);
  if (input.labels) {
    const known = new Set(active.map((l) => l.name));
    const unknown = input.labels.filter((l) => !known.has(l));
    if (unknown.length) throw new AppError("UNPROCESSABLE", `Not an active label of this project: ${unknown.join(", ")}`, { field: "labels" });
    labels = [...new Set(input.labels)];
  }
  if (labels.length === 0) throw new AppError("UNPROCESSABLE", "The project has no active entity labels to propose", { field: "labels" });

  let documentIds: string[];
  if (input.documentIds) {
    const unique = [...new Set(input.documentIds)];
    const found = await db.document.findMany({ where: { projectId: project.id, id: { in: unique }, ...VISIBLE_DOCUMENT }, select: { id: true } });
    const known = new Set(found.map((d) => d.id));
    const missing = unique.filter((id) => !known.has(id));
    if (missing.length) throw new AppError("UNPROCESSABLE", `Not a document of this project: ${missing.slice(0, 5).join(", ")}`, { field: "documentIds" });
    documentIds = unique;
  } else {
    const all = await db.document.findMany({
      where: { projectId: project.id, ...VISIBLE_DOCUMENT },
      select: { id: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: MAX_JOB_DOCUMENTS + 1,
    });
    if (all.length > MAX_JOB_DOCUMENTS) {
      throw new AppError("PAYLOAD_TOO_LARGE", `The project has more than ${MAX_JOB_DOCUMENTS} documents; run on them in batches with documentIds`);
    }
    if (all.length === 0) throw new AppError("UNPROCESSABLE", "The project has no documents yet");
    documentIds = all.map((d) => d.id);
  }

  const params: JobParams = { model: input.model, origin, labels, documentIds };
  const job = await db.$transaction(async (tx) => {
    const created = await tx.job.create({
      data: { projectId: project.id, kind: "PREANNOTATE", params: jsonInput(params), total: documentIds.length, createdById: opts.actor.id },
    });
    await recordAudit(tx, {
      projectId: project.id,
      actorId: opts.actor.id,
      subject: "JOB",
      subjectId: created.id,
      action: "CREATE",
      after: { kind: "PREANNOTATE", model: input.model, origin, labels, documents: documentIds.length },
    });
    return created;
  });
  if (process.env.MARGINALIA_JOB_WORKER !== "manual") void ensureJobWorker();
  return jobView(job);
}
