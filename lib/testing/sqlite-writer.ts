/**
 * Test helper process: `tsx lib/testing/sqlite-writer.ts <tag> <count>` with
 * DATABASE_URL naming a SQLite file. Prints "ready", waits for a line on
 * stdin, then runs <count> transactions that each read, then write (the
 * pattern that fails under a second writer when transactions begin deferred),
 * and prints {"ok": n, "errors": [...]} (lib/db/sqlite-writers.test.ts).
 */
import { once } from "node:events";
import { db } from "@/lib/db";
import { runScript } from "@/lib/ops/run-script";

async function main() {
  const [tag, count] = process.argv.slice(2);
  await db.user.count(); // connect before the race starts
  console.log("ready");
  await once(process.stdin, "data");
  let ok = 0;
  const errors: string[] = [];
  for (let i = 0; i < Number(count); i++) {
    try {
      await db.$transaction(async (tx) => {
        const before = await tx.user.count();
        await tx.user.create({ data: { email: `writer-${tag}-${i}@test.local`, name: `${tag} ${i} after ${before}`, passwordHash: "-", role: "ANNOTATOR" } });
      });
      ok++;
    } catch (err) {
      errors.push((err as Error).message.split("\n").slice(-1)[0]);
    }
  }
  console.log(JSON.stringify({ ok, errors }));
}

runScript(main);
