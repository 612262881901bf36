/**
 * First-start setup of the embedded default: demo users (passwords generated
 * once, kept in data/demo-logins.json, git-ignored) and the seed corpus.
 *
 * Memberships are made once, when the seed project is created: the demo
 * users join it, and nobody else. Demo users join no other project, and a
 * later start never adds or removes a member (users an admin made for one
 * project stay out of the seed project).
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createHash, randomBytes } from "node:crypto";
import { databaseUrl, DEFAULT_DATABASE_URL } from "@/lib/db/url";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { seedCorpus } from "./seed-corpus";
import { seedEntities } from "./seed-entities";
import { setOverlap } from "@/lib/assignments/set-overlap";
import { assignDocuments } from "@/lib/assignments/assign-documents";
import type { Role } from "@/lib/domain/enums";

/** One logins file per database, so SQLite and PostgreSQL demos do not mix their passwords. */
function loginsFile(): string {
  const url = databaseUrl();
  return url === DEFAULT_DATABASE_URL ? "data/demo-logins.json" : `data/demo-logins-${createHash("sha256").update(url).digest("hex").slice(0, 8)}.json`;
}

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@marginalia.local", name: "Ada Admin", role: "ADMIN" },
  { email: "reviewer@marginalia.local", name: "Rui Reviewer", role: "REVIEWER" },
  { email: "annotator1@marginalia.local", name: "Ana Annotator", role: "ANNOTATOR" },
  { email: "annotator2@marginalia.local", name: "Bo Annotator", role: "ANNOTATOR" },
];

type Login = { email: string; password: string; role: Role };

function loadLogins(file: string): Login[] {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Login[]) : [];
}

export async function seedDemo() {
  const file = loginsFile();
  const logins = loadLogins(file);
  for (const u of DEMO_USERS) {
    if (await db.user.findUnique({ where: { email: u.email } })) continue;
    const password = randomBytes(9).toString("base64url");
    await createUser({ ...u, password, projectIds: [] });
    logins.push({ email: u.email, password, role: u.role });
  }
  mkdirSync("data", { recursive: true });
  writeFileSync(file, JSON.stringify(logins, null, 2) + "\n", { mode: 0o600 });
  const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS[0].email } });
  const demoIds = (await db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, select: { id: true } })).map((u) => u.id);
  const corpus = await seedCorpus({ actor: { id: admin.id, email: admin.email, name: admin.name, role: "ADMIN" }, members: demoIds });
  await seedEntities({ actor: { id: admin.id, email: admin.email, name: admin.name, role: "ADMIN" }, projectId: corpus.project.id });
  // First start: two annotators per document, the seats dealt out, so the demo
  // annotators' "Next document" and the review flow work at once.
  let assigned = 0;
  if (corpus.created > 0) {
    const actor = { id: admin.id, email: admin.email, name: admin.name, role: "ADMIN" as const };
    await setOverlap({ actor, projectId: corpus.project.id, annotatorsPerDocument: 2 });
    assigned = (await assignDocuments({ actor, projectId: corpus.project.id })).filled;
  }
  return { logins, corpus, loginsFile: file, assigned };
}
