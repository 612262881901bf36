import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser, makeDocument, makeProject } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import * as documents from "@/app/api/v1/documents/route";
import * as document from "@/app/api/v1/documents/[id]/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as annotation from "@/app/api/v1/annotations/[id]/route";
import * as exporter from "@/app/api/v1/export/route";
import { revokeApiToken } from "@/lib/auth/api-tokens";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, ann: Ctx, other: Ctx;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  ann = await makeUser("ANNOTATOR");
  other = await makeUser("ANNOTATOR");
});

const postSpan = (token: string, documentId: string, body: unknown) =>
  call(annotations.POST, { method: "POST", path: `/api/v1/documents/${documentId}/annotations`, token, params: { id: documentId }, body });

const TEXT = "Crème brûlée 😀 and e\u0301 in Baghdad.\r\nSergey V. Lavrov met 👩‍👩‍👧 John Kerry.";

describe(`REST API v1 on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("rejects missing, malformed and revoked tokens with 401", async () => {
    const bad = await call(documents.GET, { path: "/api/v1/documents", token: "mrg_nope" });
    expect(bad.status).toBe(401);
    expect(bad.json.error?.code).toBe("UNAUTHENTICATED");
    const malformed = await call(documents.GET, { path: "/api/v1/documents", headers: { authorization: "Basic abc" } });
    expect(malformed.status).toBe(401);
    const u = await makeUser("ANNOTATOR");
    const tokenRow = await db.apiToken.findFirstOrThrow({ where: { userId: u.user.id } });
    await revokeApiToken({ actor: u.actor, tokenId: tokenRow.id });
    expect((await call(documents.GET, { path: "/api/v1/documents", token: u.token })).status).toBe(401);
  });

  it("locks out a deactivated user at once", async () => {
    const u = await makeUser("ANNOTATOR");
    expect((await call(documents.GET, { path: "/api/v1/documents", token: u.token })).status).toBe(200);
    await db.user.update({ where: { id: u.user.id }, data: { active: false } });
    expect((await call(documents.GET, { path: "/api/v1/documents", token: u.token })).status).toBe(401);
  });

  it("lets an admin create a document, canonicalising its text, and refuses duplicates", async () => {
    const project = await makeProject();
    const res = await call(documents.POST, {
      method: "POST",
      path: "/api/v1/documents",
      token: admin.token,
      body: { title: "Brief", text: TEXT, source: "test", project: project.slug },
    });
    expect(res.status).toBe(201);
    expect(res.json.text).toBe(TEXT.replace("\r\n", "\n").normalize("NFC"));
    expect(res.json.length).toBe(Array.from(TEXT.replace("\r\n", "\n").normalize("NFC")).length);
    const again = await call(documents.POST, {
      method: "POST",
      path: "/api/v1/documents",
      token: admin.token,
      body: { title: "Brief again", text: TEXT.normalize("NFD"), project: project.slug },
    });
    expect(again.status).toBe(409);
    expect(again.json.error?.message).toContain(String(res.json.id));
  });

  it("forbids annotators from creating documents and validates input", async () => {
    const res = await call(documents.POST, { method: "POST", path: "/api/v1/documents", token: ann.token, body: { title: "x", text: "y" } });
    expect(res.status).toBe(403);
    expect(res.json.error?.code).toBe("FORBIDDEN");
    const invalid = await call(documents.POST, { method: "POST", path: "/api/v1/documents", token: admin.token, body: { title: "", text: "" } });
    expect(invalid.status).toBe(400);
    const notJson = await call(documents.POST, {
      method: "POST",
      path: "/api/v1/documents",
      token: admin.token,
      body: "{",
      headers: { "content-type": "application/json" },
    });
    expect(notJson.status).toBe(400);
    const wrongType = await call(documents.POST, {
      method: "POST",
      path: "/api/v1/documents",
      token: admin.token,
      body: "a",
      headers: { "content-type": "text/plain" },
    });
    expect(wrongType.status).toBe(415);
  });

  it("creates, reads, updates and deletes annotations in code points", async () => {
    const doc = await makeDocument(admin.actor, { text: TEXT });
    const chars = Array.from(doc.text);
    const start = doc.text.indexOf("Sergey");
    const cpStart = Array.from(doc.text.slice(0, start)).length;
    const span = { start: cpStart, end: cpStart + "Sergey V. Lavrov".length, label: "PERSON", text: "Sergey V. Lavrov" };
    const created = await postSpan(ann.token, doc.id, span);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ ...span, version: 1 });

    // an emoji family is 5 code points; its offsets are code points, not UTF-16 units
    const famStart = chars.indexOf("👩");
    const fam = await postSpan(ann.token, doc.id, { start: famStart, end: famStart + 5, label: "QUANTITY", text: "👩‍👩‍👧" });
    expect(fam.status).toBe(201);

    const mismatch = await postSpan(ann.token, doc.id, { start: 0, end: 5, label: "PERSON", text: "Crème" + "x" });
    expect(mismatch.status).toBe(422);
    const outside = await postSpan(ann.token, doc.id, { start: 0, end: chars.length + 1, label: "PERSON" });
    expect(outside.status).toBe(422);
    const unknownLabel = await postSpan(ann.token, doc.id, { start: 0, end: 5, label: "NOPE" });
    expect(unknownLabel.status).toBe(422);

    const list = await call(annotations.GET, { path: `/api/v1/documents/${doc.id}/annotations`, token: ann.token, params: { id: doc.id } });
    expect(list.status).toBe(200);
    expect((list.json.items as unknown[]).length).toBe(2);

    const id = String(created.json.id);
    const patched = await call(annotation.PATCH, {
      method: "PATCH",
      path: `/api/v1/annotations/${id}`,
      token: ann.token,
      params: { id },
      body: { label: "ORG", version: 1 },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ label: "ORG", version: 2, text: "Sergey V. Lavrov" });
    const stale = await call(annotation.PATCH, {
      method: "PATCH",
      path: `/api/v1/annotations/${id}`,
      token: ann.token,
      params: { id },
      body: { label: "GPE", version: 1 },
    });
    expect(stale.status).toBe(409);

    const deleted = await call(annotation.DELETE, { method: "DELETE", path: `/api/v1/annotations/${id}`, token: ann.token, params: { id } });
    expect(deleted.status).toBe(204);
    const gone = await call(annotation.PATCH, { method: "PATCH", path: `/api/v1/annotations/${id}`, token: ann.token, params: { id }, body: { label: "ORG" } });
    expect(gone.status).toBe(404);

    const history = await db.auditEvent.findMany({ where: { subjectId: id }, orderBy: { createdAt: "asc" } });
    expect(history.map((h) => h.action)).toEqual(["CREATE", "UPDATE", "DELETE"]);
    expect(history[1].before).toMatchObject({ label: "PERSON" });
    expect(history[1].after).toMatchObject({ label: "ORG" });
  });

  it("keeps layers private: others cannot change or see an annotator's spans", async () => {
    const doc = await makeDocument(admin.actor);
    const created = await postSpan(ann.token, doc.id, { start: 0, end: 6, label: "PERSON" });
    const id = String(created.json.id);
    const patch = await call(annotation.PATCH, {
      method: "PATCH",
      path: `/api/v1/annotations/${id}`,
      token: other.token,
      params: { id },
      body: { label: "ORG" },
    });
    expect(patch.status).toBe(404);
    const del = await call(annotation.DELETE, { method: "DELETE", path: `/api/v1/annotations/${id}`, token: admin.token, params: { id } });
    expect(del.status).toBe(404);
    const othersList = await call(annotations.GET, { path: `/api/v1/documents/${doc.id}/annotations`, token: other.token, params: { id: doc.id } });
    expect(othersList.json.items).toEqual([]);
  });

  it("hides documents of projects the caller is not a member of", async () => {
    const doc = await makeDocument(admin.actor);
    await db.projectMember.deleteMany({ where: { userId: other.user.id, projectId: doc.projectId } });
    expect((await call(document.GET, { path: `/api/v1/documents/${doc.id}`, token: other.token, params: { id: doc.id } })).status).toBe(404);
    const post = await postSpan(other.token, doc.id, { start: 0, end: 3, label: "PERSON" });
    expect(post.status).toBe(404);
    expect((await call(document.GET, { path: `/api/v1/documents/${doc.id}`, token: ann.token, params: { id: doc.id } })).status).toBe(200);
  });

  it("makes retried creates idempotent by client id", async () => {
    const doc = await makeDocument(admin.actor);
    const body = { id: "client-id-" + doc.id.slice(-8), start: 0, end: 6, label: "PERSON" };
    const first = await call(annotations.POST, {
      method: "POST",
      path: `/api/v1/documents/${doc.id}/annotations`,
      token: ann.token,
      params: { id: doc.id },
      body,
    });
    const retry = await call(annotations.POST, {
      method: "POST",
      path: `/api/v1/documents/${doc.id}/annotations`,
      token: ann.token,
      params: { id: doc.id },
      body,
    });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.json.id).toBe(first.json.id);
    expect(first.json.id).toMatch(new RegExp(`^k[0-9a-f]{18}\\.${body.id}$`)); // kept in the caller's namespace
    const again = await call(annotations.POST, {
      method: "POST",
      path: `/api/v1/documents/${doc.id}/annotations`,
      token: ann.token,
      params: { id: doc.id },
      body: { ...body, id: first.json.id },
    });
    expect(again.status).toBe(200); // the full id names the same span
    const moved = await call(annotations.POST, {
      method: "POST",
      path: `/api/v1/documents/${doc.id}/annotations`,
      token: ann.token,
      params: { id: doc.id },
      body: { ...body, start: 7, end: 12 },
    });
    expect(moved.status).toBe(409); // the caller's own id for a different span
    expect(await db.annotation.count({ where: { layer: { documentId: doc.id } } })).toBe(1);
  });

  it("answers a client-chosen id equal to another user's span as for any new id (no existence oracle)", async () => {
    const elsewhere = await makeDocument(admin.actor, { project: (await makeProject()).slug });
    const hidden = await postSpan(admin.token, elsewhere.id, { start: 0, end: 6, label: "PERSON" });
    expect(hidden.status).toBe(201);
    const doc = await makeDocument(admin.actor);
    for (const id of [hidden.json.id as string, "never-used-" + doc.id.slice(-8)]) {
      const res = await call(annotations.POST, {
        method: "POST",
        path: `/api/v1/documents/${doc.id}/annotations`,
        token: ann.token,
        params: { id: doc.id },
        body: { id, start: 0, end: 6, label: "PERSON" },
      });
      expect(res.status).toBe(201);
      expect(res.json.id as string).not.toBe(id);
      await db.annotation.delete({ where: { id: res.json.id as string } });
    }
    expect(await db.annotation.findUnique({ where: { id: hidden.json.id as string } })).toMatchObject({ start: 0, end: 6 });
  });

  it("streams the export as JSONL with the span text equal to the slice", async () => {
    const project = await makeProject();
    const doc = await makeDocument(admin.actor, { text: TEXT, project: project.slug });
    const chars = Array.from(doc.text);
    const k = chars.indexOf("J");
    await postSpan(ann.token, doc.id, { start: k, end: k + 10, label: "PERSON" });
    const forbidden = await call(exporter.GET, { path: "/api/v1/export", token: ann.token });
    expect(forbidden.status).toBe(403);
    const res = await call(exporter.GET, { path: `/api/v1/export?layer=annotators&status=all&project=${project.slug}`, token: admin.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const [manifest, ...lines] = res.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(manifest.manifest.counts.documents).toBe(1);
    expect(lines).toHaveLength(1);
    const [record] = lines;
    expect(record.spans).toHaveLength(1);
    for (const s of record.spans)
      expect(
        Array.from(record.text as string)
          .slice(s.start, s.end)
          .join(""),
      ).toBe(s.text);
    expect(record.spans[0]).toMatchObject({ text: "John Kerry", label: "PERSON", annotator: { id: ann.user.id } });
    const gold = await call(exporter.GET, { path: `/api/v1/export?project=${project.slug}`, token: admin.token });
    expect(
      gold.text
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toMatchObject([{ manifest: { counts: { documents: 0 } } }]);
    const bad = await call(exporter.GET, { path: "/api/v1/export?layer=everything", token: admin.token });
    expect(bad.status).toBe(400);
  });
});
