/** Test users and tokens, made through the real CLI against the e2e database. */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const cli = (...args: string[]) =>
  execFileSync("npx", ["tsx", "lib/cli/main.ts", ...args], { encoding: "utf8", env: process.env, stdio: ["ignore", "pipe", "pipe"] });

export type TestUser = { email: string; password: string; name: string };

/** A user of every project, or only of `opts.project` (a slug). */
export function makeUser(role: "admin" | "reviewer" | "annotator", opts: { project?: string } = {}): TestUser {
  const id = randomBytes(4).toString("hex");
  const user = { email: `${role}-${id}@e2e.local`, password: `pw-${randomBytes(8).toString("hex")}`, name: `${role[0].toUpperCase()}${role.slice(1)} ${id}` };
  cli(
    "user",
    "add",
    "--email",
    user.email,
    "--name",
    user.name,
    "--role",
    role,
    "--password",
    user.password,
    ...(opts.project ? ["--project", opts.project] : []),
  );
  return user;
}

export function makeToken(email: string): string {
  const out = cli("token", "create", "--email", email).trim().split("\n");
  return out[out.length - 1];
}

/** Sets a user's layer status on a document straight in the database (progress the test does not drive). */
export function setLayerStatus(email: string, documentTitle: string, status: "NOT_STARTED" | "IN_PROGRESS" | "SUBMITTED" | "APPROVED" | "REJECTED") {
  execFileSync("npx", ["tsx", "e2e/support/set-layer-status.ts", email, documentTitle, status], { env: process.env, stdio: ["ignore", "pipe", "pipe"] });
}

/** Imports a one-off document into a project through the CLI; returns its title. */
export function importDocument(project: string, title: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "e2e-doc-"));
  const file = join(dir, "doc.txt");
  writeFileSync(file, text);
  try {
    cli("import", file, "--project", project, "--title", title);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return title;
}
