import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeProject, makeUser, TEST_PASSWORD, unique } from "@/lib/testing/factories";
import { createUser } from "@/lib/users/create-user";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { Role } from "@/lib/domain/enums";
import { call } from "@/lib/testing/http";
import * as projects from "@/app/api/v1/projects/route";
import * as project from "@/app/api/v1/projects/[id]/route";
import * as members from "@/app/api/v1/projects/[id]/members/route";
import * as member from "@/app/api/v1/projects/[id]/members/[userId]/route";
import * as users from "@/app/api/v1/users/route";
import * as user from "@/app/api/v1/users/[id]/route";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, reviewer: Ctx, annotator: Ctx;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  reviewer = await makeUser("REVIEWER");
  annotator = await makeUser("ANNOTATOR");
});

/** A user of no project (makeUser joins every project there is). */
async function loner(role: Role) {
  const user = await createUser({ email: `${unique("loner")}@test.local`, name: unique("Loner"), role, password: TEST_PASSWORD, projectIds: [] });
  return { user, token: (await createApiToken({ userId: user.id, name: "test" })).token };
}

type Page<T> = { items: T[]; nextCursor: string | null };
type ProjectRow = { id: string; slug: string; name: string };
type MemberRow = { id: string; name: string; email: string; role: string };
type UserRow = { id: string; email: string; role: string; active: boolean };

const json = <P = Record<string, never>>(token: string, method: string, path: string, body: unknown, params?: P) => ({ method, path, token, body, params });
/** Every item of a list endpoint, following nextCursor (other test files share the database, so lists are long). */
async function everyItem<T, P = Record<string, never>>(
  handler: (req: Request, ctx: { params: Promise<P> }) => Promise<Response>,
  token: string,
  path: string,
  params?: P,
): Promise<T[]> {
  const items: T[] = [];
  for (let cursor: string | null = null; ;) {
    const sep = path.includes("?") ? "&" : "?";
    const res = await call(handler, { path: `${path}${cursor ? `${sep}cursor=${cursor}` : ""}`, token, params });
    expect(res.status, path).toBe(200);
    const page = res.json as unknown as Page<T>;
    items.push(...page.items);
    if (!(cursor = page.nextCursor)) return items;
  }
}

const patchUser = (token: string, id: string, body: unknown) => call(user.PATCH, json(token, "PATCH", `/api/v1/users/${id}`, body, { id }));

describe(`REST API v1: projects and users on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("lets an admin create a project, read it by id or slug, change its settings, and refuses others", async () => {
    const name = unique("Rest Project");
    const created = await call(projects.POST, json(admin.token, "POST", "/api/v1/projects", { name, addAllUsers: false }));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name, slug: name.toLowerCase().replace(/ /g, "-"), blindReview: false, showOtherLayers: false });
    const id = String(created.json.id);
    expect(await db.label.count({ where: { projectId: id } })).toBeGreaterThan(0); // the default schema
    expect(await db.projectMember.findMany({ where: { projectId: id }, select: { userId: true } })).toEqual([{ userId: admin.user.id }]);

    const taken = await call(projects.POST, json(admin.token, "POST", "/api/v1/projects", { name, slug: created.json.slug }));
    expect(taken.status).toBe(409);
    for (const who of [reviewer, annotator]) {
      const refused = await call(projects.POST, json(who.token, "POST", "/api/v1/projects", { name: unique("Nope") }));
      expect(refused.status).toBe(403);
      expect(refused.json.error?.code).toBe("FORBIDDEN");
    }
    expect((await call(projects.POST, json(admin.token, "POST", "/api/v1/projects", { name: "" }))).status).toBe(400);

    const bySlug = await call(project.GET, { path: `/api/v1/projects/${created.json.slug}`, token: admin.token, params: { id: String(created.json.slug) } });
    expect(bySlug.status).toBe(200);
    expect(bySlug.json.id).toBe(id);
    // a reviewer who is not a member does not learn it exists; annotators never read settings
    expect((await call(project.GET, { path: `/api/v1/projects/${id}`, token: reviewer.token, params: { id } })).status).toBe(404);
    expect((await call(project.GET, { path: `/api/v1/projects/${id}`, token: annotator.token, params: { id } })).status).toBe(403);

    const changed = await call(
      project.PATCH,
      json(admin.token, "PATCH", `/api/v1/projects/${id}`, { guidelines: "Tag people.", blindReview: true, expectedUpdatedAt: bySlug.json.updatedAt }, { id }),
    );
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ id, guidelines: "Tag people.", blindReview: true });
    const audit = await db.auditEvent.findFirst({ where: { projectId: id, subject: "PROJECT", action: "UPDATE" } });
    expect(audit?.after).toMatchObject({ guidelines: "Tag people.", blindReview: true });
    // the same expectedUpdatedAt again is stale now
    const stale = await call(
      project.PATCH,
      json(admin.token, "PATCH", `/api/v1/projects/${id}`, { name: "x", expectedUpdatedAt: bySlug.json.updatedAt }, { id }),
    );
    expect(stale.status).toBe(409);
    expect((await call(project.PATCH, json(admin.token, "PATCH", `/api/v1/projects/${id}`, { color: "red" }, { id }))).status).toBe(400);
    expect((await call(project.PATCH, json(reviewer.token, "PATCH", `/api/v1/projects/${id}`, { name: "x" }, { id }))).status).toBe(403);
  });

  it("lists the projects each caller may see, paginated in the one list shape", async () => {
    const mine = await makeProject(); // every existing user joins
    const reviewerOfNone = await loner("REVIEWER");
    const first = await call(projects.GET, { path: "/api/v1/projects?limit=1", token: admin.token });
    expect(first.status).toBe(200);
    const page = first.json as unknown as Page<ProjectRow>;
    expect(page.items).toHaveLength(1);
    expect(typeof page.nextCursor).toBe("string");
    const all = await everyItem<ProjectRow>(projects.GET, admin.token, "/api/v1/projects?limit=100");
    expect(all.map((p) => p.id)).toContain(mine.id);
    expect(all).toHaveLength(await db.project.count());

    const reviewers = await everyItem<ProjectRow>(projects.GET, reviewer.token, "/api/v1/projects?limit=100");
    expect(reviewers.map((p) => p.id)).toContain(mine.id);
    expect(reviewers).toHaveLength(await db.project.count({ where: { members: { some: { userId: reviewer.user.id } } } }));
    const none = await call(projects.GET, { path: "/api/v1/projects", token: reviewerOfNone.token });
    expect(none.json).toEqual({ items: [], nextCursor: null });
    expect((await call(projects.GET, { path: "/api/v1/projects", token: annotator.token })).status).toBe(403);
  });

  it("lists, adds and removes members (admins), hides the list from annotators and from reviewers under blind review", async () => {
    const p = await makeProject(); // admin, reviewer and annotator are members
    const newcomer = await loner("ANNOTATOR");
    const path = `/api/v1/projects/${p.slug}/members`;
    const list = async (token: string, query = "") => call(members.GET, { path: `${path}${query}`, token, params: { id: p.slug } });

    const before = await list(admin.token, "?limit=1");
    expect(before.status).toBe(200);
    const names = (await everyItem<MemberRow, { id: string }>(members.GET, admin.token, `${path}?limit=200`, { id: p.slug })).map((m) => m.id);
    expect(names).toEqual(expect.arrayContaining([admin.user.id, reviewer.user.id, annotator.user.id]));
    expect(names).not.toContain(newcomer.user.id);
    expect(before.json.total).toBe(names.length);
    const paged = before;
    expect((paged.json as unknown as Page<MemberRow>).items).toHaveLength(1);
    expect(paged.json.nextCursor).toBe("1");
    const second = await list(admin.token, `?limit=1&cursor=${String(paged.json.nextCursor)}`);
    expect((second.json as unknown as Page<MemberRow>).items[0].id).toBe(names[1]);
    expect((await list(admin.token, "?cursor=abc")).status).toBe(400);

    expect((await list(reviewer.token)).status).toBe(200);
    expect((await list(annotator.token)).status).toBe(403);

    const add = (token: string, body: unknown) => call(members.POST, json(token, "POST", path, body, { id: p.slug }));
    expect((await add(reviewer.token, { userId: newcomer.user.id })).status).toBe(403);
    expect((await add(annotator.token, { userId: newcomer.user.id })).status).toBe(403);
    const added = await add(admin.token, { userId: newcomer.user.id });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ userId: newcomer.user.id, email: newcomer.user.email });
    expect((await add(admin.token, { userId: newcomer.user.id })).status).toBe(409);
    expect((await add(admin.token, { userId: "no-such-user" })).status).toBe(404);
    expect((await add(admin.token, { userId: newcomer.user.id, extra: 1 })).status).toBe(400);
    expect(await db.userAuditEvent.count({ where: { userId: newcomer.user.id, action: "MEMBER_ADD", actorId: admin.user.id } })).toBe(1);

    const remove = (token: string, userId: string) =>
      call(member.DELETE, { method: "DELETE", path: `${path}/${userId}`, token, params: { id: p.slug, userId } });
    expect((await remove(reviewer.token, newcomer.user.id)).status).toBe(403);
    const removed = await remove(admin.token, newcomer.user.id);
    expect(removed.status).toBe(204);
    expect(removed.text).toBe("");
    expect(await db.projectMember.count({ where: { projectId: p.id, userId: newcomer.user.id } })).toBe(0);
    expect(await db.userAuditEvent.count({ where: { userId: newcomer.user.id, action: "MEMBER_REMOVE" } })).toBe(1);
    expect((await remove(admin.token, newcomer.user.id)).status).toBe(404);

    // blind review: a reviewer would learn who the annotators are
    await db.project.update({ where: { id: p.id }, data: { blindReview: true } });
    const blind = await list(reviewer.token);
    expect(blind.status).toBe(403);
    expect(blind.json.error?.message).toContain("blind review");
    expect((await list(admin.token)).status).toBe(200);
  });

  it("lets admins list and create users; reviewers and annotators never get a user list", async () => {
    const email = `${unique("rest")}@test.local`;
    const created = await call(users.POST, json(admin.token, "POST", "/api/v1/users", { email, name: "Rest User", role: "annotator", projectIds: [] }));
    expect(created.status).toBe(201);
    const made = created.json as { user: UserRow; temporaryPassword: string };
    expect(made.user).toMatchObject({ email, role: "ANNOTATOR" });
    expect(made.temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(await db.userAuditEvent.count({ where: { userId: made.user.id, action: "CREATE", actorId: admin.user.id } })).toBe(1);
    expect((await call(users.POST, json(admin.token, "POST", "/api/v1/users", { email, name: "Again", role: "ANNOTATOR" }))).status).toBe(409);
    expect((await call(users.POST, json(admin.token, "POST", "/api/v1/users", { email: "nope", name: "x", role: "ANNOTATOR" }))).status).toBe(400);

    const listed = await call(users.GET, { path: "/api/v1/users?limit=1", token: admin.token });
    expect(listed.status).toBe(200);
    expect((listed.json as unknown as Page<UserRow>).items.map((u) => u.id)).toEqual([made.user.id]); // newest first
    expect(typeof listed.json.nextCursor).toBe("string");
    const next = await call(users.GET, { path: `/api/v1/users?limit=1&cursor=${String(listed.json.nextCursor)}`, token: admin.token });
    expect((next.json as unknown as Page<UserRow>).items[0].id).not.toBe(made.user.id);

    for (const who of [reviewer, annotator]) {
      const refused = await call(users.GET, { path: "/api/v1/users", token: who.token });
      expect(refused.status).toBe(403);
      expect(refused.json).not.toHaveProperty("items");
      expect((await call(users.POST, json(who.token, "POST", "/api/v1/users", { email: `${unique("x")}@test.local`, name: "x", role: "ADMIN" }))).status).toBe(
        403,
      );
    }
    expect(await db.user.count({ where: { name: "x" } })).toBe(0);
  });

  it("changes role and active flag through the admin operations: sessions end, each change audited, self-lockout refused", async () => {
    const target = await makeUser("ANNOTATOR");
    const version = async () => (await db.user.findUniqueOrThrow({ where: { id: target.user.id } })).sessionVersion;
    const v0 = await version();

    const role = await patchUser(admin.token, target.user.id, { role: "reviewer" });
    expect(role.status).toBe(200);
    expect(role.json).toMatchObject({ id: target.user.id, role: "REVIEWER", active: true });
    expect(await version()).toBe(v0 + 1);

    const off = await patchUser(admin.token, target.user.id, { active: false });
    expect(off.json).toMatchObject({ role: "REVIEWER", active: false });
    expect(await version()).toBe(v0 + 2);
    // a deactivated user's token stops working at once
    expect((await call(projects.GET, { path: "/api/v1/projects", token: target.token })).status).toBe(401);

    const both = await patchUser(admin.token, target.user.id, { role: "ANNOTATOR", active: true });
    expect(both.json).toMatchObject({ role: "ANNOTATOR", active: true });
    const unchanged = await patchUser(admin.token, target.user.id, { active: true });
    expect(unchanged.status).toBe(200);

    // one row per change (none for the change that changed nothing), in the user history the Users page writes
    const audit = await db.userAuditEvent.findMany({ where: { userId: target.user.id } });
    const rows = audit.map((e) => [e.actorId, e.action, e.before, e.after]);
    expect(rows).toHaveLength(4);
    expect(rows).toEqual(
      expect.arrayContaining([
        [admin.user.id, "ROLE", { role: "ANNOTATOR" }, { role: "REVIEWER" }],
        [admin.user.id, "DEACTIVATE", { active: true }, { active: false }],
        [admin.user.id, "ROLE", { role: "REVIEWER" }, { role: "ANNOTATOR" }],
        [admin.user.id, "REACTIVATE", { active: false }, { active: true }],
      ]),
    );

    expect((await patchUser(admin.token, target.user.id, {})).status).toBe(400);
    expect((await patchUser(admin.token, target.user.id, { role: "OWNER" })).status).toBe(400);
    expect((await patchUser(admin.token, target.user.id, { name: "x" })).status).toBe(400);
    expect((await patchUser(admin.token, "no-such-user", { active: false })).status).toBe(404);
    expect((await patchUser(admin.token, admin.user.id, { active: false })).status).toBe(409);
    expect((await patchUser(admin.token, admin.user.id, { role: "REVIEWER" })).status).toBe(409);
    for (const who of [reviewer, annotator]) expect((await patchUser(who.token, target.user.id, { active: false })).status).toBe(403);
    expect(await db.userAuditEvent.count({ where: { userId: target.user.id } })).toBe(4);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.user.id } })).active).toBe(true);
  });
});
