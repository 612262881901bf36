import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assignmentProject } from "./assignment-project";
import { freeSeats } from "./plan-assignments";
import { SEAT_TX_OPTIONS } from "./seat-lock";

export const MAX_OVERLAP = 10;
export const Overlap = z.coerce
  .number({ error: "Give a number of annotators per document" })
  .int("Give a whole number of annotators per document")
  .min(1, "Each document needs at least 1 annotator")
  .max(MAX_OVERLAP, `At most ${MAX_OVERLAP} annotators per document`);

/**
 * Sets how many annotators each document of a project gets (N, 1..10).
 *
 * Raising N opens new seats; nobody is assigned until assignments run or
 * annotators take them from their queue. Lowering N never takes work away:
 * it is refused (409, naming the documents) while any document holds more
 * seats than the new N; unassign the seats not started first. Otherwise the
 * seats numbered N or above are renumbered into free lower seats, so every
 * seat number stays below N and the unique index keeps guarding the limit.
 *
 * The project row is updated first: that waits for seat fillers in flight
 * (they hold it shared, see seat-lock.ts) and holds back new ones until the
 * change commits.
 */
export async function setOverlap(opts: { actor: Actor; projectId: string; annotatorsPerDocument: unknown }) {
  const n = Overlap.parse(opts.annotatorsPerDocument);
  const project = await assignmentProject({ actor: opts.actor, projectId: opts.projectId, permission: "assignment:manage" });
  return db.$transaction(async (tx) => {
    const before = await tx.project.findUniqueOrThrow({ where: { id: project.id }, select: { annotatorsPerDocument: true } });
    await tx.project.update({ where: { id: project.id }, data: { annotatorsPerDocument: n } });
    const renumbered = await fitSeatsUnder(tx, project.id, n);
    await recordAudit(tx, {
      projectId: project.id,
      actorId: opts.actor.id,
      subject: "PROJECT",
      subjectId: project.id,
      action: "UPDATE",
      before: { annotatorsPerDocument: before.annotatorsPerDocument },
      after: { annotatorsPerDocument: n, renumberedSeats: renumbered },
    });
    return { annotatorsPerDocument: n, previous: before.annotatorsPerDocument, renumberedSeats: renumbered };
  }, SEAT_TX_OPTIONS);
}

/** Renumbers seats N and above into free lower seats; refuses (409) when a document holds more than N seats. */
async function fitSeatsUnder(tx: Tx, projectId: string, n: number): Promise<number> {
  const high = await tx.layer.findMany({ where: { seat: { gte: n }, document: { projectId } }, select: { documentId: true } });
  if (high.length === 0) return 0;
  const docs = await tx.document.findMany({
    where: { id: { in: [...new Set(high.map((l) => l.documentId))] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, layers: { where: { seat: { not: null } }, select: { id: true, seat: true }, orderBy: { seat: "asc" } } },
  });
  const over = docs.filter((d) => d.layers.length > n);
  if (over.length > 0) {
    const names = over.slice(0, 5).map((d) => `"${d.title}" (${d.layers.length} seats)`);
    throw new AppError(
      "CONFLICT",
      `Cannot lower to ${n} annotator${n === 1 ? "" : "s"} per document: ${over.length} document${over.length === 1 ? " holds" : "s hold"} more seats than that: ${names.join(", ")}${over.length > 5 ? ` and ${over.length - 5} more` : ""}. Unassign the seats not started first.`,
      { documentIds: over.map((d) => d.id) },
    );
  }
  let renumbered = 0;
  for (const d of docs) {
    const free = freeSeats(new Set(d.layers.map((l) => l.seat as number)), n);
    for (const layer of d.layers.filter((l) => (l.seat as number) >= n)) {
      await tx.layer.update({ where: { id: layer.id }, data: { seat: free.shift() } });
      renumbered++;
    }
  }
  return renumbered;
}
