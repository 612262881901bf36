/**
 * The seed project's entity registry: the people, groups and places the seed
 * articles keep naming, with the spellings they use. Idempotent: entities
 * that exist are left as they are (an analyst may have edited them); missing
 * aliases are added unless another entity has claimed the spelling.
 */
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { insertEntity } from "@/lib/entities/save-entity";
import { putAlias } from "@/lib/entities/aliases";

export const SEED_ENTITIES: { name: string; type: string; aliases: string[]; externalId?: string; note?: string }[] = [
  {
    name: "Islamic State",
    type: "ORG",
    aliases: ["IS", "ISIS", "ISIL", "Daesh"],
    externalId: "Q2429253",
    note: "Jihadist group; the seeds use all five spellings.",
  },
  { name: "Haider al-Abadi", type: "PERSON", aliases: ["Haidar al-Abadi", "al-Abadi"], externalId: "Q714584", note: "Prime Minister of Iraq (2014–2018)." },
  {
    name: "Sergey Lavrov",
    type: "PERSON",
    aliases: ["Sergey V. Lavrov", "Sergei Lavrov", "Lavrov"],
    externalId: "Q78506",
    note: "Foreign Minister of Russia.",
  },
  { name: "Bashar al-Assad", type: "PERSON", aliases: ["Bashar Assad", "Assad"], externalId: "Q44329", note: "President of Syria." },
  { name: "John Kerry", type: "PERSON", aliases: ["Kerry"], externalId: "Q22316", note: "U.S. Secretary of State." },
  { name: "Vladimir Putin", type: "PERSON", aliases: ["Putin"], externalId: "Q7747" },
  { name: "Barack Obama", type: "PERSON", aliases: ["Obama"], externalId: "Q76" },
  { name: "Interfax", type: "ORG", aliases: [], externalId: "Q1666033", note: "Russian news agency." },
  { name: "Iraq", type: "GPE", aliases: [], externalId: "Q796" },
  { name: "Russia", type: "GPE", aliases: [], externalId: "Q159" },
  { name: "Syria", type: "GPE", aliases: [], externalId: "Q858" },
  { name: "Iran", type: "GPE", aliases: [], externalId: "Q794" },
  { name: "United States", type: "GPE", aliases: ["U.S.", "US"], externalId: "Q30" },
  { name: "Baghdad", type: "GPE", aliases: [], externalId: "Q1530" },
  { name: "Moscow", type: "GPE", aliases: [], externalId: "Q649" },
  { name: "Damascus", type: "GPE", aliases: [], externalId: "Q3766" },
];

export async function seedEntities(opts: { actor: Actor; projectId: string }): Promise<{ created: number }> {
  let created = 0;
  for (const spec of SEED_ENTITIES) {
    await db.$transaction(async (tx) => {
      const existing = await tx.canonicalEntity.findFirst({ where: { projectId: opts.projectId, name: spec.name } });
      if (!existing) {
        const hasType = await tx.label.findFirst({ where: { projectId: opts.projectId, name: spec.type, kind: "ENTITY", archived: false } });
        if (!hasType) return; // the schema was edited; leave this one out
        await insertEntity(tx, {
          actor: opts.actor,
          projectId: opts.projectId,
          input: { name: spec.name, type: spec.type, aliases: [], note: spec.note ?? "", externalId: spec.externalId ?? null },
        });
        created++;
      }
      const entity = existing ?? (await tx.canonicalEntity.findFirstOrThrow({ where: { projectId: opts.projectId, name: spec.name } }));
      for (const alias of spec.aliases) {
        try {
          await putAlias(tx, entity, alias);
        } catch {
          // another entity holds the spelling: the analyst decided otherwise
        }
      }
    });
  }
  return { created };
}
