/**
 * Test helper: `tsx e2e/support/make-entity.ts <project slug> <name> <type> [<email> <document title> <span text>]`
 * creates (or finds) a canonical entity in the e2e database and, given a
 * user, document and span text, links that user's span to it. The entity
 * registry's own UI is another feature; stance tests only need entities.
 */
import { db } from "@/lib/db";
import { runScript } from "@/lib/ops/run-script";

async function main() {
  const [slug, name, type, email, title, text] = process.argv.slice(2);
  const project = await db.project.findUniqueOrThrow({ where: { slug } });
  const entity = await db.canonicalEntity.upsert({
    where: { projectId_name: { projectId: project.id, name } },
    create: { projectId: project.id, name, type },
    update: {},
  });
  if (email) {
    const linked = await db.annotation.updateMany({ where: { text, layer: { user: { email }, document: { title } } }, data: { entityId: entity.id } });
    if (linked.count !== 1) throw new Error(`expected one span "${text}" of ${email} on "${title}", found ${linked.count}`);
  }
  console.log(entity.id);
}

runScript(main);
