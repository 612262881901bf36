import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeDocument, makeUser, unique } from "@/lib/testing/factories";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { getDocument } from "@/lib/documents/get-document";
import { listLabels } from "@/lib/projects/list-labels";
import { createProject } from "./create-project";
import { listProjects } from "./list-projects";
import { getProject } from "./get-project";
import { updateProject } from "./update-project";
import { addLabel, listSchemaLabels, moveLabel, updateLabel } from "./label-schema";
import { addMember, listMembers, listNonMembers, removeMember } from "./members";
import { DEFAULT_LABELS } from "./default-labels";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, reviewer: Ctx, annotator: Ctx;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  reviewer = await makeUser("REVIEWER");
  annotator = await makeUser("ANNOTATOR");
});

const newProject = (opts: { addAllUsers?: boolean } = {}) => createProject({ actor: admin.actor, input: { name: unique("Project"), ...opts } });
/** Every project the actor may see, page after page (other test files share the database). */
async function everyProject(actor: Ctx["actor"]) {
  const items: Awaited<ReturnType<typeof listProjects>>["items"] = [];
  for (let cursor: string | undefined; ;) {
    const page = await listProjects({ actor, query: { limit: 100, cursor } });
    items.push(...page.items);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
}
const label = (projectId: string, name: string) => db.label.findFirstOrThrow({ where: { projectId, name } });

describe(`projects on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("creates a project with the default label schema, every active user as member, and an audit event", async () => {
    const name = `Iraq & Russia ${unique("x")}`;
    const p = await createProject({ actor: admin.actor, input: { name } });
    expect(p.slug).toBe(name.toLowerCase().replace(/[^a-z0-9]+/g, "-"));
    const labels = await listLabels({ projectId: p.id });
    expect(labels.map((l) => [l.name, l.hotkey])).toEqual(DEFAULT_LABELS.map((l) => [l.name, l.hotkey]));
    expect(await db.projectMember.count({ where: { projectId: p.id } })).toBe(await db.user.count({ where: { active: true } }));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { projectId: p.id, subject: "PROJECT" } });
    expect(audit).toMatchObject({ action: "CREATE", actorId: admin.user.id, subjectId: p.id });
  });

  it("refuses a taken or malformed slug and non-admins", async () => {
    const p = await newProject();
    await expect(createProject({ actor: admin.actor, input: { name: "Again", slug: p.slug } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(p.slug),
    });
    await expect(createProject({ actor: admin.actor, input: { name: "Bad", slug: "Not a slug!" } })).rejects.toThrow(/lower-case letters/);
    await expect(createProject({ actor: admin.actor, input: { name: "!!!" } })).rejects.toThrow(/Give a slug/);
    await expect(createProject({ actor: reviewer.actor, input: { name: "Mine" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists the projects a reviewer belongs to, all of them for admins, none for annotators; hides others' with 404", async () => {
    const mine = await newProject();
    const theirs = await newProject({ addAllUsers: false });
    const reviewed = { items: await everyProject(reviewer.actor) };
    const ids = new Set(reviewed.items.map((p) => p.id));
    expect(ids.has(mine.id)).toBe(true);
    expect(ids.has(theirs.id)).toBe(false);
    expect(reviewed.items.find((p) => p.id === mine.id)).toMatchObject({ labels: DEFAULT_LABELS.length, documents: 0 });
    const all = { items: await everyProject(admin.actor) };
    expect(all.items.some((p) => p.id === theirs.id)).toBe(true);
    const first = await listProjects({ actor: admin.actor, query: { limit: 1 } });
    expect(first.items).toHaveLength(1);
    expect((await listProjects({ actor: admin.actor, query: { limit: 1, cursor: first.nextCursor! } })).items[0].id).not.toBe(first.items[0].id);
    await expect(listProjects({ actor: annotator.actor })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getProject({ actor: reviewer.actor, projectId: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getProject({ actor: reviewer.actor, projectId: mine.slug })).id).toBe(mine.id);
  });

  it("updates settings with an audit trail, refuses stale edits, non-admins and the assignment setting", async () => {
    const p = await newProject();
    const guidelines = "Tag every <script>alert(1)</script> as text.\n\nPERSON: people.";
    const after = await updateProject({
      actor: admin.actor,
      projectId: p.id,
      input: { name: "Renamed", guidelines, showOtherLayers: true, blindReview: true, expectedUpdatedAt: p.updatedAt.toISOString() },
    });
    expect(after).toMatchObject({ name: "Renamed", guidelines, showOtherLayers: true, blindReview: true });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { projectId: p.id, subject: "PROJECT", action: "UPDATE" } });
    expect(audit.before).toMatchObject({ name: p.name, guidelines: "", blindReview: false });
    expect(audit.after).toMatchObject({ name: "Renamed", guidelines, blindReview: true });
    await expect(
      updateProject({ actor: admin.actor, projectId: p.id, input: { name: "Stale", expectedUpdatedAt: p.updatedAt.toISOString() } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(updateProject({ actor: reviewer.actor, projectId: p.id, input: { name: "Mine" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateProject({ actor: admin.actor, projectId: "nope", input: { name: "x" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateProject({ actor: admin.actor, projectId: p.id, input: { annotatorsPerDocument: 3 } as never })).rejects.toThrow();
    expect((await db.project.findUniqueOrThrow({ where: { id: p.id } })).annotatorsPerDocument).toBe(1);
  });
});

describe(`label schema on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("adds a label at the end with a palette colour and an audit event", async () => {
    const p = await newProject();
    const added = await addLabel({ actor: admin.actor, projectId: p.id, input: { name: "  WEAPON ", description: "Arms and weapon systems" } });
    expect(added).toMatchObject({ name: "WEAPON", kind: "ENTITY", hotkey: null, sortOrder: DEFAULT_LABELS.length, archived: false });
    expect(added.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(DEFAULT_LABELS.map((l) => l.color)).not.toContain(added.color);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subject: "LABEL", subjectId: added.id } });
    expect(audit).toMatchObject({ action: "CREATE", projectId: p.id, actorId: admin.user.id });
    expect((await listLabels({ projectId: p.id })).at(-1)?.name).toBe("WEAPON");
  });

  it("refuses duplicate names (any case) and hotkeys with 409, and malformed fields", async () => {
    const p = await newProject();
    await expect(addLabel({ actor: admin.actor, projectId: p.id, input: { name: "person" } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/PERSON/),
    });
    await expect(addLabel({ actor: admin.actor, projectId: p.id, input: { name: "WEAPON", hotkey: "3" } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/Hotkey 3 is already used by GPE/),
    });
    await expect(addLabel({ actor: admin.actor, projectId: p.id, input: { name: "WEAPON", color: "red" } })).rejects.toThrow(/#rrggbb/);
    await expect(addLabel({ actor: admin.actor, projectId: p.id, input: { name: "WEAPON", color: "#12345" } })).rejects.toThrow(/#rrggbb/);
    await expect(addLabel({ actor: admin.actor, projectId: p.id, input: { name: "x".repeat(41) } })).rejects.toThrow(/at most 40/);
    await expect(addLabel({ actor: admin.actor, projectId: p.id, input: { name: "  " } })).rejects.toThrow(/Give the label a name/);
    await expect(addLabel({ actor: admin.actor, projectId: p.id, input: { name: "WEAPON", hotkey: "0" } })).rejects.toThrow(/1 to 9/);
    await expect(addLabel({ actor: admin.actor, projectId: p.id, input: { name: "WEAPON", kind: "RELATION" as never } })).rejects.toThrow(/Kinds are/);
    const gpe = await label(p.id, "GPE");
    await expect(updateLabel({ actor: admin.actor, labelId: gpe.id, input: { name: "Org" } })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(updateLabel({ actor: admin.actor, labelId: gpe.id, input: { hotkey: 1 } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/PERSON/),
    });
    await expect(updateLabel({ actor: admin.actor, labelId: gpe.id, input: {} })).rejects.toThrow(/Change at least one/);
    expect(await db.label.count({ where: { projectId: p.id } })).toBe(DEFAULT_LABELS.length);
  });

  it("changes colour, hotkey and description; the workbench legend sees it", async () => {
    const p = await newProject();
    const date = await label(p.id, "DATE");
    const quantity = await label(p.id, "QUANTITY");
    await updateLabel({ actor: admin.actor, labelId: quantity.id, input: { hotkey: null } });
    const after = await updateLabel({ actor: admin.actor, labelId: date.id, input: { color: "#FF00AA", hotkey: "9", description: "Dates and times" } });
    expect(after).toMatchObject({ color: "#ff00aa", hotkey: "9", description: "Dates and times", name: "DATE" });
    const legend = await listLabels({ projectId: p.id });
    expect(legend.find((l) => l.name === "DATE")).toMatchObject({ color: "#ff00aa", hotkey: "9" });
    expect(legend.find((l) => l.name === "QUANTITY")?.hotkey).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subject: "LABEL", subjectId: date.id, action: "UPDATE" } });
    expect(audit.before).toMatchObject({ color: date.color, hotkey: "8" });
    expect(audit.after).toMatchObject({ color: "#ff00aa", hotkey: "9" });
  });

  it("archives instead of deleting: old spans keep the label, new spans cannot use it, its hotkey is free", async () => {
    const p = await newProject();
    const doc = await makeDocument(admin.actor, { project: p.slug, text: `Lavrov met Kerry in Moscow. ${unique("t")}` });
    const { annotation } = await createAnnotation({ actor: annotator.actor, documentId: doc.id, input: { start: 0, end: 6, label: "PERSON" } });
    const person = await label(p.id, "PERSON");
    const archived = await updateLabel({ actor: admin.actor, labelId: person.id, input: { archived: true } });
    expect(archived.archived).toBe(true);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: annotation.id } })).labelId).toBe(person.id);
    await expect(createAnnotation({ actor: annotator.actor, documentId: doc.id, input: { start: 11, end: 16, label: "PERSON" } })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
    });
    expect((await listLabels({ projectId: p.id })).map((l) => l.name)).not.toContain("PERSON");
    expect(await db.auditEvent.count({ where: { subject: "LABEL", subjectId: person.id, action: "ARCHIVE" } })).toBe(1);

    // its hotkey can go to another label; unarchiving then asks to settle the clash first
    const human = await addLabel({ actor: admin.actor, projectId: p.id, input: { name: "HUMAN", hotkey: "1" } });
    await expect(updateLabel({ actor: admin.actor, labelId: person.id, input: { archived: false } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/HUMAN/),
    });
    const back = await updateLabel({ actor: admin.actor, labelId: person.id, input: { archived: false, hotkey: null } });
    expect(back).toMatchObject({ archived: false, hotkey: null });
    expect((await listLabels({ projectId: p.id })).map((l) => l.name).slice(-2)).toEqual([human.name, "PERSON"]);
    const schema = await listSchemaLabels({ actor: reviewer.actor, projectId: p.id });
    expect(schema.find((l) => l.name === "PERSON")?.spans).toBe(1);
  });

  it("refuses to change the kind of a label that spans use (422), allows it for unused ones", async () => {
    const p = await newProject();
    const doc = await makeDocument(admin.actor, { project: p.slug });
    await createAnnotation({ actor: annotator.actor, documentId: doc.id, input: { start: 0, end: 6, label: "ORG" } });
    const org = await label(p.id, "ORG");
    await expect(updateLabel({ actor: admin.actor, labelId: org.id, input: { kind: "QUOTE" } })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      message: expect.stringMatching(/1 span/),
    });
    const loc = await label(p.id, "LOC");
    expect(await updateLabel({ actor: admin.actor, labelId: loc.id, input: { kind: "CITED_SOURCE" } })).toMatchObject({ kind: "CITED_SOURCE" });
  });

  it("moves labels up and down, renumbering the order; the ends stay put", async () => {
    const p = await newProject();
    const names = async () => (await listLabels({ projectId: p.id })).map((l) => l.name);
    const gpe = await label(p.id, "GPE");
    await moveLabel({ actor: admin.actor, labelId: gpe.id, direction: "up" });
    expect((await names()).slice(0, 3)).toEqual(["PERSON", "GPE", "ORG"]);
    await moveLabel({ actor: admin.actor, labelId: gpe.id, direction: "up" });
    const top = await moveLabel({ actor: admin.actor, labelId: gpe.id, direction: "up" });
    expect(top.map((l) => l.name).slice(0, 2)).toEqual(["GPE", "PERSON"]);
    const last = DEFAULT_LABELS.at(-1)!.name;
    const quantity = await label(p.id, last);
    await moveLabel({ actor: admin.actor, labelId: quantity.id, direction: "down" });
    expect((await names()).at(-1)).toBe(last);
    expect((await db.label.findMany({ where: { projectId: p.id }, orderBy: { sortOrder: "asc" } })).map((l) => l.sortOrder)).toEqual(
      DEFAULT_LABELS.map((_, i) => i),
    );
    expect(await db.auditEvent.count({ where: { subject: "LABEL", subjectId: gpe.id, action: "MOVE" } })).toBe(2);
    await expect(moveLabel({ actor: admin.actor, labelId: gpe.id, direction: "sideways" as never })).rejects.toThrow();
    await updateLabel({ actor: admin.actor, labelId: quantity.id, input: { archived: true } });
    await expect(moveLabel({ actor: admin.actor, labelId: quantity.id, direction: "up" })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
  });

  it("lets only admins change the schema; unknown labels are 404; non-members cannot read it", async () => {
    const p = await newProject({ addAllUsers: false });
    const org = await label(p.id, "ORG");
    await expect(addLabel({ actor: reviewer.actor, projectId: p.id, input: { name: "X" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateLabel({ actor: annotator.actor, labelId: org.id, input: { color: "#000000" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(moveLabel({ actor: reviewer.actor, labelId: org.id, direction: "up" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateLabel({ actor: admin.actor, labelId: "missing", input: { color: "#000000" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listSchemaLabels({ actor: reviewer.actor, projectId: p.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listSchemaLabels({ actor: admin.actor, projectId: p.id })).toHaveLength(DEFAULT_LABELS.length);
  });
});

describe(`project members on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("adds an existing user by email or id, refuses duplicates, unknown and deactivated users", async () => {
    const p = await newProject({ addAllUsers: false });
    expect((await listNonMembers({ actor: admin.actor, projectId: p.id })).some((u) => u.id === annotator.user.id)).toBe(true);
    const added = await addMember({ actor: admin.actor, projectId: p.id, member: { email: annotator.user.email.toUpperCase() } });
    expect(added.userId).toBe(annotator.user.id);
    await addMember({ actor: admin.actor, projectId: p.id, member: { userId: reviewer.user.id } });
    const members = await listMembers({ actor: reviewer.actor, projectId: p.id });
    expect(members.items.map((m) => m.id).sort()).toEqual([admin.user.id, annotator.user.id, reviewer.user.id].sort());
    expect(members.items.find((m) => m.id === annotator.user.id)).toMatchObject({ role: "ANNOTATOR", email: annotator.user.email });
    await expect(addMember({ actor: admin.actor, projectId: p.id, member: { userId: annotator.user.id } })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(addMember({ actor: admin.actor, projectId: p.id, member: { email: "nobody@test.local" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const page = await listMembers({ actor: admin.actor, projectId: p.id, query: { limit: 2 } });
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(3);
    const rest = await listMembers({ actor: admin.actor, projectId: p.id, query: { limit: 2, offset: page.nextOffset! } });
    expect(rest.items).toHaveLength(1);
    expect(rest.nextOffset).toBeNull();
    expect([...page.items, ...rest.items].map((m) => m.name)).toEqual([...members.items.map((m) => m.name)].sort());
    const gone = await makeUser("ANNOTATOR");
    await db.user.update({ where: { id: gone.user.id }, data: { active: false } });
    await expect(addMember({ actor: admin.actor, projectId: p.id, member: { userId: gone.user.id } })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await expect(addMember({ actor: reviewer.actor, projectId: p.id, member: { userId: gone.user.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.auditEvent.count({ where: { projectId: p.id, subject: "MEMBER", action: "ADD" } })).toBe(2);
  });

  it("removes a member: they lose access at once, their layer stays", async () => {
    const p = await newProject();
    const doc = await makeDocument(admin.actor, { project: p.slug });
    const u = await makeUser("ANNOTATOR"); // new users join every project
    // (not through the paginated list: other tests' users join every project too)
    expect(await db.projectMember.findUnique({ where: { projectId_userId: { projectId: p.id, userId: u.user.id } } })).not.toBeNull();
    await createAnnotation({ actor: u.actor, documentId: doc.id, input: { start: 0, end: 6, label: "PERSON" } });
    await removeMember({ actor: admin.actor, projectId: p.id, userId: u.user.id });
    await expect(getDocument({ actor: u.actor, documentId: doc.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const layer = await db.layer.findFirstOrThrow({ where: { documentId: doc.id, userId: u.user.id }, include: { _count: { select: { annotations: true } } } });
    expect(layer._count.annotations).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { projectId: p.id, subject: "MEMBER", action: "REMOVE" } });
    expect(audit).toMatchObject({ subjectId: u.user.id, actorId: admin.user.id });
    await expect(removeMember({ actor: admin.actor, projectId: p.id, userId: u.user.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeMember({ actor: reviewer.actor, projectId: p.id, userId: annotator.user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
