/**
 * Test helper: `tsx e2e/support/set-layer-status.ts <email> <document title> <status>`
 * sets a user's layer status directly in the e2e database, to simulate
 * progress the tests do not drive through the UI (submission, review).
 */
import { db } from "@/lib/db";
import { runScript } from "@/lib/ops/run-script";
import { LayerStatus } from "@/lib/domain/enums";

async function main() {
  const [email, title, given] = process.argv.slice(2);
  const status = LayerStatus.parse(given);
  const updated = await db.layer.updateMany({ where: { user: { email }, document: { title } }, data: { status } });
  if (updated.count !== 1) throw new Error(`expected one layer of ${email} on "${title}", found ${updated.count}`);
}

runScript(main);
