/** Writes one audit event; call it inside the transaction of the change it records. */
import type { Tx } from "@/lib/db";
import { jsonInput } from "@/lib/db/json-value";

export type AuditInput = {
  projectId: string;
  documentId?: string | null;
  actorId: string;
  subject:
    | "ANNOTATION"
    | "STANCE"
    | "GRADE"
    | "REVIEW"
    | "LAYER"
    | "DOCUMENT"
    | "USER"
    | "TOKEN"
    | "PROJECT"
    | "LABEL"
    | "MEMBER"
    | "ENTITY"
    | "STANCE_TARGET"
    | "MODEL_ENDPOINT"
    | "JOB"
    | "SUGGESTION"
    | "DOC_LABEL_SET"
    | "DOC_LABEL"
    | "THREAD";
  subjectId: string;
  action: string;
  before?: unknown;
  after?: unknown;
};

export async function recordAudit(tx: Tx, e: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      projectId: e.projectId,
      documentId: e.documentId ?? null,
      actorId: e.actorId,
      subject: e.subject,
      subjectId: e.subjectId,
      action: e.action,
      before: e.before == null ? undefined : jsonInput(e.before),
      after: e.after == null ? undefined : jsonInput(e.after),
    },
  });
}
