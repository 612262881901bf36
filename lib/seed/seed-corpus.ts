/**
 * Imports the seed project and its articles from seeds/manifest.json.
 * Idempotent: documents whose text is already there are skipped.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { ensureProject } from "@/lib/projects/ensure-project";
import { importDocument } from "@/lib/documents/import-document";
import type { Actor } from "@/lib/auth/actor";
import { ensureQuoteLabels, ensureStanceTargets } from "./seed-analyst";

const Manifest = z.object({
  project: z.object({ name: z.string(), slug: z.string() }),
  documents: z.array(
    z.object({
      file: z.string().regex(/^[\w.-]+\.txt$/, "seed files are plain names in seeds/"),
      title: z.string(),
      outlet: z.string().nullable(),
      byline: z.string().nullable(),
      date: z.string().nullable(),
      note: z.string().optional(),
    }),
  ),
});

/** `members`: who joins the project if this call creates it (else every user); an existing project's members stay as they are. */
export async function seedCorpus(opts: { actor: Actor; dir?: string; members?: string[] }) {
  const dir = opts.dir ?? join(process.cwd(), "seeds");
  const manifest = Manifest.parse(JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")));
  const project = await ensureProject({ ...manifest.project, memberIds: opts.members });
  await ensureQuoteLabels(project.id);
  await ensureStanceTargets(project.id);
  let created = 0;
  for (const entry of manifest.documents) {
    const result = await importDocument({
      actor: opts.actor,
      ifDuplicate: "return",
      input: {
        project: project.slug,
        title: entry.title,
        text: readFileSync(join(dir, entry.file), "utf8"),
        outlet: entry.outlet,
        byline: entry.byline,
        publishedAt: entry.date,
        source: `seeds/${entry.file}`,
        metadata: entry.note ? { note: entry.note } : {},
      },
    });
    if (result.created) created++;
  }
  return { project, created, total: manifest.documents.length };
}
