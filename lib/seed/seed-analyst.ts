/**
 * Idempotent start-up additions for a project created before quotes and
 * stances existed: the quote labels it lacks, and the seed stance targets.
 */
import { db } from "@/lib/db";
import { QUOTE_LABELS } from "@/lib/projects/default-labels";

export const SEED_STANCE_TARGETS = [
  "Iraq sharing intelligence with Russia, Syria and Iran",
  "Assad staying in power",
  "Russian military involvement in Syria",
  "the four-country intelligence cell",
];

export async function ensureQuoteLabels(projectId: string) {
  const existing = await db.label.findMany({ where: { projectId }, select: { name: true, sortOrder: true } });
  const names = new Set(existing.map((l) => l.name.toUpperCase()));
  let next = existing.reduce((max, l) => Math.max(max, l.sortOrder + 1), 0);
  for (const l of QUOTE_LABELS) {
    if (names.has(l.name)) continue;
    await db.label.create({ data: { projectId, name: l.name, kind: l.kind, color: l.color, description: l.description, hotkey: null, sortOrder: next++ } });
  }
}

export async function ensureStanceTargets(projectId: string, texts: string[] = SEED_STANCE_TARGETS) {
  for (const text of texts) {
    await db.stanceTarget.upsert({ where: { projectId_text: { projectId, text } }, create: { projectId, text }, update: {} });
  }
}
