/**
 * Team mode, end to end: two app instances (`next start`) on one fresh
 * PostgreSQL database. A change saved through instance A reaches a stream
 * open on instance B (LISTEN/NOTIFY), presence crosses instances, and the
 * visibility rule holds across them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { freePort } from "@/lib/testing/free-port";
import { join } from "node:path";
import { migrate, ensurePostgresDatabase, dropPostgresDatabase } from "@/lib/db/migrate";
import { SseReader } from "@/lib/testing/sse-reader";
import type { PresenceEvent } from "@/lib/realtime/events";

const url = process.env.DATABASE_URL ?? "";
const TEXT = "Sergey V. Lavrov 😀 met John Kerry in Baghdad.";
const cp = (needle: string) => Array.from(TEXT.slice(0, TEXT.indexOf(needle))).length; // offsets count code points

type Instance = { name: string; port: number; proc: ChildProcess; log: string[] };
type Ctx = { user: { id: string; name: string }; token: string };
const instances: Instance[] = [];
const streams: AbortController[] = [];
let dbCreated = false;
let x: Ctx, y: Ctx, reviewer: Ctx, documentId: string;

function startInstance(name: string, port: number): Instance {
  const proc = spawn(process.execPath, [join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: url, AUTH_SECRET: process.env.AUTH_SECRET, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so the whole server goes when we stop it
  });
  const log: string[] = [];
  proc.stdout?.on("data", (d: Buffer) => log.push(d.toString()));
  proc.stderr?.on("data", (d: Buffer) => log.push(d.toString()));
  return { name, port, proc, log };
}

async function waitUntilUp(i: Instance, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (i.proc.exitCode !== null) throw new Error(`instance ${i.name} exited (${i.proc.exitCode}):\n${i.log.join("")}`);
    try {
      const res = await fetch(`http://127.0.0.1:${i.port}/signin`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`instance ${i.name} did not answer within ${timeoutMs} ms:\n${i.log.join("")}`);
}

async function stopInstance(i: Instance) {
  if (i.proc.exitCode !== null || !i.proc.pid) return;
  const exited = new Promise<void>((resolve) => i.proc.once("exit", () => resolve()));
  try {
    process.kill(-i.proc.pid, "SIGTERM");
  } catch {
    return; // already gone
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-i.proc.pid!, "SIGKILL");
    } catch {
      // gone meanwhile
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

async function open(instance: Instance, who: Ctx): Promise<{ reader: SseReader; close: () => void }> {
  const ac = new AbortController();
  streams.push(ac);
  const res = await fetch(`http://127.0.0.1:${instance.port}/api/v1/documents/${documentId}/events`, {
    headers: { authorization: `Bearer ${who.token}` },
    signal: ac.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  return { reader: new SseReader(res.body!), close: () => ac.abort() };
}

async function postSpan(instance: Instance, who: Ctx, span: { start: number; end: number; label: string; text: string }) {
  const res = await fetch(`http://127.0.0.1:${instance.port}/api/v1/documents/${documentId}/annotations`, {
    method: "POST",
    headers: { authorization: `Bearer ${who.token}`, "content-type": "application/json" },
    body: JSON.stringify(span),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; version: number };
}

const viewerIds = (e: { data: PresenceEvent }) => e.data.viewers.map((v) => v.userId);

beforeAll(async () => {
  if (!url.startsWith("postgres")) throw new Error("the team project needs a PostgreSQL DATABASE_URL (see vitest.config.mts)");
  if (!existsSync(".next/BUILD_ID")) {
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  await ensurePostgresDatabase(url);
  dbCreated = true;
  await migrate(url);

  // Test data through the real domain functions (imported now that the database exists).
  const { makeUser, makeDocument } = await import("@/lib/testing/factories");
  const admin = await makeUser("ADMIN");
  [x, y, reviewer] = await Promise.all([makeUser("ANNOTATOR"), makeUser("ANNOTATOR"), makeUser("REVIEWER")]);
  documentId = (await makeDocument(admin.actor, { text: TEXT })).id; // a new project: layers hidden from other annotators

  const [portA, portB] = [await freePort(), await freePort()];
  instances.push(startInstance("A", portA), startInstance("B", portB));
  await Promise.all(instances.map((i) => waitUntilUp(i)));
});

afterAll(async () => {
  for (const s of streams) s.abort();
  await Promise.all(instances.map(stopInstance));
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  if (dbCreated) await dropPostgresDatabase(url);
});

describe("two app instances on one PostgreSQL database", () => {
  it("delivers a change saved on A to a stream on B, shares presence, and keeps other layers private", async () => {
    const [A, B] = instances;
    const { reader: xOnB } = await open(B, x);
    const hello = await xOnB.waitFor(() => true);
    expect(hello).toMatchObject({ event: "hello", data: { userId: x.user.id, documentId } });
    await xOnB.waitFor<PresenceEvent>((e) => e.event === "presence" && viewerIds(e).includes(x.user.id), 10_000, "x in presence on B");

    // Presence crosses instances: y connects to A, x's stream on B lists y (and y's on A lists x).
    const { reader: yOnA, close: leave } = await open(A, y);
    await xOnB.waitFor<PresenceEvent>((e) => e.event === "presence" && viewerIds(e).includes(y.user.id), 15_000, "y (on A) in presence streamed by B");
    await yOnA.waitFor<PresenceEvent>((e) => e.event === "presence" && viewerIds(e).includes(x.user.id), 15_000, "x (on B) in presence streamed by A");
    const { reader: reviewerOnB } = await open(B, reviewer);

    // x saves on A; B delivers it to x's other tab and to the reviewer.
    const span = { start: cp("John Kerry"), end: cp("John Kerry") + "John Kerry".length, label: "PERSON", text: "John Kerry" };
    expect(TEXT.indexOf("John Kerry")).toBe(span.start + 1); // after the emoji: one code point, two UTF-16 units
    const saved = await postSpan(A, x, span);
    const created = await xOnB.waitFor<{ annotation: { id: string } }>(
      (e) => e.event === "annotation.created" && e.data.annotation.id === saved.id,
      10_000,
      "annotation.created on B",
    );
    expect(created.data).toMatchObject({
      type: "annotation.created",
      documentId,
      layerKind: "ANNOTATOR",
      layerUserId: x.user.id,
      actorId: x.user.id,
      annotation: { id: saved.id, start: span.start, end: span.end, text: "John Kerry", label: "PERSON", version: 1 },
    });
    await reviewerOnB.waitFor<{ annotation: { id: string } }>(
      (e) => e.event === "annotation.created" && e.data.annotation.id === saved.id,
      10_000,
      "the reviewer's copy",
    );

    // y, an annotator of another layer, does not get x's event: y's own later change is the first annotation event y sees.
    const own = await postSpan(B, y, { start: 0, end: 16, label: "PERSON", text: "Sergey V. Lavrov" });
    await yOnA.waitFor<{ annotation: { id: string } }>(
      (e) => e.event === "annotation.created" && e.data.annotation.id === own.id,
      10_000,
      "y's own event on A",
    );
    expect(yOnA.events.filter((e) => e.event.startsWith("annotation.")).map((e) => (e.data as { annotation: { id: string } }).annotation.id)).toEqual([own.id]);

    // y leaves A: B's presence drops y.
    const seen = xOnB.events.length;
    leave();
    const after = await xOnB.waitFor<PresenceEvent>(
      (e) => e.event === "presence" && !viewerIds(e).includes(y.user.id),
      15_000,
      "y gone from presence on B",
      seen,
    );
    expect(viewerIds(after).sort()).toEqual([x.user.id, reviewer.user.id].sort());
  });
});
