import { DEFAULT_LABELS } from "@/lib/projects/default-labels";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeDocument, makeUser, unique } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { createProject } from "@/lib/projects/create-project";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { setUserActive } from "@/lib/users/set-user-active";
import * as labels from "@/app/api/v1/projects/[id]/labels/route";
import * as label from "@/app/api/v1/labels/[id]/route";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, reviewer: Ctx, annotator: Ctx;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  reviewer = await makeUser("REVIEWER");
  annotator = await makeUser("ANNOTATOR");
});

const list = (token: string, projectId: string) => call(labels.GET, { path: `/api/v1/projects/${projectId}/labels`, token, params: { id: projectId } });
const post = (token: string, projectId: string, body: unknown) =>
  call(labels.POST, { method: "POST", path: `/api/v1/projects/${projectId}/labels`, token, params: { id: projectId }, body });
const patch = (token: string, labelId: string, body: unknown) =>
  call(label.PATCH, { method: "PATCH", path: `/api/v1/labels/${labelId}`, token, params: { id: labelId }, body });
const newProject = (addAllUsers = true) => createProject({ actor: admin.actor, input: { name: unique("Api project"), addAllUsers } });

describe(`labels REST API on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("lists a project's schema for its members, by id or slug; 401 without a token, 404 for non-members", async () => {
    const p = await newProject();
    const byId = await list(annotator.token, p.id);
    expect(byId.status).toBe(200);
    const names = (byId.json.items as { name: string; hotkey: string; archived: boolean; spans: number }[]).map((l) => `${l.hotkey}:${l.name}`);
    expect(names.slice(0, 3)).toEqual(["1:PERSON", "2:ORG", "3:GPE"]);
    expect((await list(annotator.token, p.slug)).json.items).toEqual(byId.json.items);
    expect((await list("mrg_not-a-token", p.id)).status).toBe(401);
    const hidden = await newProject(false);
    const res = await list(reviewer.token, hidden.id);
    expect(res.status).toBe(404);
    expect(res.json.error?.code).toBe("NOT_FOUND");
    expect((await list(admin.token, "no-such-project")).status).toBe(404);
  });

  it("adds labels for admins: 201, 409 on duplicate name or hotkey, 400 on a bad colour, 403 for others", async () => {
    const p = await newProject();
    const created = await post(admin.token, p.id, { name: "WEAPON", color: "#AA3300", description: "Arms" });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "WEAPON", color: "#aa3300", hotkey: null, kind: "ENTITY", archived: false, projectId: p.id });
    const dupName = await post(admin.token, p.slug, { name: "weapon" });
    expect(dupName.status).toBe(409);
    expect(dupName.json.error?.message).toMatch(/WEAPON/);
    const dupKey = await post(admin.token, p.id, { name: "VEHICLE", hotkey: 2 });
    expect(dupKey.status).toBe(409);
    expect(dupKey.json.error?.message).toMatch(/Hotkey 2 is already used by ORG/);
    const badColour = await post(admin.token, p.id, { name: "VEHICLE", color: "blue" });
    expect(badColour.status).toBe(400);
    expect(badColour.json.error?.message).toMatch(/color: Colours are #rrggbb/);
    expect((await post(admin.token, p.id, { name: "VEHICLE", extra: 1 })).status).toBe(400);
    expect((await post(reviewer.token, p.id, { name: "VEHICLE" })).status).toBe(403);
    expect((await post(annotator.token, p.id, { name: "VEHICLE" })).json.error?.code).toBe("FORBIDDEN");
    expect((await post(admin.token, "missing", { name: "VEHICLE" })).status).toBe(404);
    const wrongType = await call(labels.POST, {
      method: "POST",
      path: `/api/v1/projects/${p.id}/labels`,
      token: admin.token,
      params: { id: p.id },
      body: "name=X",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(wrongType.status).toBe(415);
    expect(await db.label.count({ where: { projectId: p.id } })).toBe(DEFAULT_LABELS.length + 1);
  });

  it("patches labels: fields, archive, 409 on clashes, 422 on the kind of a used label, 403, 404, 400", async () => {
    const p = await newProject();
    const doc = await makeDocument(admin.actor, { project: p.slug });
    await createAnnotation({ actor: annotator.actor, documentId: doc.id, input: { start: 0, end: 6, label: "PERSON" } });
    const byName = async (name: string) => db.label.findFirstOrThrow({ where: { projectId: p.id, name } });
    const date = await byName("DATE");
    const ok = await patch(admin.token, date.id, { color: "#123abc", hotkey: null, description: "When" });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ id: date.id, color: "#123abc", hotkey: null, description: "When" });
    const person = await byName("PERSON");
    const kind = await patch(admin.token, person.id, { kind: "QUOTE" });
    expect(kind.status).toBe(422);
    expect(kind.json.error?.message).toMatch(/archive it and add a new label/);
    expect((await patch(admin.token, person.id, { hotkey: "2" })).status).toBe(409);
    expect((await patch(admin.token, person.id, { name: "Org" })).status).toBe(409);
    expect((await patch(admin.token, person.id, { color: "#12" })).status).toBe(400);
    expect((await patch(admin.token, person.id, {})).status).toBe(400);
    expect((await patch(reviewer.token, person.id, { color: "#000000" })).status).toBe(403);
    expect((await patch(admin.token, "missing", { color: "#000000" })).status).toBe(404);
    const archived = await patch(admin.token, person.id, { archived: true });
    expect(archived.json).toMatchObject({ archived: true, hotkey: "1" });
    const schema = (await list(annotator.token, p.id)).json.items as { name: string; archived: boolean; spans: number }[];
    expect(schema.at(-1)).toMatchObject({ name: "PERSON", archived: true, spans: 1 });
  });

  it("deletes a label no span uses (204, audited), refuses one in use (409, kept) and anyone but admins (403)", async () => {
    const p = await newProject();
    const doc = await makeDocument(admin.actor, { project: p.slug });
    await createAnnotation({ actor: annotator.actor, documentId: doc.id, input: { start: 0, end: 6, label: "PERSON" } });
    const byName = async (name: string) => db.label.findFirstOrThrow({ where: { projectId: p.id, name } });
    const del = (token: string, labelId: string) => call(label.DELETE, { method: "DELETE", path: `/api/v1/labels/${labelId}`, token, params: { id: labelId } });
    const [cue, person] = [await byName("CUE"), await byName("PERSON")];
    expect((await del(reviewer.token, cue.id)).status).toBe(403);
    const used = await del(admin.token, person.id);
    expect(used.status).toBe(409);
    expect(used.json.error?.message).toMatch(/used by 1 span; archive it instead/);
    expect(await db.label.findUnique({ where: { id: person.id } })).not.toBeNull();
    expect((await del(admin.token, cue.id)).status).toBe(204);
    expect(await db.label.findUnique({ where: { id: cue.id } })).toBeNull();
    expect(await db.auditEvent.findFirst({ where: { subject: "LABEL", subjectId: cue.id, action: "DELETE" } })).toMatchObject({
      before: expect.objectContaining({ name: "CUE" }),
    });
    expect((await del(admin.token, cue.id)).status).toBe(404);
  });

  it("refuses a deactivated admin's token at once", async () => {
    const other = await makeUser("ADMIN");
    const p = await newProject();
    expect((await post(other.token, p.id, { name: "FIRST" })).status).toBe(201);
    await setUserActive({ actor: admin.actor, userId: other.user.id, active: false });
    const res = await post(other.token, p.id, { name: "SECOND" });
    expect(res.status).toBe(401);
    expect((await list(other.token, p.id)).status).toBe(401);
  });
  it("holds every name to one rule: invisible and direction characters, commas and lookalikes are refused", async () => {
    const p = await newProject();
    for (const name of ["PERSON\u200b", "PER\u202eNOS", "A,B", "TAB\tNAME"]) {
      const res = await post(admin.token, p.id, { name });
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect(res.json.error?.code).toBe("INVALID_INPUT");
    }
    const lookalike = await post(admin.token, p.id, { name: "\u0420\u0415RSON" });
    expect(lookalike.status).toBe(409);
    expect(lookalike.json.error?.message).toContain('looks the same as the label "PERSON"');
    const org = (await list(admin.token, p.id)).json.items as { id: string; name: string }[];
    const renamed = await patch(admin.token, org.find((l) => l.name === "ORG")!.id, { name: "PERS\u041eN" });
    expect(renamed.status).toBe(409);
    expect(await db.label.count({ where: { projectId: p.id } })).toBe(DEFAULT_LABELS.length);
  });
});
