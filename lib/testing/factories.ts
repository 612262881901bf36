/** Test data with unique names per test, made through the real domain functions. */
import { randomBytes } from "node:crypto";
import { createUser } from "@/lib/users/create-user";
import { createApiToken } from "@/lib/auth/api-tokens";
import { ensureProject } from "@/lib/projects/ensure-project";
import { importDocument } from "@/lib/documents/import-document";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/domain/enums";

export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

export const TEST_PASSWORD = "test-password-1";

export async function makeUser(role: Role = "ANNOTATOR") {
  const user = await createUser({ email: `${unique(role.toLowerCase())}@test.local`, name: unique("User"), role, password: TEST_PASSWORD });
  const actor: Actor = { id: user.id, email: user.email, name: user.name, role };
  const { token } = await createApiToken({ userId: user.id, name: "test" });
  return { user, actor, token };
}

export async function makeProject() {
  return ensureProject({ slug: unique("project"), name: unique("Project") });
}

export async function makeDocument(actor: Actor, opts: { text?: string; project?: string; title?: string } = {}) {
  const project = opts.project ?? (await makeProject()).slug;
  const { document } = await importDocument({
    actor,
    input: { title: opts.title ?? unique("Doc"), text: opts.text ?? `Sergey V. Lavrov met John Kerry. ${unique("x")}`, project },
  });
  return document;
}
