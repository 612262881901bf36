import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser, makeProject, makeDocument } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import * as queueNext from "@/app/api/v1/queue/next/route";
import * as assignments from "@/app/api/v1/projects/[id]/assignments/route";

describe(`assignments REST API on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("runs balanced assignment for admins, lists seats paginated, and serves each annotator's next document", async () => {
    const admin = await makeUser("ADMIN");
    const ann = await makeUser("ANNOTATOR");
    const reviewer = await makeUser("REVIEWER");
    const project = await makeProject();
    const members = [admin, ann, reviewer].map((u) => u.user.id);
    await db.projectMember.deleteMany({ where: { projectId: project.id, userId: { notIn: members } } });
    await db.projectMember.deleteMany({ where: { projectId: { not: project.id }, userId: { in: members } } });
    const docs = [];
    for (let i = 0; i < 3; i++) docs.push(await makeDocument(admin.actor, { project: project.slug }));
    const path = `/api/v1/projects/${project.id}/assignments`;
    const params = { id: project.id };

    const refused = await call(assignments.POST, { method: "POST", path, token: ann.token, params, body: {} });
    expect(refused.status).toBe(403);
    const ran = await call(assignments.POST, { method: "POST", path, token: admin.token, params });
    expect(ran.status).toBe(200);
    expect(ran.json).toMatchObject({ filled: 3, openSeats: 0, seatsPerDocument: 1, eligibleAnnotators: 1 });
    const invalid = await call(assignments.POST, { method: "POST", path, token: admin.token, params, body: { annotatorIds: "everyone" } });
    expect(invalid.status).toBe(400);

    const first = await call(assignments.GET, { path: `${path}?limit=2`, token: reviewer.token, params });
    expect(first.status).toBe(200);
    const items = first.json.items as { id: string; seats: { seat: number; holder: { name: string; status: string } | null }[] }[];
    expect(items.map((d) => d.id)).toEqual([docs[0].id, docs[1].id]);
    expect(items[0].seats).toEqual([{ seat: 0, holder: expect.objectContaining({ name: ann.user.name, status: "NOT_STARTED", unassignable: true }) }]);
    const second = await call(assignments.GET, { path: `${path}?limit=2&cursor=${first.json.nextCursor}`, token: reviewer.token, params });
    expect((second.json.items as { id: string }[]).map((d) => d.id)).toEqual([docs[2].id]);
    expect(second.json.nextCursor).toBeNull();
    expect((await call(assignments.GET, { path, token: ann.token, params })).status).toBe(403);
    const stranger = await makeUser("REVIEWER");
    await db.projectMember.deleteMany({ where: { projectId: project.id, userId: stranger.user.id } });
    expect((await call(assignments.GET, { path, token: stranger.token, params })).status).toBe(404);

    const next = await call(queueNext.POST, { method: "POST", path: "/api/v1/queue/next", token: ann.token });
    expect(next.status).toBe(200);
    expect(next.json).toMatchObject({ documentId: docs[0].id, claimed: false });
    await db.layer.updateMany({ where: { userId: ann.user.id }, data: { status: "SUBMITTED" } });
    const none = await call(queueNext.POST, { method: "POST", path: "/api/v1/queue/next", token: ann.token, body: { projectId: project.id } });
    expect(none.status).toBe(404);
    expect(none.json).toEqual({ error: { code: "NOT_FOUND", message: "Nothing left in your queue" } });
  });
});
