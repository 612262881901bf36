/**
 * What the server acknowledged (2xx answers), and the check against the
 * database afterwards: every acknowledged create present exactly once with
 * its last acknowledged label, every acknowledged delete gone, one audit row
 * per change that committed. A change whose answer never came (the server
 * was killed) may have committed or not; either is accepted, provided the
 * span and its audit rows agree on which.
 */
import type { DirectDb } from "./direct-db";

type Live = {
  id: string;
  userId: string;
  documentId: string;
  start: number;
  end: number;
  label: string;
  updates: number;
  deleted: boolean;
  /** a change sent and not (yet) acknowledged: a call cut off by a crash may have committed it or not */
  unanswered?: { label: string } | "delete";
};

export type Verdict = {
  acknowledgedCreates: number;
  acknowledgedUpdates: number;
  acknowledgedDeletes: number;
  lost: number;
  doubled: number;
  deletedButPresent: number;
  wrongLabel: number;
  auditMismatches: number;
  /** rows no acknowledged answer accounts for (a request cut off mid-way may have committed; not an error) */
  unacknowledged: number;
  examples: string[];
};

export class Ledger {
  private readonly spans = new Map<string, Live>();

  created(a: { id: string; userId: string; documentId: string; start: number; end: number; label: string }) {
    this.spans.set(a.id, { ...a, updates: 0, deleted: false });
  }
  /** a relabel or delete about to be sent; cleared when it is acknowledged */
  sending(id: string, change: { label: string } | "delete") {
    this.spans.get(id)!.unanswered = change;
  }
  relabeled(id: string, label: string) {
    const s = this.spans.get(id)!;
    s.label = label;
    s.updates++;
    s.unanswered = undefined;
  }
  deleted(id: string) {
    const s = this.spans.get(id)!;
    s.deleted = true;
    s.unanswered = undefined;
  }
  /** acknowledged creates so far */
  get creates() {
    return this.spans.size;
  }
  documents() {
    return [...new Set([...this.spans.values()].map((s) => s.documentId))];
  }

  async verify(db: DirectDb, documentIds = this.documents()): Promise<Verdict> {
    const v: Verdict = {
      acknowledgedCreates: this.spans.size,
      acknowledgedUpdates: 0,
      acknowledgedDeletes: 0,
      lost: 0,
      doubled: 0,
      deletedButPresent: 0,
      wrongLabel: 0,
      auditMismatches: 0,
      unacknowledged: 0,
      examples: [],
    };
    const note = (s: string) => v.examples.length < 8 && v.examples.push(s);
    if (!documentIds.length) return v;
    const marks = documentIds.map(() => "?").join(",");
    const rows = await db.all<{ id: string; userId: string; documentId: string; start: number; end: number; label: string }>(
      `SELECT a."id", ly."userId", ly."documentId", a."start", a."end", lb."name" AS "label"
         FROM "Annotation" a JOIN "Layer" ly ON ly."id" = a."layerId" JOIN "Label" lb ON lb."id" = a."labelId"
        WHERE ly."documentId" IN (${marks}) AND ly."kind" = 'ANNOTATOR'`,
      documentIds,
    );
    const audits = await db.all<{ subjectId: string; action: string; n: number | bigint | string }>(
      `SELECT "subjectId", "action", COUNT(*) AS "n" FROM "AuditEvent" WHERE "subject" = 'ANNOTATION' AND "documentId" IN (${marks}) GROUP BY "subjectId", "action"`,
      documentIds,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const place = (r: { userId: string; documentId: string; start: number; end: number }) => `${r.userId}/${r.documentId}/${Number(r.start)}/${Number(r.end)}`;
    const perPlace = new Map<string, number>();
    for (const r of rows) perPlace.set(place(r), (perPlace.get(place(r)) ?? 0) + 1);
    const audit = new Map(audits.map((a) => [`${a.subjectId}/${a.action}`, Number(a.n)]));

    for (const s of this.spans.values()) {
      v.acknowledgedUpdates += s.updates;
      if (s.deleted) v.acknowledgedDeletes++;
      const row = byId.get(s.id);
      const maybe = s.unanswered;
      if (s.deleted) {
        if (row) {
          v.deletedButPresent++;
          note(`deleted but present: ${s.id}`);
        }
      } else if (!row) {
        if (maybe !== "delete") {
          v.lost++;
          note(`lost: ${s.id} (${s.start}..${s.end} ${s.label})`);
        }
      } else if (row.label !== s.label && !(maybe && maybe !== "delete" && maybe.label === row.label)) {
        v.wrongLabel++;
        note(`label of ${s.id} is ${row.label}, last acknowledged ${s.label}`);
      }
      const n = perPlace.get(place(s)) ?? 0;
      if (n > 1) {
        v.doubled += n - 1;
        note(`${n} rows at ${place(s)}`);
        perPlace.set(place(s), 1);
      }
      // an unanswered change counts where the row shows it committed
      const relabelCommitted = !!row && !!maybe && maybe !== "delete" && row.label === maybe.label && row.label !== s.label;
      const deleteCommitted = !row && maybe === "delete";
      const want: [string, number][] = [
        ["CREATE", 1],
        ["UPDATE", s.updates + (relabelCommitted ? 1 : 0)],
        ["DELETE", s.deleted || deleteCommitted ? 1 : 0],
      ];
      for (const [action, count] of want) {
        const got = audit.get(`${s.id}/${action}`) ?? 0;
        if (got !== count) {
          v.auditMismatches++;
          note(`${action} audit rows of ${s.id}: ${got}, expected ${count}`);
        }
      }
    }
    for (const r of rows) if (!this.spans.has(r.id)) v.unacknowledged++;
    return v;
  }
}
