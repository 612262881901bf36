/**
 * Test helper process: `tsx lib/testing/claim-worker.ts <projectId> <userId>...`
 * loads the users, prints "ready", waits for a line on stdin, then asks for
 * each user's next document at once and prints the results as JSON. Several
 * of these race each other from separate processes, each with its own
 * database client and connections (lib/assignments/assignments.int.test.ts).
 */
import { once } from "node:events";
import { nextDocument } from "@/lib/assignments/next-document";
import { loadActiveActor, type Actor } from "@/lib/auth/actor";
import { runScript } from "@/lib/ops/run-script";

async function main() {
  const [projectId, ...userIds] = process.argv.slice(2);
  const actors: Actor[] = [];
  for (const id of userIds) {
    const actor = await loadActiveActor(id);
    if (!actor) throw new Error(`no active user ${id}`);
    actors.push(actor);
  }
  console.log("ready");
  await once(process.stdin, "data");
  const results = await Promise.all(actors.map((actor) => nextDocument({ actor, projectId })));
  console.log(JSON.stringify(results));
}

runScript(main);
