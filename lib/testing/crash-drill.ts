/**
 * The standing "nothing lost" drill (npm test, team step, both databases):
 * the production server on a fresh database, annotators creating,
 * relabelling and deleting spans as fast as it answers, the server SIGKILLed
 * while their saves are in flight, started again on the same database, and
 * then every acknowledged change checked straight in the database — each
 * acknowledged span present exactly once with its last acknowledged label,
 * each acknowledged delete gone, one audit row per acknowledged change —
 * and a new save accepted. The load test runs the same check at scale.
 */
import { freePort } from "@/lib/testing/free-port";
import { randomBytes } from "node:crypto";
import { ensureBuild, prepareDatabase, startServer, tempWorkspace, type BenchServer } from "@/lib/bench/server";
import { call, Cluster } from "@/lib/loadtest/client";
import { workDocument } from "@/lib/loadtest/corpus";
import { openDirectDb } from "@/lib/loadtest/direct-db";
import { Ledger, type Verdict } from "@/lib/loadtest/ledger";
import { Recorder, sleep } from "@/lib/loadtest/stats";
import { CyclingAnnotator, placeOf, type Account } from "@/lib/loadtest/users";

export type DrillResult = { acknowledgedBeforeKill: number; cutOff: number; verdict: Verdict; writeAfterRestart: number };

/** Runs the drill on `databaseUrl` (a fresh, empty database; DATABASE_URL must name it already). */
export async function crashDrill(databaseUrl: string, opts: { writers?: number; killAfterCreates?: number } = {}): Promise<DrillResult> {
  const workspace = tempWorkspace();
  const authSecret = randomBytes(16).toString("hex");
  process.env.AUTH_SECRET = authSecret; // prepareDatabase and the server derive the same ids from it
  ensureBuild(true);
  const { users, projectSlug } = await prepareDatabase(databaseUrl);
  const direct = await openDirectDb(databaseUrl);
  let server: BenchServer | null = null;
  const start = async () => (server = await startServer({ port: await freePort(), loopPort: await freePort(), databaseUrl, authSecret, log: workspace.log }));
  try {
    await start();
    const origin = server!.origin;
    const work = workDocument(7, 600);
    const { body: doc } = await call<{ id: string }>(origin, users.admin.token, "POST", "/api/v1/documents", {
      title: work.title,
      text: work.text,
      project: projectSlug,
    });
    const target = { id: doc.id, wordStarts: work.wordStarts, wordEnds: work.wordEnds };

    const idOf = async (email: string) => (await direct.all<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = ?`, [email]))[0].id;
    const writers: Account[] = [];
    for (const u of [...users.annotators, users.reviewer].slice(0, opts.writers ?? 3))
      writers.push({ id: await idOf(u.email), email: u.email, token: u.token });

    const ledger = new Ledger();
    const rec = new Recorder();
    const cluster = new Cluster([origin]);
    let killed = false;
    const loops = writers.map(async (w) => {
      const annotator = new CyclingAnnotator(w, target, cluster, ledger);
      while (!killed) await annotator.next(rec);
    });
    const enough = opts.killAfterCreates ?? 40;
    const deadline = Date.now() + 60_000;
    while (ledger.creates < enough && Date.now() < deadline) await sleep(5);
    if (ledger.creates < enough) throw new Error(`only ${ledger.creates} saves acknowledged in 60 s: ${rec.errorExamples.join("; ")}`);
    const errorsBefore = [...rec.errors.values()].reduce((a, b) => a + b, 0);
    killed = true;
    await server!.kill();
    await Promise.all(loops);
    const cutOff = [...rec.errors.values()].reduce((a, b) => a + b, 0) - errorsBefore;
    const acknowledgedBeforeKill = ledger.creates;

    await start();
    const verdict = await ledger.verify(direct, [doc.id]);
    const after = await call<{ id: string }>(server!.origin, writers[0].token, "POST", `/api/v1/documents/${doc.id}/annotations`, {
      ...placeOf(target, 5000),
      label: "ORG",
    });
    return { acknowledgedBeforeKill, cutOff, verdict, writeAfterRestart: after.status };
  } catch (err) {
    const tail = (server as BenchServer | null)?.logTail() ?? "";
    throw new Error(`${(err as Error).message}\n--- server log ---\n${tail}`);
  } finally {
    await (server as BenchServer | null)?.stop();
    await direct.close();
    workspace.remove();
  }
}
