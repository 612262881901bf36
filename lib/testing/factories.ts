/** Test data with unique names per test, made through the real domain functions. */
import { randomBytes } from "node:crypto";
import { createUser } from "@/lib/users/create-user";
import { createApiToken } from "@/lib/auth/api-tokens";
import { ensureProject } from "@/lib/projects/ensure-project";
import { importDocument } from "@/lib/documents/import-document";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { db } from "@/lib/db";
import { GOLD_SLOT, userSlot, type LayerStatus, type Role } from "@/lib/domain/enums";
import type { Actor } from "@/lib/auth/actor";

export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

export const TEST_PASSWORD = "test-password-1";

export async function makeUser(role: Role = "ANNOTATOR") {
  const user = await createUser({ email: `${unique(role.toLowerCase())}@test.local`, name: unique("User"), role, password: TEST_PASSWORD });
  const actor: Actor = { id: user.id, email: user.email, name: user.name, role };
  const { token } = await createApiToken({ userId: user.id, name: "test" });
  return { user, actor, token };
}

export async function makeProject() {
  return ensureProject({ slug: unique("project"), name: unique("Project") });
}

export async function makeDocument(actor: Actor, opts: { text?: string; project?: string; title?: string } = {}) {
  const project = opts.project ?? (await makeProject()).slug;
  const { document } = await importDocument({
    actor,
    input: { title: opts.title ?? unique("Doc"), text: opts.text ?? `Sergey V. Lavrov met John Kerry. ${unique("x")}`, project },
  });
  return document;
}

export type SpanSpec = { start: number; end: number; label: string };

/** The code point span of the `occurrence`-th `needle` in `text`, with a label. */
export function spanAt(text: string, needle: string, label: string, occurrence = 0): SpanSpec {
  let u = -1;
  for (let i = 0; i <= occurrence; i++) {
    u = text.indexOf(needle, u + 1);
    if (u === -1) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times in the text`);
  }
  const start = Array.from(text.slice(0, u)).length;
  return { start, end: start + Array.from(needle).length, label };
}

/**
 * An annotator's own layer on a document: the spans go through
 * createAnnotation (with its audit trail); then the layer is put in `status`
 * directly, since submitting and reviewing are separate features.
 */
export async function makeAnnotatorLayer(actor: Actor, documentId: string, opts: { spans?: SpanSpec[]; status?: LayerStatus } = {}) {
  for (const span of opts.spans ?? []) await createAnnotation({ actor, documentId, input: span });
  const status = opts.status ?? "IN_PROGRESS";
  const submittedAt = status === "SUBMITTED" || status === "APPROVED" ? new Date() : null;
  return db.layer.upsert({
    where: { documentId_slot: { documentId, slot: userSlot(actor.id) } },
    create: { documentId, slot: userSlot(actor.id), kind: "ANNOTATOR", userId: actor.id, status, submittedAt },
    update: { status, submittedAt },
  });
}

/** A new gold layer on the document holding `spans`, as a reviewer's adjudication would leave it. */
export async function makeGoldLayer(reviewer: Actor, documentId: string, opts: { spans: SpanSpec[]; status?: LayerStatus }) {
  const doc = await db.document.findUniqueOrThrow({ where: { id: documentId } });
  const labels = await db.label.findMany({ where: { projectId: doc.projectId } });
  const status = opts.status ?? "IN_PROGRESS";
  return db.layer.create({
    data: {
      documentId,
      slot: GOLD_SLOT,
      kind: "GOLD",
      status,
      annotations: {
        create: opts.spans.map((s) => {
          const label = labels.find((l) => l.name === s.label);
          if (!label) throw new Error(`no label ${s.label} in the project`);
          return { start: s.start, end: s.end, text: Array.from(doc.text).slice(s.start, s.end).join(""), labelId: label.id, createdById: reviewer.id };
        }),
      },
    },
  });
}
