import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeProject, makeUser, unique } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { verifyPassword } from "@/lib/auth/password";
import { loadActiveActor } from "@/lib/auth/actor";
import * as documents from "@/app/api/v1/documents/route";
import { addUser } from "./add-user";
import { listUsers } from "./list-users";
import { changeUserRole } from "./change-user-role";
import { setUserActive } from "./set-user-active";
import { resetPassword } from "./reset-password";
import { assertAnActiveAdminRemains } from "./managed-user";
import { serializable } from "@/lib/db/serializable";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, reviewer: Ctx;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  reviewer = await makeUser("REVIEWER");
});

const email = () => `${unique("new")}@test.local`;

/** Runs `fn` while the given admins are the only active ones, then restores the others. */
async function withOnlyActiveAdmins<T>(ids: string[], fn: () => Promise<T>) {
  const others = (await db.user.findMany({ where: { role: "ADMIN", active: true, id: { notIn: ids } }, select: { id: true } })).map((u) => u.id);
  await db.user.updateMany({ where: { id: { in: others } }, data: { active: false } });
  try {
    return await fn();
  } finally {
    await db.user.updateMany({ where: { id: { in: others } }, data: { active: true } });
  }
}

describe(`user administration on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("creates a user with a generated temporary password, returned once, in every project by default", async () => {
    const p = await makeProject();
    const created = await addUser({ actor: admin.actor, input: { name: "Ann Analyst", email: email(), role: "annotator" } });
    expect(created.temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const row = await db.user.findUniqueOrThrow({ where: { id: created.user.id }, include: { memberships: true } });
    expect(row.role).toBe("ANNOTATOR");
    expect(row.passwordHash).not.toContain(created.temporaryPassword!);
    expect(await verifyPassword(created.temporaryPassword!, row.passwordHash)).toBe(true);
    expect(row.memberships.length).toBe(await db.project.count());
    const audit = await db.auditEvent.findFirstOrThrow({ where: { projectId: p.id, subject: "MEMBER", subjectId: row.id } });
    expect(audit).toMatchObject({ action: "ADD", actorId: admin.user.id });
  });

  it("creates a user with a typed password in the chosen projects only", async () => {
    const [p1, p2] = [await makeProject(), await makeProject()];
    const created = await addUser({
      actor: admin.actor,
      input: { name: "Rev", email: email(), role: "REVIEWER", password: "typed-password-1", projectIds: [p2.id] },
    });
    expect(created.temporaryPassword).toBeNull();
    const row = await db.user.findUniqueOrThrow({ where: { id: created.user.id }, include: { memberships: true } });
    expect(await verifyPassword("typed-password-1", row.passwordHash)).toBe(true);
    expect(row.memberships.map((m) => m.projectId)).toEqual([p2.id]);
    expect(await db.projectMember.count({ where: { projectId: p1.id, userId: row.id } })).toBe(0);
    const none = await addUser({ actor: admin.actor, input: { name: "Loner", email: email(), role: "ANNOTATOR", projectIds: [] } });
    expect(await db.projectMember.count({ where: { userId: none.user.id } })).toBe(0);
  });

  it("refuses duplicates, bad input, unknown projects and non-admins", async () => {
    const taken = email();
    await addUser({ actor: admin.actor, input: { name: "A", email: taken, role: "ANNOTATOR" } });
    await expect(addUser({ actor: admin.actor, input: { name: "B", email: taken.toUpperCase(), role: "ANNOTATOR" } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(addUser({ actor: admin.actor, input: { name: "B", email: "not-an-email", role: "ANNOTATOR" } })).rejects.toThrow(/valid email/);
    await expect(addUser({ actor: admin.actor, input: { name: "B", email: email(), role: "OWNER" } })).rejects.toThrow(/Roles are/);
    await expect(addUser({ actor: admin.actor, input: { name: "B", email: email(), role: "ANNOTATOR", password: "short" } })).rejects.toThrow(/at least 8/);
    await expect(addUser({ actor: admin.actor, input: { name: "B", email: email(), role: "ANNOTATOR", projectIds: ["nope"] } })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
    });
    await expect(addUser({ actor: reviewer.actor, input: { name: "B", email: email(), role: "ADMIN" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists users newest first, a page at a time, for admins only", async () => {
    const a = await addUser({ actor: admin.actor, input: { name: "First", email: email(), role: "ANNOTATOR" } });
    const b = await addUser({ actor: admin.actor, input: { name: "Second", email: email(), role: "ANNOTATOR" } });
    const first = await listUsers({ actor: admin.actor, query: { limit: 1 } });
    expect(first.items.map((u) => u.id)).toEqual([b.user.id]);
    expect(first.items[0].projectCount).toBe(await db.project.count());
    expect(first.nextCursor).toBe(b.user.id);
    const second = await listUsers({ actor: admin.actor, query: { limit: 1, cursor: first.nextCursor! } });
    expect(second.items.map((u) => u.id)).toEqual([a.user.id]);
    await expect(listUsers({ actor: reviewer.actor })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("changes a role with effect on the next request; admins cannot demote themselves", async () => {
    const u = await makeUser("ANNOTATOR");
    await changeUserRole({ actor: admin.actor, userId: u.user.id, role: "reviewer" });
    expect((await loadActiveActor(u.user.id))?.role).toBe("REVIEWER");
    await expect(changeUserRole({ actor: admin.actor, userId: admin.user.id, role: "ANNOTATOR" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/yourself/),
    });
    await expect(changeUserRole({ actor: admin.actor, userId: u.user.id, role: "BOSS" })).rejects.toThrow(/Roles are/);
    await expect(changeUserRole({ actor: reviewer.actor, userId: u.user.id, role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeUserRole({ actor: admin.actor, userId: "no-such-user", role: "ADMIN" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("deactivation locks the user's API token out at once; reactivation lets them back", async () => {
    const u = await makeUser("ANNOTATOR");
    const list = () => call(documents.GET, { path: "/api/v1/documents", token: u.token });
    expect((await list()).status).toBe(200);
    const off = await setUserActive({ actor: admin.actor, userId: u.user.id, active: false });
    expect(off.active).toBe(false);
    const refused = await list();
    expect(refused.status).toBe(401);
    expect(refused.json.error?.message).toMatch(/deactivated/);
    expect(await loadActiveActor(u.user.id)).toBeNull();
    await setUserActive({ actor: admin.actor, userId: u.user.id, active: true });
    expect((await list()).status).toBe(200);
  });

  it("refuses self-deactivation and non-admins", async () => {
    await expect(setUserActive({ actor: admin.actor, userId: admin.user.id, active: false })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/yourself/),
    });
    const u = await makeUser("ANNOTATOR");
    await expect(setUserActive({ actor: reviewer.actor, userId: u.user.id, active: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: u.user.id } })).active).toBe(true);
  });

  it("keeps the last active admin: a stale admin session cannot remove the only other admin", async () => {
    const a = await makeUser("ADMIN");
    const b = await makeUser("ADMIN");
    await withOnlyActiveAdmins([a.user.id, b.user.id], async () => {
      await setUserActive({ actor: a.actor, userId: b.user.id, active: false });
      // b's actor was loaded before the deactivation landed (a request in flight)
      await expect(setUserActive({ actor: b.actor, userId: a.user.id, active: false })).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/no active admin/),
      });
      await expect(changeUserRole({ actor: b.actor, userId: a.user.id, role: "ANNOTATOR" })).rejects.toMatchObject({ code: "CONFLICT" });
      expect(await db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
    });
    await setUserActive({ actor: a.actor, userId: b.user.id, active: true });
  });

  it("keeps an active admin when two admins deactivate each other at the same moment", async () => {
    const a = await makeUser("ADMIN");
    const b = await makeUser("ADMIN");
    await withOnlyActiveAdmins([a.user.id, b.user.id], async () => {
      const results = await Promise.allSettled([
        setUserActive({ actor: a.actor, userId: b.user.id, active: false }),
        setUserActive({ actor: b.actor, userId: a.user.id, active: false }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected");
      expect(rejected?.status === "rejected" && rejected.reason).toMatchObject({ code: "CONFLICT" });
      expect(await db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
    });
    await db.user.updateMany({ where: { id: { in: [a.user.id, b.user.id] } }, data: { active: true } });
  });

  it("refuses write skew: two transactions that both read two admins and each deactivate one cannot both commit", async () => {
    const a = await makeUser("ADMIN");
    const b = await makeUser("ADMIN");
    // Both transactions read before either writes (PostgreSQL); SQLite runs one
    // transaction at a time, so the first stops waiting after a moment.
    let arrived = 0;
    const bothHaveRead = () =>
      new Promise<void>((resolve) => {
        arrived++;
        const since = Date.now();
        const poll = () => (arrived >= 2 || Date.now() - since > 300 ? resolve() : setTimeout(poll, 5));
        poll();
      });
    const deactivate = (id: string) =>
      serializable(async (tx) => {
        expect(await tx.user.count({ where: { role: "ADMIN", active: true } })).toBeGreaterThanOrEqual(1);
        await bothHaveRead();
        await tx.user.update({ where: { id }, data: { active: false } });
        await assertAnActiveAdminRemains(tx);
      });
    await withOnlyActiveAdmins([a.user.id, b.user.id], async () => {
      const results = await Promise.allSettled([deactivate(a.user.id), deactivate(b.user.id)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected");
      expect(rejected?.status === "rejected" && rejected.reason).toMatchObject({ code: "CONFLICT" });
      expect(await db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
    });
    await db.user.updateMany({ where: { id: { in: [a.user.id, b.user.id] } }, data: { active: true } });
  });

  it("resets a password to a new temporary one; the old one stops working", async () => {
    const u = await makeUser("ANNOTATOR");
    const { temporaryPassword } = await resetPassword({ actor: admin.actor, userId: u.user.id });
    const row = await db.user.findUniqueOrThrow({ where: { id: u.user.id } });
    expect(await verifyPassword(temporaryPassword, row.passwordHash)).toBe(true);
    expect(await verifyPassword("test-password-1", row.passwordHash)).toBe(false);
    await expect(resetPassword({ actor: reviewer.actor, userId: u.user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resetPassword({ actor: admin.actor, userId: "nobody" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
