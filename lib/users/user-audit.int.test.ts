import { beforeAll, describe, expect, it } from "vitest";
import { makeProject, makeUser, unique } from "@/lib/testing/factories";
import { addUser } from "./add-user";
import { changeUserRole } from "./change-user-role";
import { setUserActive } from "./set-user-active";
import { resetPassword } from "./reset-password";
import { listUserAudit } from "./user-audit";
import { addMember, removeMember } from "@/lib/projects/members";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, reviewer: Ctx;
beforeAll(async () => {
  admin = await makeUser("ADMIN");
  reviewer = await makeUser("REVIEWER");
});

describe(`user-level admin changes are audited, on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("records creation, role, deactivation, reactivation, password reset and membership with actor, time, before and after", async () => {
    const p = await makeProject();
    const t0 = Date.now() - 1000;
    const { user } = await addUser({ actor: admin.actor, input: { name: "Audited", email: `${unique("aud")}@test.local`, role: "ANNOTATOR", projectIds: [] } });
    await changeUserRole({ actor: admin.actor, userId: user.id, role: "REVIEWER" });
    await changeUserRole({ actor: admin.actor, userId: user.id, role: "REVIEWER" }); // no change, no record
    await setUserActive({ actor: admin.actor, userId: user.id, active: false });
    await setUserActive({ actor: admin.actor, userId: user.id, active: true });
    await resetPassword({ actor: admin.actor, userId: user.id });
    await addMember({ actor: admin.actor, projectId: p.id, member: { userId: user.id } });
    await removeMember({ actor: admin.actor, projectId: p.id, userId: user.id });

    const entries = (await listUserAudit({ actor: admin.actor, query: { userId: user.id } })).reverse();
    expect(entries.map((e) => [e.action, e.before, e.after])).toEqual([
      ["CREATE", null, { email: user.email, name: "Audited", role: "ANNOTATOR", projects: [] }],
      ["ROLE", { role: "ANNOTATOR" }, { role: "REVIEWER" }],
      ["DEACTIVATE", { active: true }, { active: false }],
      ["REACTIVATE", { active: false }, { active: true }],
      ["PASSWORD_RESET", null, { sessionsEnded: true, tokensRevoked: 0 }],
      ["MEMBER_ADD", null, { project: { id: p.id, name: p.name } }],
      ["MEMBER_REMOVE", { project: { id: p.id, name: p.name } }, null],
    ]);
    for (const e of entries) {
      expect(e.actor.id).toBe(admin.user.id);
      expect(e.user.id).toBe(user.id);
      expect(e.createdAt.getTime()).toBeGreaterThanOrEqual(t0);
    }
    // the admin page's list: newest first, across users
    const latest = await listUserAudit({ actor: admin.actor, query: { limit: 3 } });
    expect(latest.map((e) => e.action)).toEqual(["MEMBER_REMOVE", "MEMBER_ADD", "PASSWORD_RESET"]);
  });

  it("a refused change leaves no record, and only admins read the history", async () => {
    const u = await makeUser("ANNOTATOR");
    await expect(changeUserRole({ actor: reviewer.actor, userId: u.user.id, role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setUserActive({ actor: admin.actor, userId: admin.user.id, active: false })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await listUserAudit({ actor: admin.actor, query: { userId: u.user.id } })).toEqual([]);
    expect(await listUserAudit({ actor: admin.actor, query: { userId: admin.user.id } })).toEqual([]);
    await expect(listUserAudit({ actor: reviewer.actor })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
