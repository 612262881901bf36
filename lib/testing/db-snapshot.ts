/**
 * A fingerprint of the database for "nothing changed" checks: every table's
 * row count, and a hash per table of every row made since `since` (the rows
 * a test made; older ones belong to other tests and only count).
 */
import { createHash } from "node:crypto";
import { db } from "@/lib/db";

const TABLES = [
  "User",
  "ApiToken",
  "Project",
  "ProjectMember",
  "Label",
  "Document",
  "SyndicationShingle",
  "Layer",
  "Annotation",
  "CanonicalEntity",
  "EntityAlias",
  "StanceTarget",
  "Stance",
  "StanceEvidence",
  "SourceGrade",
  "ReviewDecision",
  "AuditEvent",
  "ModelEndpoint",
  "Job",
  "SuggestionVerdict",
  "Thread",
  "ThreadPost",
  "Mention",
  "DocLabelSet",
  "DocLabelChoice",
  "DocLabelValue",
  "EntityMerge",
] as const;

export type Snapshot = Record<string, string>;

const hash = (rows: unknown[]) =>
  createHash("sha256")
    .update(JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v)))
    .digest("hex")
    .slice(0, 16);

export async function snapshotDatabase(since: Date): Promise<Snapshot> {
  const counts = (await db.$queryRawUnsafe(`SELECT ${TABLES.map((t) => `(SELECT COUNT(*) FROM "${t}") AS "${t}"`).join(", ")}`)) as Record<string, unknown>[];
  const recent = { createdAt: { gte: since } };
  const byId = { orderBy: { id: "asc" as const } };
  const [
    users,
    tokens,
    projects,
    members,
    labels,
    documents,
    layers,
    annotations,
    entities,
    aliases,
    targets,
    stances,
    evidence,
    grades,
    decisions,
    audit,
    endpoints,
    jobs,
    verdicts,
    threads,
    posts,
    mentions,
    docLabelSets,
    docLabelChoices,
    docLabelValues,
    entityMerges,
  ] = await Promise.all([
    db.user.findMany({ where: recent, ...byId }),
    // lastUsedAt is bookkeeping written after every authenticated request
    db.apiToken.findMany({ where: recent, ...byId, omit: { lastUsedAt: true } }),
    db.project.findMany({ where: recent, ...byId }),
    db.projectMember.findMany({ where: recent, ...byId }),
    db.label.findMany({ where: { project: recent }, ...byId }),
    db.document.findMany({ where: recent, ...byId, omit: { text: true } }),
    db.layer.findMany({ where: recent, ...byId }),
    db.annotation.findMany({ where: recent, ...byId }),
    db.canonicalEntity.findMany({ where: recent, ...byId }),
    db.entityAlias.findMany({ where: { entity: recent }, ...byId }),
    db.stanceTarget.findMany({ where: recent, ...byId }),
    db.stance.findMany({ where: recent, ...byId }),
    db.stanceEvidence.findMany({ where: { stance: recent }, ...byId }),
    db.sourceGrade.findMany({ where: recent, ...byId }),
    db.reviewDecision.findMany({ where: recent, ...byId }),
    db.auditEvent.findMany({ where: recent, ...byId }),
    db.modelEndpoint.findMany({ where: recent, ...byId }),
    db.job.findMany({ where: recent, ...byId }),
    db.suggestionVerdict.findMany({ where: recent, ...byId }),
    db.thread.findMany({ where: recent, ...byId }),
    db.threadPost.findMany({ where: recent, ...byId }),
    db.mention.findMany({ where: recent, ...byId }),
    db.docLabelSet.findMany({ where: recent, ...byId }),
    db.docLabelChoice.findMany({ where: { set: recent }, ...byId }),
    db.docLabelValue.findMany({ where: recent, ...byId }),
    db.entityMerge.findMany({ where: recent, ...byId }),
  ]);
  const rows: Record<string, unknown[]> = {
    User: users,
    ApiToken: tokens,
    Project: projects,
    ProjectMember: members,
    Label: labels,
    Document: documents,
    Layer: layers,
    Annotation: annotations,
    CanonicalEntity: entities,
    EntityAlias: aliases,
    StanceTarget: targets,
    Stance: stances,
    StanceEvidence: evidence,
    SourceGrade: grades,
    ReviewDecision: decisions,
    AuditEvent: audit,
    ModelEndpoint: endpoints,
    Job: jobs,
    SuggestionVerdict: verdicts,
    Thread: threads,
    ThreadPost: posts,
    Mention: mentions,
    DocLabelSet: docLabelSets,
    DocLabelChoice: docLabelChoices,
    DocLabelValue: docLabelValues,
    EntityMerge: entityMerges,
  };
  const snapshot: Snapshot = {};
  for (const t of TABLES) snapshot[t] = `${Number(counts[0][t])} ${rows[t] ? hash(rows[t]) : ""}`.trim();
  return snapshot;
}

/** The tables whose fingerprint differs. */
export const changedTables = (a: Snapshot, b: Snapshot) => Object.keys(a).filter((t) => a[t] !== b[t]);
