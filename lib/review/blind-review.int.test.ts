/**
 * Issue 11, finding 4: while a project reviews blind, no annotator's name,
 * email or user id reaches a reviewer through any route, page's data or file;
 * each annotator has one pseudonym across all of them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeDocument, makeProject, makeUser, spanAt } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { setOverlap } from "@/lib/assignments/set-overlap";
import { assignDocuments } from "@/lib/assignments/assign-documents";
import { assignmentOverview } from "@/lib/assignments/assignment-overview";
import { exportFormData } from "@/lib/export/export-form-data";
import { pseudonym } from "./blind";
import * as submit from "@/app/api/v1/documents/[id]/submit/route";
import * as review from "@/app/api/v1/documents/[id]/review/route";
import * as history from "@/app/api/v1/documents/[id]/history/route";
import * as assignments from "@/app/api/v1/projects/[id]/assignments/route";
import * as agreement from "@/app/api/v1/projects/[id]/agreement/route";
import * as stances from "@/app/api/v1/projects/[id]/stances/route";
import * as exporter from "@/app/api/v1/export/route";
import { listMembers } from "@/lib/projects/members";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, reviewer: Ctx, alice: Ctx, bob: Ctx;
let project: Awaited<ReturnType<typeof makeProject>>;
let documentId: string;
const TEXT = "Sergey V. Lavrov met John Kerry in Baghdad.";

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  reviewer = await makeUser("REVIEWER");
  alice = await makeUser("ANNOTATOR");
  bob = await makeUser("ANNOTATOR");
  project = await makeProject(); // every user above is a member
  await makeProject(); // and of a project without blind review, where names are shown
  await db.project.update({ where: { id: project.id }, data: { blindReview: true } });
  documentId = (await makeDocument(admin.actor, { project: project.slug, text: TEXT })).id;
  await setOverlap({ actor: admin.actor, projectId: project.id, annotatorsPerDocument: 2 });
  await assignDocuments({ actor: admin.actor, projectId: project.id, annotatorIds: [alice.user.id, bob.user.id] });
  for (const who of [alice, bob]) {
    await createAnnotation({ actor: who.actor, documentId, input: spanAt(TEXT, "Baghdad", "GPE") });
    expect((await call(submit.POST as never, { method: "POST", path: "/x", token: who.token, params: { id: documentId } })).status).toBe(200);
  }
});

/** Everything identifying an annotator. */
const secrets = (c: Ctx) => [c.user.name, c.user.email, c.user.id];
const leaks = (body: string) => [alice, bob].flatMap(secrets).filter((s) => body.includes(s));

async function asReviewerEverywhere(token: string) {
  const get = (handler: unknown, path: string, params: Record<string, string> = {}) => call(handler as never, { path, token, params });
  const surfaces: Record<string, string> = {
    review: (await get(review.GET, "/x", { id: documentId })).text,
    history: (await get(history.GET, "/x", { id: documentId })).text,
    historyJsonl: (await get(history.GET, "/x?format=jsonl", { id: documentId })).text,
    assignments: (await get(assignments.GET, "/x", { id: project.id })).text,
    agreement: (await get(agreement.GET, "/x?include=in_progress", { id: project.id })).text,
    stances: (await get(stances.GET, "/x", { id: project.id })).text,
  };
  for (const format of ["native", "spacy", "doccano", "label-studio"]) {
    const res = await get(exporter.GET, `/api/v1/export?project=${project.slug}&layer=annotators&status=all&format=${format}`);
    expect(res.status, `${format}: ${res.text.slice(0, 200)}`).toBe(200);
    surfaces[`export-${format}`] = res.text;
  }
  return surfaces;
}

describe(`blind review hides annotators from reviewers everywhere, on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("no name, email or user id of an annotator in any API answer or export file a reviewer gets", async () => {
    const surfaces = await asReviewerEverywhere(reviewer.token);
    for (const [name, body] of Object.entries(surfaces)) {
      expect(body.length, name).toBeGreaterThan(2);
      expect(leaks(body), name).toEqual([]);
    }
    // the page data of assignments and export too
    expect(leaks(JSON.stringify(await assignmentOverview({ actor: reviewer.actor, projectId: project.id })))).toEqual([]);
    expect(leaks(JSON.stringify(await exportFormData(reviewer.actor)))).toEqual([]);
  });

  it("keeps the project's member list from its reviewers (the settings page shows it to admins only), and lists it for admins", async () => {
    await expect(listMembers({ actor: reviewer.actor, projectId: project.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const forAdmin = await listMembers({ actor: admin.actor, projectId: project.id });
    expect(forAdmin.total).toBeGreaterThanOrEqual(2); // alice and bob, among every user made before them (users join every project)
    expect(forAdmin.items.length).toBeGreaterThan(0);
  });

  it("each annotator has one pseudonym across review, assignments, agreement and export", async () => {
    const surfaces = await asReviewerEverywhere(reviewer.token);
    for (const who of [alice, bob]) {
      const p = pseudonym(project.id, who.user.id);
      for (const name of ["review", "assignments", "agreement", "export-native", "export-spacy", "export-doccano"])
        expect(surfaces[name], `${name} names ${p.name}`).toContain(p.name);
      for (const name of ["assignments", "agreement", "export-native"]) expect(surfaces[name], `${name} has ${p.id}`).toContain(p.id);
    }
    // another project: another pseudonym
    expect(pseudonym(project.id, alice.user.id).id).not.toBe(pseudonym("another-project", alice.user.id).id);
  });

  it("a reviewer exports one annotator's layer by pseudonym, not by real id or email", async () => {
    const p = pseudonym(project.id, alice.user.id);
    const byPseudonym = await call(exporter.GET as never, { path: `/api/v1/export?layer=annotator:${p.id}&status=all`, token: reviewer.token });
    expect(byPseudonym.status).toBe(200);
    expect(byPseudonym.text).toContain(p.name);
    expect(leaks(byPseudonym.text)).toEqual([]);
    for (const who of [alice.user.id, alice.user.email]) {
      const direct = await call(exporter.GET as never, {
        path: `/api/v1/export?project=${project.slug}&layer=annotator:${encodeURIComponent(who)}&status=all`,
        token: reviewer.token,
      });
      // nothing of the blind project's layers, and nothing beyond the value the reviewer typed
      expect(direct.status).toBe(404);
      expect(leaks(direct.text.replaceAll(who, ""))).toEqual([]);
      expect(direct.text).not.toContain("Baghdad");
    }
  });

  it("admins see names; so does a project without blind review", async () => {
    const asAdmin = await asReviewerEverywhere(admin.token);
    expect(asAdmin["export-native"]).toContain(alice.user.name);
    expect(asAdmin.assignments).toContain(alice.user.id);
    await db.project.update({ where: { id: project.id }, data: { blindReview: false } });
    try {
      const open = await asReviewerEverywhere(reviewer.token);
      expect(open.review).toContain(alice.user.name);
      expect(open["export-native"]).toContain(alice.user.name);
    } finally {
      await db.project.update({ where: { id: project.id }, data: { blindReview: true } });
    }
  });
});
