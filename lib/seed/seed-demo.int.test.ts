import { afterAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { db } from "@/lib/db";
import { makeProject, makeUser } from "@/lib/testing/factories";
import { addUser } from "@/lib/users/add-user";
import { DEMO_USERS, seedDemo } from "./seed-demo";

let loginsFile: string | undefined;
afterAll(() => {
  if (loginsFile) rmSync(loginsFile, { force: true });
});

const snapshotMembers = async () =>
  (await db.projectMember.findMany({ select: { projectId: true, userId: true }, orderBy: [{ projectId: "asc" }, { userId: "asc" }] })).map(
    (m) => `${m.projectId}/${m.userId}`,
  );

describe(`npm start's seeding, on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("creates demo users and the seed project once; later starts never touch memberships", async () => {
    const before = await makeProject(); // a project that exists before the first start
    const first = await seedDemo();
    loginsFile = first.loginsFile;
    const seedProject = first.corpus.project;
    const demoIds = (await db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, select: { id: true } })).map((u) => u.id);
    expect(demoIds).toHaveLength(DEMO_USERS.length);
    // The seed project's members are the demo users, nobody else; demo users joined no other project.
    const seedMembers = await db.projectMember.findMany({ where: { projectId: seedProject.id }, select: { userId: true } });
    expect(seedMembers.map((m) => m.userId).sort()).toEqual([...demoIds].sort());
    expect(await db.projectMember.count({ where: { projectId: before.id, userId: { in: demoIds } } })).toBe(0);

    // An admin makes a user for project B only, and removes a demo annotator from the seed project.
    const admin = await makeUser("ADMIN");
    const b = await makeProject();
    const onlyB = await addUser({
      actor: admin.actor,
      input: { name: "B only", email: `b-only-${Date.now()}@test.local`, role: "ANNOTATOR", projectIds: [b.id] },
    });
    const annotator2 = await db.user.findUniqueOrThrow({ where: { email: "annotator2@marginalia.local" } });
    await db.projectMember.delete({ where: { projectId_userId: { projectId: seedProject.id, userId: annotator2.id } } });

    const members = await snapshotMembers();
    const users = await db.user.count();
    const audit = await db.auditEvent.count();
    const second = await seedDemo();
    const third = await seedDemo();
    expect(second.corpus.created + third.corpus.created).toBe(0);
    expect(await snapshotMembers()).toEqual(members);
    expect(await db.user.count()).toBe(users);
    expect(await db.auditEvent.count()).toBe(audit);
    expect(await db.projectMember.count({ where: { projectId: seedProject.id, userId: onlyB.user.id } })).toBe(0);
    expect(third.logins.map((l) => l.email)).toEqual(DEMO_USERS.map((u) => u.email));
  }, 120_000);
});
