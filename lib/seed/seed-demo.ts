/**
 * First-start setup of the embedded default: demo users (passwords generated
 * once, kept in data/demo-logins.json, git-ignored) and the seed corpus.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { seedCorpus } from "./seed-corpus";
import type { Role } from "@/lib/domain/enums";

const LOGINS_FILE = "data/demo-logins.json";

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@marginalia.local", name: "Ada Admin", role: "ADMIN" },
  { email: "reviewer@marginalia.local", name: "Rui Reviewer", role: "REVIEWER" },
  { email: "annotator1@marginalia.local", name: "Ana Annotator", role: "ANNOTATOR" },
  { email: "annotator2@marginalia.local", name: "Bo Annotator", role: "ANNOTATOR" },
];

type Login = { email: string; password: string; role: Role };

function loadLogins(): Login[] {
  return existsSync(LOGINS_FILE) ? (JSON.parse(readFileSync(LOGINS_FILE, "utf8")) as Login[]) : [];
}

export async function seedDemo() {
  const logins = loadLogins();
  for (const u of DEMO_USERS) {
    if (await db.user.findUnique({ where: { email: u.email } })) continue;
    const password = randomBytes(9).toString("base64url");
    await createUser({ ...u, password });
    logins.push({ email: u.email, password, role: u.role });
  }
  mkdirSync("data", { recursive: true });
  writeFileSync(LOGINS_FILE, JSON.stringify(logins, null, 2) + "\n", { mode: 0o600 });
  const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS[0].email } });
  const corpus = await seedCorpus({ actor: { id: admin.id, email: admin.email, name: admin.name, role: "ADMIN" } });
  // Users created before the project existed join it now.
  const users = await db.user.findMany({ select: { id: true } });
  for (const u of users) {
    await db.projectMember.upsert({
      where: { projectId_userId: { projectId: corpus.project.id, userId: u.id } },
      create: { projectId: corpus.project.id, userId: u.id },
      update: {},
    });
  }
  return { logins, corpus };
}
