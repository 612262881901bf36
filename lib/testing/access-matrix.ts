/**
 * The access matrix: every API route handler and every server action, and
 * what each kind of caller gets from it. One definition, used by the
 * integration test that walks every cell (lib/api/access-matrix.int.test.ts)
 * and by the script that writes the README table (npm run docs:access-matrix).
 *
 * Roles, all on project P unless said otherwise (built in ./access-matrix-kit.ts):
 * - anonymous: no credentials at all
 * - annotator: the annotator who owns the layer or item the call is about
 * - other annotator: another annotator of P, acting on the owner's layer or item
 * - other project's member: a reviewer of project Q only (so a refusal is about the project, not the role)
 * - reviewer, admin: of P (admins see every project)
 * - deactivated user: an admin of P whose account is deactivated, with a token that was never revoked
 * - revoked token: the owner's own token, revoked
 *
 * Routes are called in-process with API tokens (lib/testing/http.ts); browser
 * sessions reach the same actor through lib/api/route.ts. Server actions need
 * a Next.js request to read their session, so the test runs the domain
 * operation each action calls with the real actor (the user loaded from the
 * database, as requirePageActor would), and checks that every action starts
 * with requirePageActor (the gate that sends anonymous and deactivated users
 * to /signin).
 */
import type { Actor } from "@/lib/auth/actor";
import type { MatrixKit } from "./access-matrix-kit";

export const ROLES = ["anonymous", "annotator", "otherAnnotator", "outsider", "reviewer", "admin", "deactivated", "revokedToken"] as const;
export type MatrixRole = (typeof ROLES)[number];
/** The roles that hold a working credential. */
export type SignedInRole = Exclude<MatrixRole, "anonymous" | "deactivated" | "revokedToken">;

export const ROLE_TITLES: Record<MatrixRole, string> = {
  anonymous: "anonymous",
  annotator: "annotator (owner)",
  otherAnnotator: "other annotator",
  outsider: "other project's member",
  reviewer: "reviewer",
  admin: "admin",
  deactivated: "deactivated user",
  revokedToken: "revoked token",
};

/** Expected HTTP status per signed-in role (for actions: 200 means the operation succeeded). */
export type Expect = Record<SignedInRole, number>;

export type MatrixRequest = {
  /** path and query, e.g. /api/v1/documents/abc/annotations?layer=gold */
  url: string;
  params?: Record<string, string>;
  body?: unknown;
  /** a raw body with its content type (imports) */
  raw?: { body: string; contentType: string };
  /** Auth.js handlers read a NextRequest */
  nextRequest?: boolean;
};

export type RouteEntry = {
  kind: "route";
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** as shown in the table */
  path: string;
  file: string;
  load: () => Promise<Record<string, unknown>>;
  build: (kit: MatrixKit, role: MatrixRole) => Promise<MatrixRequest>;
  expect: Expect;
  /** status for anonymous, deactivated and revoked callers (401 unless the route is public) */
  unauthenticated?: number;
  /** an accepted call may leave the database as it was (a read through POST, an idempotent write) */
  mayNotChange?: boolean;
  note?: string;
};

export type ActionEntry = {
  kind: "action";
  file: string;
  action: string;
  /** the button (form intent) for actions that do several things */
  intent?: string;
  /** the domain operation the test runs with the real actor */
  operation: string;
  /** makes what the call needs, then hands back the call itself */
  run: ((kit: MatrixKit) => Promise<(actor: Actor) => Promise<unknown>>) | null;
  expect: Expect | null;
  mayNotChange?: boolean;
  note?: string;
};

export type MatrixEntry = RouteEntry | ActionEntry;

// Expectation shapes that recur.
const MEMBERS = (ok: number): Expect => ({ annotator: ok, otherAnnotator: ok, outsider: 404, reviewer: ok, admin: ok });
const OWNER = (ok: number): Expect => ({ annotator: ok, otherAnnotator: 404, outsider: 404, reviewer: 404, admin: 404 });
const REVIEWERS = (ok: number): Expect => ({ annotator: 403, otherAnnotator: 403, outsider: 404, reviewer: ok, admin: ok });
const ADMINS = (ok: number): Expect => ({ annotator: 403, otherAnnotator: 403, outsider: 403, reviewer: 403, admin: ok });
const EVERYONE = (ok: number): Expect => ({ annotator: ok, otherAnnotator: ok, outsider: ok, reviewer: ok, admin: ok });

const V1 = "app/api/v1";
const id = (value: string) => ({ id: value });

const routes: RouteEntry[] = [
  // documents
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/documents",
    file: `${V1}/documents/route.ts`,
    load: () => import("@/app/api/v1/documents/route"),
    build: async () => ({ url: "/api/v1/documents" }),
    expect: EVERYONE(200),
    note: "each caller sees the documents of their own projects",
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/documents",
    file: `${V1}/documents/route.ts`,
    load: () => import("@/app/api/v1/documents/route"),
    build: async (k) => ({ url: "/api/v1/documents", body: { title: k.unique("Doc"), text: k.words(30), project: k.fx.projectSlug } }),
    expect: ADMINS(201),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/documents/:id",
    file: `${V1}/documents/[id]/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/route"),
    build: async (k) => ({ url: `/api/v1/documents/${k.fx.docMain}`, params: id(k.fx.docMain) }),
    expect: MEMBERS(200),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/documents/:id/text",
    file: `${V1}/documents/[id]/text/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/text/route"),
    build: async (k) => ({ url: `/api/v1/documents/${k.fx.docMain}/text`, params: id(k.fx.docMain) }),
    expect: MEMBERS(200),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/documents/:id/workbench",
    file: `${V1}/documents/[id]/workbench/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/workbench/route"),
    build: async (k) => ({ url: `/api/v1/documents/${k.fx.docMain}/workbench`, params: id(k.fx.docMain) }),
    expect: MEMBERS(200),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/documents/:id/events",
    file: `${V1}/documents/[id]/events/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/events/route"),
    build: async (k) => ({ url: `/api/v1/documents/${k.fx.docMain}/events`, params: id(k.fx.docMain) }),
    expect: MEMBERS(200),
    note: "the stream is opened and closed at once",
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/documents/:id/syndication",
    file: `${V1}/documents/[id]/syndication/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/syndication/route"),
    build: async (k) => ({ url: `/api/v1/documents/${k.fx.docMain}/syndication`, params: id(k.fx.docMain) }),
    expect: MEMBERS(200),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/documents/:id/history",
    file: `${V1}/documents/[id]/history/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/history/route"),
    build: async (k) => ({ url: `/api/v1/documents/${k.fx.docMain}/history`, params: id(k.fx.docMain) }),
    expect: REVIEWERS(200),
  },

  // the caller's own layer on a document
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/documents/:id/annotations",
    file: `${V1}/documents/[id]/annotations/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/annotations/route"),
    build: async (k) => ({ url: `/api/v1/documents/${k.fx.docMain}/annotations`, params: id(k.fx.docMain) }),
    expect: MEMBERS(200),
    note: "each caller reads their own layer",
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/documents/:id/annotations",
    file: `${V1}/documents/[id]/annotations/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/annotations/route"),
    build: async (k) => ({ url: `/api/v1/documents/${k.fx.docMain}/annotations`, params: id(k.fx.docMain), body: { start: 0, end: 6, label: "PERSON" } }),
    expect: MEMBERS(201),
    note: "into the caller's own layer",
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/documents/:id/annotations?layer=gold",
    file: `${V1}/documents/[id]/annotations/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/annotations/route"),
    build: async (k) => ({
      url: `/api/v1/documents/${k.fx.docMain}/annotations?layer=gold`,
      params: id(k.fx.docMain),
      body: { start: 0, end: 6, label: "PERSON" },
    }),
    expect: REVIEWERS(201),
    note: "the gold layer: reviewers and admins",
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/documents/:id/submit",
    file: `${V1}/documents/[id]/submit/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/submit/route"),
    build: async (k) => {
      const doc = await k.docWithOwnerLayer();
      return { url: `/api/v1/documents/${doc}/submit`, params: id(doc) };
    },
    expect: MEMBERS(200),
    note: "each caller submits their own layer (a fresh document per cell)",
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/documents/:id/grades",
    file: `${V1}/documents/[id]/grades/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/grades/route"),
    build: async (k) => ({ url: `/api/v1/documents/${k.fx.docMain}/grades`, params: id(k.fx.docMain) }),
    expect: MEMBERS(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/documents/:id/grades",
    file: `${V1}/documents/[id]/grades/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/grades/route"),
    build: async (k) => ({
      url: `/api/v1/documents/${k.fx.docMain}/grades`,
      params: id(k.fx.docMain),
      body: { reliability: "B", credibility: 2, rationale: "wire copy" },
    }),
    expect: MEMBERS(201),
    note: "grades the outlet in the caller's own layer",
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/documents/:id/stances",
    file: `${V1}/documents/[id]/stances/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/stances/route"),
    build: async (k) => ({ url: `/api/v1/documents/${k.fx.docMain}/stances`, params: id(k.fx.docMain) }),
    expect: MEMBERS(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/documents/:id/stances",
    file: `${V1}/documents/[id]/stances/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/stances/route"),
    build: async (k) => ({
      url: `/api/v1/documents/${k.fx.docMain}/stances`,
      params: id(k.fx.docMain),
      body: { holderId: k.fx.entityId, targetId: k.fx.targetId, polarity: "FAVOR", documentLevel: true },
    }),
    expect: MEMBERS(201),
    note: "into the caller's own layer",
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/documents/:id/suggestions",
    file: `${V1}/documents/[id]/suggestions/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/suggestions/route"),
    build: async (k) => ({ url: `/api/v1/documents/${k.fx.docMain}/suggestions`, params: id(k.fx.docMain) }),
    expect: MEMBERS(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/documents/:id/suggestions/accept",
    file: `${V1}/documents/[id]/suggestions/accept/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/suggestions/accept/route"),
    build: async (k) => ({
      url: `/api/v1/documents/${k.fx.docMain}/suggestions/accept`,
      params: id(k.fx.docMain),
      body: { entityId: k.fx.suggestion.entityId, ...k.fx.suggestion.accept },
    }),
    expect: MEMBERS(201),
    note: "into the caller's own layer",
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/documents/:id/suggestions/dismiss",
    file: `${V1}/documents/[id]/suggestions/dismiss/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/suggestions/dismiss/route"),
    build: async (k) => ({
      url: `/api/v1/documents/${k.fx.docMain}/suggestions/dismiss`,
      params: id(k.fx.docMain),
      body: { entityId: k.fx.suggestion.entityId, ...k.fx.suggestion.dismiss },
    }),
    expect: MEMBERS(200),
    note: "remembered for the caller only",
  },

  // review of a document
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/documents/:id/review",
    file: `${V1}/documents/[id]/review/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/review/route"),
    build: async (k) => ({ url: `/api/v1/documents/${k.fx.docReview}/review`, params: id(k.fx.docReview) }),
    expect: REVIEWERS(200),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/documents/:id/review/workbench",
    file: `${V1}/documents/[id]/review/workbench/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/review/workbench/route"),
    build: async (k) => ({ url: `/api/v1/documents/${k.fx.docReview}/review/workbench`, params: id(k.fx.docReview) }),
    expect: REVIEWERS(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/documents/:id/review/merge",
    file: `${V1}/documents/[id]/review/merge/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/review/merge/route"),
    build: async (k) => {
      const s = await k.submittedDoc();
      return { url: `/api/v1/documents/${s.documentId}/review/merge`, params: id(s.documentId), body: { threshold: "majority" } };
    },
    expect: REVIEWERS(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/documents/:id/review/approve",
    file: `${V1}/documents/[id]/review/approve/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/review/approve/route"),
    build: async (k) => {
      const s = await k.submittedDoc();
      return { url: `/api/v1/documents/${s.documentId}/review/approve`, params: id(s.documentId), body: {} };
    },
    expect: REVIEWERS(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/layers/:id/reject",
    file: `${V1}/layers/[id]/reject/route.ts`,
    load: () => import("@/app/api/v1/layers/[id]/reject/route"),
    build: async (k) => {
      const s = await k.submittedDoc();
      return { url: `/api/v1/layers/${s.layerId}/reject`, params: id(s.layerId), body: { comment: "Fix the names" } };
    },
    expect: REVIEWERS(200),
    note: "the owner's submitted layer",
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/annotations/:id/accept",
    file: `${V1}/annotations/[id]/accept/route.ts`,
    load: () => import("@/app/api/v1/annotations/[id]/accept/route"),
    build: async (k) => {
      const s = await k.submittedDoc();
      return { url: `/api/v1/annotations/${s.spanId}/accept`, params: id(s.spanId) };
    },
    expect: REVIEWERS(200),
    note: "a span of the owner's submitted layer into gold",
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/annotations/:id/reject",
    file: `${V1}/annotations/[id]/reject/route.ts`,
    load: () => import("@/app/api/v1/annotations/[id]/reject/route"),
    build: async (k) => {
      const s = await k.submittedDoc();
      return { url: `/api/v1/annotations/${s.spanId}/reject`, params: id(s.spanId) };
    },
    expect: REVIEWERS(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/grades/:id/accept",
    file: `${V1}/grades/[id]/accept/route.ts`,
    load: () => import("@/app/api/v1/grades/[id]/accept/route"),
    build: async (k) => {
      const s = await k.submittedDoc();
      return { url: `/api/v1/grades/${s.gradeId}/accept`, params: id(s.gradeId) };
    },
    expect: REVIEWERS(200),
    note: "a grade of the owner's submitted layer into gold",
  },
  // review of stances and quote links (issue 15)
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/stances/:id/accept",
    file: `${V1}/stances/[id]/accept/route.ts`,
    load: () => import("@/app/api/v1/stances/[id]/accept/route"),
    build: async (k) => {
      const s = await k.submittedStanceAndQuote();
      return { url: `/api/v1/stances/${s.stanceId}/accept`, params: id(s.stanceId), body: {} };
    },
    expect: REVIEWERS(200),
    note: "a stance of the owner's submitted layer into gold",
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/stances/:id/reject",
    file: `${V1}/stances/[id]/reject/route.ts`,
    load: () => import("@/app/api/v1/stances/[id]/reject/route"),
    build: async (k) => {
      const s = await k.submittedStanceAndQuote();
      return { url: `/api/v1/stances/${s.stanceId}/reject`, params: id(s.stanceId), body: {} };
    },
    expect: REVIEWERS(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/annotations/:id/quote/accept",
    file: `${V1}/annotations/[id]/quote/accept/route.ts`,
    load: () => import("@/app/api/v1/annotations/[id]/quote/accept/route"),
    build: async (k) => {
      const s = await k.submittedStanceAndQuote();
      return { url: `/api/v1/annotations/${s.quoteId}/quote/accept`, params: id(s.quoteId), body: {} };
    },
    expect: REVIEWERS(200),
    note: "a quote of the owner's submitted layer, its cue and their link into gold",
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/annotations/:id/quote/reject",
    file: `${V1}/annotations/[id]/quote/reject/route.ts`,
    load: () => import("@/app/api/v1/annotations/[id]/quote/reject/route"),
    build: async (k) => {
      const s = await k.submittedStanceAndQuote({ inGold: true });
      return { url: `/api/v1/annotations/${s.quoteId}/quote/reject`, params: id(s.quoteId), body: {} };
    },
    expect: REVIEWERS(200),
    note: "the link off the gold quote",
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/review/queue",
    file: `${V1}/review/queue/route.ts`,
    load: () => import("@/app/api/v1/review/queue/route"),
    build: async () => ({ url: "/api/v1/review/queue" }),
    expect: { annotator: 403, otherAnnotator: 403, outsider: 200, reviewer: 200, admin: 200 },
    note: "the other project's reviewer gets their own (empty) queue",
  },

  // one annotation (the owner's span)
  {
    kind: "route",
    method: "PATCH",
    path: "/api/v1/annotations/:id",
    file: `${V1}/annotations/[id]/route.ts`,
    load: () => import("@/app/api/v1/annotations/[id]/route"),
    build: async (k) => {
      const s = await k.span();
      return { url: `/api/v1/annotations/${s.id}`, params: id(s.id), body: { label: "ORG", version: s.version } };
    },
    expect: OWNER(200),
    note: "nobody edits another's layer: 404 even for admins",
  },
  {
    kind: "route",
    method: "DELETE",
    path: "/api/v1/annotations/:id",
    file: `${V1}/annotations/[id]/route.ts`,
    load: () => import("@/app/api/v1/annotations/[id]/route"),
    build: async (k) => {
      const s = await k.span();
      return { url: `/api/v1/annotations/${s.id}?version=${s.version}`, params: id(s.id) };
    },
    expect: OWNER(204),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/annotations/:id/entity",
    file: `${V1}/annotations/[id]/entity/route.ts`,
    load: () => import("@/app/api/v1/annotations/[id]/entity/route"),
    build: async (k) => {
      const s = await k.span();
      return { url: `/api/v1/annotations/${s.id}/entity`, params: id(s.id) };
    },
    expect: OWNER(200),
    note: "readable where writable",
  },
  {
    kind: "route",
    method: "PUT",
    path: "/api/v1/annotations/:id/entity",
    file: `${V1}/annotations/[id]/entity/route.ts`,
    load: () => import("@/app/api/v1/annotations/[id]/entity/route"),
    build: async (k) => {
      const s = await k.span();
      return { url: `/api/v1/annotations/${s.id}/entity`, params: id(s.id), body: { entityId: k.fx.entityId, version: s.version } };
    },
    expect: OWNER(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/annotations/:id/entity",
    file: `${V1}/annotations/[id]/entity/route.ts`,
    load: () => import("@/app/api/v1/annotations/[id]/entity/route"),
    build: async (k) => {
      const s = await k.span();
      return { url: `/api/v1/annotations/${s.id}/entity`, params: id(s.id), body: { version: s.version, create: { name: k.unique("Entity") } } };
    },
    expect: OWNER(201),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/annotations/:id/quote",
    file: `${V1}/annotations/[id]/quote/route.ts`,
    load: () => import("@/app/api/v1/annotations/[id]/quote/route"),
    build: async (k) => {
      const s = await k.span("QUOTE");
      return { url: `/api/v1/annotations/${s.id}/quote`, params: id(s.id) };
    },
    expect: OWNER(200),
    note: "readable where writable",
  },
  {
    kind: "route",
    method: "PUT",
    path: "/api/v1/annotations/:id/quote",
    file: `${V1}/annotations/[id]/quote/route.ts`,
    load: () => import("@/app/api/v1/annotations/[id]/quote/route"),
    build: async (k) => {
      const q = await k.quote();
      return { url: `/api/v1/annotations/${q.id}/quote`, params: id(q.id), body: { cueId: q.cueId, speakerId: null, version: q.version } };
    },
    expect: OWNER(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/annotations/:id/copy-to-syndicated",
    file: `${V1}/annotations/[id]/copy-to-syndicated/route.ts`,
    load: () => import("@/app/api/v1/annotations/[id]/copy-to-syndicated/route"),
    build: async (k) => {
      const s = await k.syndicatedSpan();
      return { url: `/api/v1/annotations/${s.id}/copy-to-syndicated`, params: id(s.id), body: {} };
    },
    expect: OWNER(200),
  },

  // grades and stances (the owner's)
  {
    kind: "route",
    method: "PATCH",
    path: "/api/v1/grades/:id",
    file: `${V1}/grades/[id]/route.ts`,
    load: () => import("@/app/api/v1/grades/[id]/route"),
    build: async (k) => {
      const g = await k.grade();
      return { url: `/api/v1/grades/${g.id}`, params: id(g.id), body: { credibility: 3, version: g.version } };
    },
    expect: OWNER(200),
  },
  {
    kind: "route",
    method: "DELETE",
    path: "/api/v1/grades/:id",
    file: `${V1}/grades/[id]/route.ts`,
    load: () => import("@/app/api/v1/grades/[id]/route"),
    build: async (k) => {
      const g = await k.grade();
      return { url: `/api/v1/grades/${g.id}?version=${g.version}`, params: id(g.id) };
    },
    expect: OWNER(204),
  },
  {
    kind: "route",
    method: "PATCH",
    path: "/api/v1/stances/:id",
    file: `${V1}/stances/[id]/route.ts`,
    load: () => import("@/app/api/v1/stances/[id]/route"),
    build: async (k) => {
      const s = await k.stance();
      return { url: `/api/v1/stances/${s.id}`, params: id(s.id), body: { polarity: "AGAINST", version: s.version } };
    },
    expect: OWNER(200),
  },
  {
    kind: "route",
    method: "DELETE",
    path: "/api/v1/stances/:id",
    file: `${V1}/stances/[id]/route.ts`,
    load: () => import("@/app/api/v1/stances/[id]/route"),
    build: async (k) => {
      const s = await k.stance();
      return { url: `/api/v1/stances/${s.id}?version=${s.version}`, params: id(s.id) };
    },
    expect: OWNER(204),
  },

  // discussion threads (on the owner's span unless said) and the inbox
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/documents/:id/threads",
    file: `${V1}/documents/[id]/threads/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/threads/route"),
    build: async (k) => ({ url: `/api/v1/documents/${k.fx.docMain}/threads`, params: id(k.fx.docMain) }),
    expect: MEMBERS(200),
    note: "each sees the threads whose layer they may see",
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/documents/:id/threads",
    file: `${V1}/documents/[id]/threads/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/threads/route"),
    build: async (k) => ({
      url: `/api/v1/documents/${k.fx.docMain}/threads`,
      params: id(k.fx.docMain),
      body: { anchor: { kind: "span", id: (await k.span()).id }, body: k.unique("Why") },
    }),
    expect: { annotator: 201, otherAnnotator: 422, outsider: 404, reviewer: 201, admin: 201 },
    note: "on the owner's span: another annotator cannot see it",
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/threads/:id/replies",
    file: `${V1}/threads/[id]/replies/route.ts`,
    load: () => import("@/app/api/v1/threads/[id]/replies/route"),
    build: async (k) => {
      const t = await k.thread();
      return { url: `/api/v1/threads/${t.id}/replies`, params: id(t.id), body: { body: k.unique("Because") } };
    },
    expect: { annotator: 201, otherAnnotator: 404, outsider: 404, reviewer: 201, admin: 201 },
    note: "whoever may see the thread",
  },
  {
    kind: "route",
    method: "PATCH",
    path: "/api/v1/threads/:id",
    file: `${V1}/threads/[id]/route.ts`,
    load: () => import("@/app/api/v1/threads/[id]/route"),
    build: async (k) => {
      const t = await k.thread("document");
      return { url: `/api/v1/threads/${t.id}`, params: id(t.id), body: { resolved: true } };
    },
    expect: { annotator: 200, otherAnnotator: 403, outsider: 404, reviewer: 200, admin: 200 },
    note: "a document thread the owner started: the starter, reviewers and admins resolve it",
  },
  {
    kind: "route",
    method: "PATCH",
    path: "/api/v1/thread-posts/:id",
    file: `${V1}/thread-posts/[id]/route.ts`,
    load: () => import("@/app/api/v1/thread-posts/[id]/route"),
    build: async (k) => {
      const t = await k.thread("document");
      return { url: `/api/v1/thread-posts/${t.postId}`, params: id(t.postId), body: { body: k.unique("Edited") } };
    },
    expect: { annotator: 200, otherAnnotator: 403, outsider: 404, reviewer: 403, admin: 403 },
    note: "the owner's post on a document thread: only its author edits it",
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/inbox",
    file: `${V1}/inbox/route.ts`,
    load: () => import("@/app/api/v1/inbox/route"),
    build: async () => ({ url: "/api/v1/inbox" }),
    expect: EVERYONE(200),
    note: "each caller's own mentions",
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/inbox/read",
    file: `${V1}/inbox/read/route.ts`,
    load: () => import("@/app/api/v1/inbox/read/route"),
    build: async () => ({ url: "/api/v1/inbox/read", body: {} }),
    expect: EVERYONE(200),
    mayNotChange: true,
    note: "each caller's own mentions",
  },

  // projects
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/projects",
    file: `${V1}/projects/route.ts`,
    load: () => import("@/app/api/v1/projects/route"),
    build: async () => ({ url: "/api/v1/projects" }),
    expect: { annotator: 403, otherAnnotator: 403, outsider: 200, reviewer: 200, admin: 200 },
    note: "each reviewer sees their own projects, admins all",
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/projects",
    file: `${V1}/projects/route.ts`,
    load: () => import("@/app/api/v1/projects/route"),
    build: async (k) => ({ url: "/api/v1/projects", body: { name: k.unique("Project"), addAllUsers: false } }),
    expect: ADMINS(201),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/projects/:id",
    file: `${V1}/projects/[id]/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/route"),
    build: async (k) => ({ url: `/api/v1/projects/${k.fx.projectSlug}`, params: id(k.fx.projectSlug) }),
    expect: REVIEWERS(200),
  },
  {
    kind: "route",
    method: "PATCH",
    path: "/api/v1/projects/:id",
    file: `${V1}/projects/[id]/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/route"),
    build: async (k) => ({ url: `/api/v1/projects/${k.fx.projectId}`, params: id(k.fx.projectId), body: { guidelines: k.unique("Guidelines") } }),
    expect: ADMINS(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/projects/:id/preannotate",
    file: `${V1}/projects/[id]/preannotate/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/preannotate/route"),
    build: async (k) => ({
      url: `/api/v1/projects/${k.fx.projectId}/preannotate`,
      params: id(k.fx.projectId),
      body: { model: "builtin", documentIds: [k.fx.docMain] },
    }),
    expect: REVIEWERS(202),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/projects/:id/jobs",
    file: `${V1}/projects/[id]/jobs/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/jobs/route"),
    build: async (k) => ({ url: `/api/v1/projects/${k.fx.projectId}/jobs`, params: id(k.fx.projectId) }),
    expect: REVIEWERS(200),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/jobs/:id",
    file: `${V1}/jobs/[id]/route.ts`,
    load: () => import("@/app/api/v1/jobs/[id]/route"),
    build: async (k) => {
      const job = await k.job();
      return { url: `/api/v1/jobs/${job}`, params: id(job) };
    },
    expect: REVIEWERS(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/jobs/:id/cancel",
    file: `${V1}/jobs/[id]/cancel/route.ts`,
    load: () => import("@/app/api/v1/jobs/[id]/cancel/route"),
    build: async (k) => {
      const job = await k.job();
      return { url: `/api/v1/jobs/${job}/cancel`, params: id(job) };
    },
    expect: REVIEWERS(200),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/projects/:id/model-endpoints",
    file: `${V1}/projects/[id]/model-endpoints/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/model-endpoints/route"),
    build: async (k) => ({ url: `/api/v1/projects/${k.fx.projectId}/model-endpoints`, params: id(k.fx.projectId) }),
    expect: REVIEWERS(200),
  },
  {
    kind: "route",
    method: "PUT",
    path: "/api/v1/projects/:id/model-endpoints",
    file: `${V1}/projects/[id]/model-endpoints/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/model-endpoints/route"),
    build: async (k) => ({
      url: `/api/v1/projects/${k.fx.projectId}/model-endpoints`,
      params: id(k.fx.projectId),
      body: { name: k.unique("local"), baseUrl: "http://localhost:11434/v1", model: "m" },
    }),
    expect: ADMINS(200),
  },
  {
    kind: "route",
    method: "DELETE",
    path: "/api/v1/model-endpoints/:id",
    file: `${V1}/model-endpoints/[id]/route.ts`,
    load: () => import("@/app/api/v1/model-endpoints/[id]/route"),
    build: async (k) => {
      const endpoint = await k.modelEndpoint();
      return { url: `/api/v1/model-endpoints/${endpoint}`, params: id(endpoint) };
    },
    expect: ADMINS(200),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/documents/:id/model-suggestions",
    file: `${V1}/documents/[id]/model-suggestions/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/model-suggestions/route"),
    build: async (k) => ({ url: `/api/v1/documents/${k.fx.docMain}/model-suggestions`, params: id(k.fx.docMain) }),
    expect: MEMBERS(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/documents/:id/model-suggestions/accept",
    file: `${V1}/documents/[id]/model-suggestions/accept/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/model-suggestions/accept/route"),
    build: async (k) => {
      const suggestion = await k.modelSuggestion();
      return { url: `/api/v1/documents/${k.fx.docMain}/model-suggestions/accept`, params: id(k.fx.docMain), body: { ids: [suggestion] } };
    },
    expect: MEMBERS(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/documents/:id/model-suggestions/reject",
    file: `${V1}/documents/[id]/model-suggestions/reject/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/model-suggestions/reject/route"),
    build: async (k) => {
      const suggestion = await k.modelSuggestion();
      return { url: `/api/v1/documents/${k.fx.docMain}/model-suggestions/reject`, params: id(k.fx.docMain), body: { ids: [suggestion] } };
    },
    expect: MEMBERS(200),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/projects/:id/members",
    file: `${V1}/projects/[id]/members/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/members/route"),
    build: async (k) => ({ url: `/api/v1/projects/${k.fx.projectId}/members`, params: id(k.fx.projectId) }),
    expect: REVIEWERS(200),
    note: "reviewers of a project under blind review: 403",
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/projects/:id/members",
    file: `${V1}/projects/[id]/members/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/members/route"),
    build: async (k) => ({ url: `/api/v1/projects/${k.fx.projectId}/members`, params: id(k.fx.projectId), body: { userId: await k.user({ member: false }) } }),
    expect: ADMINS(201),
  },
  {
    kind: "route",
    method: "DELETE",
    path: "/api/v1/projects/:id/members/:userId",
    file: `${V1}/projects/[id]/members/[userId]/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/members/[userId]/route"),
    build: async (k) => {
      const userId = await k.user();
      return { url: `/api/v1/projects/${k.fx.projectId}/members/${userId}`, params: { id: k.fx.projectId, userId } };
    },
    expect: ADMINS(204),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/projects/:id/labels",
    file: `${V1}/projects/[id]/labels/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/labels/route"),
    build: async (k) => ({ url: `/api/v1/projects/${k.fx.projectId}/labels`, params: id(k.fx.projectId) }),
    expect: MEMBERS(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/projects/:id/labels",
    file: `${V1}/projects/[id]/labels/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/labels/route"),
    build: async (k) => ({ url: `/api/v1/projects/${k.fx.projectId}/labels`, params: id(k.fx.projectId), body: { name: k.labelName(), kind: "ENTITY" } }),
    expect: ADMINS(201),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/projects/:id/doc-labels",
    file: `${V1}/projects/[id]/doc-labels/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/doc-labels/route"),
    build: async (k) => ({ url: `/api/v1/projects/${k.fx.projectId}/doc-labels`, params: id(k.fx.projectId) }),
    expect: MEMBERS(200),
  },
  {
    kind: "route",
    method: "PUT",
    path: "/api/v1/projects/:id/doc-labels",
    file: `${V1}/projects/[id]/doc-labels/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/doc-labels/route"),
    build: async (k) => ({
      url: `/api/v1/projects/${k.fx.projectId}/doc-labels`,
      params: id(k.fx.projectId),
      body: { sets: [{ name: k.labelName(), choices: [{ name: "Yes" }] }] },
    }),
    expect: ADMINS(200),
    note: "saves the whole document label schema",
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/documents/:id/doc-labels",
    file: `${V1}/documents/[id]/doc-labels/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/doc-labels/route"),
    build: async (k) => ({ url: `/api/v1/documents/${k.fx.docMain}/doc-labels`, params: id(k.fx.docMain) }),
    expect: MEMBERS(200),
  },
  {
    kind: "route",
    method: "PUT",
    path: "/api/v1/documents/:id/doc-labels",
    file: `${V1}/documents/[id]/doc-labels/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/doc-labels/route"),
    build: async (k) => {
      const { db } = await import("@/lib/db");
      const set = await db.docLabelSet.create({
        data: { projectId: k.fx.projectId, name: k.labelName(), choices: { create: [{ name: "Yes" }] } },
        include: { choices: true },
      });
      return { url: `/api/v1/documents/${k.fx.docMain}/doc-labels`, params: id(k.fx.docMain), body: { choices: [set.choices[0].id] } };
    },
    expect: MEMBERS(200),
    note: "sets the document labels of the caller's own layer",
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/documents/:id/doc-labels/review",
    file: `${V1}/documents/[id]/doc-labels/review/route.ts`,
    load: () => import("@/app/api/v1/documents/[id]/doc-labels/review/route"),
    build: async (k) => {
      const { db } = await import("@/lib/db");
      const set = await db.docLabelSet.create({
        data: { projectId: k.fx.projectId, name: k.labelName(), choices: { create: [{ name: "Yes" }] } },
        include: { choices: true },
      });
      return {
        url: `/api/v1/documents/${k.fx.docReview}/doc-labels/review`,
        params: id(k.fx.docReview),
        body: { choiceId: set.choices[0].id, decision: "accept" },
      };
    },
    expect: REVIEWERS(200),
    note: "accepts a document label into gold",
  },
  {
    kind: "route",
    method: "PATCH",
    path: "/api/v1/labels/:id",
    file: `${V1}/labels/[id]/route.ts`,
    load: () => import("@/app/api/v1/labels/[id]/route"),
    build: async (k) => ({ url: `/api/v1/labels/${k.fx.labelId}`, params: id(k.fx.labelId), body: { description: k.unique("about") } }),
    expect: ADMINS(200),
  },
  {
    kind: "route",
    method: "DELETE",
    path: "/api/v1/labels/:id",
    file: `${V1}/labels/[id]/route.ts`,
    load: () => import("@/app/api/v1/labels/[id]/route"),
    build: async (k) => {
      const labelId = await k.unusedLabel();
      return { url: `/api/v1/labels/${labelId}`, params: id(labelId) };
    },
    expect: ADMINS(204),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/projects/:id/assignments",
    file: `${V1}/projects/[id]/assignments/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/assignments/route"),
    build: async (k) => ({ url: `/api/v1/projects/${k.fx.projectId}/assignments`, params: id(k.fx.projectId) }),
    expect: REVIEWERS(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/projects/:id/assignments",
    file: `${V1}/projects/[id]/assignments/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/assignments/route"),
    build: async (k) => {
      await k.freshDoc();
      return { url: `/api/v1/projects/${k.fx.projectId}/assignments`, params: id(k.fx.projectId) };
    },
    expect: ADMINS(200),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/projects/:id/agreement",
    file: `${V1}/projects/[id]/agreement/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/agreement/route"),
    build: async (k) => ({ url: `/api/v1/projects/${k.fx.projectId}/agreement`, params: id(k.fx.projectId) }),
    expect: REVIEWERS(200),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/projects/:id/entities",
    file: `${V1}/projects/[id]/entities/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/entities/route"),
    build: async (k) => ({ url: `/api/v1/projects/${k.fx.projectId}/entities`, params: id(k.fx.projectId) }),
    expect: MEMBERS(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/projects/:id/entities",
    file: `${V1}/projects/[id]/entities/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/entities/route"),
    build: async (k) => ({
      url: `/api/v1/projects/${k.fx.projectId}/entities`,
      params: id(k.fx.projectId),
      body: { name: k.unique("Entity"), type: "PERSON" },
    }),
    expect: MEMBERS(201),
    note: "the registry is shared by the project's members",
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/projects/:id/stance-targets",
    file: `${V1}/projects/[id]/stance-targets/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/stance-targets/route"),
    build: async (k) => ({ url: `/api/v1/projects/${k.fx.projectId}/stance-targets`, params: id(k.fx.projectId) }),
    expect: MEMBERS(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/projects/:id/stance-targets",
    file: `${V1}/projects/[id]/stance-targets/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/stance-targets/route"),
    build: async (k) => ({ url: `/api/v1/projects/${k.fx.projectId}/stance-targets`, params: id(k.fx.projectId), body: { text: k.unique("Target") } }),
    expect: REVIEWERS(201),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/projects/:id/stances",
    file: `${V1}/projects/[id]/stances/route.ts`,
    load: () => import("@/app/api/v1/projects/[id]/stances/route"),
    build: async (k) => ({ url: `/api/v1/projects/${k.fx.projectId}/stances`, params: id(k.fx.projectId) }),
    expect: MEMBERS(200),
    note: "annotators see their own layers' stances",
  },
  {
    kind: "route",
    method: "PATCH",
    path: "/api/v1/stance-targets/:id",
    file: `${V1}/stance-targets/[id]/route.ts`,
    load: () => import("@/app/api/v1/stance-targets/[id]/route"),
    build: async (k) => {
      const t = await k.target();
      return { url: `/api/v1/stance-targets/${t}`, params: id(t), body: { description: k.unique("about") } };
    },
    expect: REVIEWERS(200),
  },
  {
    kind: "route",
    method: "DELETE",
    path: "/api/v1/stance-targets/:id",
    file: `${V1}/stance-targets/[id]/route.ts`,
    load: () => import("@/app/api/v1/stance-targets/[id]/route"),
    build: async (k) => {
      const t = await k.target();
      return { url: `/api/v1/stance-targets/${t}`, params: id(t) };
    },
    expect: REVIEWERS(204),
  },

  // registry entities
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/entities/:id",
    file: `${V1}/entities/[id]/route.ts`,
    load: () => import("@/app/api/v1/entities/[id]/route"),
    build: async (k) => ({ url: `/api/v1/entities/${k.fx.entityId}`, params: id(k.fx.entityId) }),
    expect: MEMBERS(200),
  },
  {
    kind: "route",
    method: "PATCH",
    path: "/api/v1/entities/:id",
    file: `${V1}/entities/[id]/route.ts`,
    load: () => import("@/app/api/v1/entities/[id]/route"),
    build: async (k) => ({ url: `/api/v1/entities/${k.fx.entityId}`, params: id(k.fx.entityId), body: { note: k.unique("note") } }),
    expect: MEMBERS(200),
    note: "the registry is shared by the project's members",
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/entities/:id/aliases",
    file: `${V1}/entities/[id]/aliases/route.ts`,
    load: () => import("@/app/api/v1/entities/[id]/aliases/route"),
    build: async (k) => ({ url: `/api/v1/entities/${k.fx.entityId}/aliases`, params: id(k.fx.entityId), body: { alias: k.unique("Alias") } }),
    expect: MEMBERS(201),
  },
  {
    kind: "route",
    method: "DELETE",
    path: "/api/v1/entities/:id/aliases/:aliasId",
    file: `${V1}/entities/[id]/aliases/[aliasId]/route.ts`,
    load: () => import("@/app/api/v1/entities/[id]/aliases/[aliasId]/route"),
    build: async (k) => {
      const a = await k.alias();
      return { url: `/api/v1/entities/${k.fx.entityId}/aliases/${a}`, params: { id: k.fx.entityId, aliasId: a } };
    },
    expect: MEMBERS(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/entities/:id/merge",
    file: `${V1}/entities/[id]/merge/route.ts`,
    load: () => import("@/app/api/v1/entities/[id]/merge/route"),
    build: async (k) => {
      const e = await k.entityToMerge();
      return { url: `/api/v1/entities/${e}/merge`, params: id(e), body: { intoId: k.fx.entityId } };
    },
    expect: REVIEWERS(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/entity-merges/:id/undo",
    file: `${V1}/entity-merges/[id]/undo/route.ts`,
    load: () => import("@/app/api/v1/entity-merges/[id]/undo/route"),
    build: async (k) => {
      const m = await k.entityMerge();
      return { url: `/api/v1/entity-merges/${m}/undo`, params: id(m) };
    },
    expect: REVIEWERS(200),
  },

  // corpus in and out, the work queue
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/search?project=P",
    file: `${V1}/search/route.ts`,
    load: () => import("@/app/api/v1/search/route"),
    build: async (k) => ({ url: `/api/v1/search?q=${encodeURIComponent("officials label:PERSON")}&project=${k.fx.projectSlug}` }),
    expect: MEMBERS(200),
    note: "what the document pages show the caller: their projects, the layers they see, pseudonyms under blind review",
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/export?project=P",
    file: `${V1}/export/route.ts`,
    load: () => import("@/app/api/v1/export/route"),
    build: async (k) => ({ url: `/api/v1/export?project=${k.fx.projectSlug}&layer=annotators&status=all` }),
    expect: REVIEWERS(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/import?project=P",
    file: `${V1}/import/route.ts`,
    load: () => import("@/app/api/v1/import/route"),
    build: async (k) => ({
      url: `/api/v1/import?project=${k.fx.projectSlug}&filename=${k.unique("brief")}.txt`,
      raw: { body: k.words(40), contentType: "text/plain" },
    }),
    expect: ADMINS(200),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/queue/next",
    file: `${V1}/queue/next/route.ts`,
    load: () => import("@/app/api/v1/queue/next/route"),
    build: async (k) => {
      await k.freshDoc();
      await k.freshDoc("other");
      return { url: "/api/v1/queue/next" };
    },
    expect: { annotator: 200, otherAnnotator: 200, outsider: 404, reviewer: 404, admin: 404 },
    mayNotChange: true,
    note: "seats go to annotators of the caller's own projects; anyone else: nothing left (404)",
  },

  // users, and the API's own description
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/users",
    file: `${V1}/users/route.ts`,
    load: () => import("@/app/api/v1/users/route"),
    build: async () => ({ url: "/api/v1/users" }),
    expect: ADMINS(200),
    note: "user lists are for admins only (blind review)",
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/v1/users",
    file: `${V1}/users/route.ts`,
    load: () => import("@/app/api/v1/users/route"),
    build: async (k) => ({
      url: "/api/v1/users",
      body: { email: `${k.unique("new")}@test.local`, name: k.unique("New"), role: "ANNOTATOR", projectIds: [k.fx.projectId] },
    }),
    expect: ADMINS(201),
  },
  {
    kind: "route",
    method: "PATCH",
    path: "/api/v1/users/:id",
    file: `${V1}/users/[id]/route.ts`,
    load: () => import("@/app/api/v1/users/[id]/route"),
    build: async (k) => {
      const userId = await k.user();
      return { url: `/api/v1/users/${userId}`, params: id(userId), body: { role: "REVIEWER", active: false } };
    },
    expect: ADMINS(200),
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/v1/openapi.json",
    file: `${V1}/openapi.json/route.ts`,
    load: () => import("@/app/api/v1/openapi.json/route"),
    build: async () => ({ url: "/api/v1/openapi.json" }),
    expect: EVERYONE(200),
    unauthenticated: 200,
    note: "public: describes the API, holds no data",
  },

  // not the API's: unknown paths and Auth.js
  ...(["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((method): RouteEntry => ({
    kind: "route",
    method,
    path: "/api/v1/<unknown>",
    file: `${V1}/[...path]/route.ts`,
    load: () => import("@/app/api/v1/[...path]/route"),
    build: async () => ({ url: "/api/v1/no/such/thing", params: { path: "no/such/thing" } as unknown as Record<string, string> }),
    expect: EVERYONE(404),
    unauthenticated: 404,
    note: "JSON 404 before any authentication: says nothing about what exists",
  })),
  {
    kind: "route",
    method: "GET",
    path: "/api/auth/session",
    file: "app/api/auth/[...nextauth]/route.ts",
    load: () => import("@/app/api/auth/[...nextauth]/route"),
    build: async () => ({ url: "/api/auth/session", nextRequest: true }),
    expect: EVERYONE(200),
    unauthenticated: 200,
    note: "Auth.js: public; a bearer token is not a session (answers null)",
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/auth/signout (no CSRF token)",
    file: "app/api/auth/[...nextauth]/route.ts",
    load: () => import("@/app/api/auth/[...nextauth]/route"),
    build: async () => ({ url: "/api/auth/signout", nextRequest: true, raw: { body: "callbackUrl=%2F", contentType: "application/x-www-form-urlencoded" } }),
    expect: EVERYONE(302),
    unauthenticated: 302,
    mayNotChange: true,
    note: "Auth.js: public; without its CSRF token nothing happens (redirect to its error page)",
  },
];

const A = "app/(workbench)";
const actions: ActionEntry[] = [
  {
    kind: "action",
    file: "app/(auth)/signin/actions.ts",
    action: "signInAction",
    operation: "Auth.js signIn",
    run: null,
    expect: null,
    note: "public; needs a Next.js request, so not walked here (sign-in is covered by the e2e suite)",
  },
  {
    kind: "action",
    file: `${A}/actions.ts`,
    action: "nextDocumentAction",
    operation: "nextDocument",
    run: async () => async (actor) => (await import("@/lib/assignments/next-document")).nextDocument({ actor }),
    expect: EVERYONE(200),
    mayNotChange: true,
  },
  {
    kind: "action",
    file: `${A}/admin/users/actions.ts`,
    action: "createUserAction",
    operation: "addUser",
    run: async (k) => async (actor) =>
      (await import("@/lib/users/add-user")).addUser({
        actor,
        input: { email: `${k.unique("new")}@test.local`, name: k.unique("New"), role: "ANNOTATOR", projectIds: [k.fx.projectId] },
      }),
    expect: ADMINS(200),
  },
  {
    kind: "action",
    file: `${A}/admin/users/actions.ts`,
    action: "userRowAction",
    intent: "role",
    operation: "changeUserRole",
    run: async (k) => {
      const userId = await k.user();
      return async (actor) => (await import("@/lib/users/change-user-role")).changeUserRole({ actor, userId, role: "REVIEWER" });
    },
    expect: ADMINS(200),
  },
  {
    kind: "action",
    file: `${A}/admin/users/actions.ts`,
    action: "userRowAction",
    intent: "deactivate",
    operation: "setUserActive(false)",
    run: async (k) => {
      const userId = await k.user();
      return async (actor) => (await import("@/lib/users/set-user-active")).setUserActive({ actor, userId, active: false });
    },
    expect: ADMINS(200),
  },
  {
    kind: "action",
    file: `${A}/admin/users/actions.ts`,
    action: "userRowAction",
    intent: "reactivate",
    operation: "setUserActive(true)",
    run: async (k) => {
      const userId = await k.user({ inactive: true });
      return async (actor) => (await import("@/lib/users/set-user-active")).setUserActive({ actor, userId, active: true });
    },
    expect: ADMINS(200),
  },
  {
    kind: "action",
    file: `${A}/admin/users/actions.ts`,
    action: "userRowAction",
    intent: "reset",
    operation: "resetPassword",
    run: async (k) => {
      const userId = await k.user();
      return async (actor) => (await import("@/lib/users/reset-password")).resetPassword({ actor, userId });
    },
    expect: ADMINS(200),
  },
  {
    kind: "action",
    file: `${A}/profile/actions.ts`,
    action: "createTokenAction",
    operation: "createApiToken (own)",
    run: async () => async (actor) => (await import("@/lib/auth/api-tokens")).createApiToken({ userId: actor.id, name: "matrix" }),
    expect: EVERYONE(200),
    note: "a token of one's own",
  },
  {
    kind: "action",
    file: `${A}/profile/actions.ts`,
    action: "revokeTokenAction",
    operation: "revokeApiToken",
    run: async (k) => {
      const tokenId = await k.ownerToken();
      return async (actor) => (await import("@/lib/auth/api-tokens")).revokeApiToken({ actor, tokenId });
    },
    expect: OWNER(200),
    note: "the owner's token: nobody else's",
  },
  {
    kind: "action",
    file: `${A}/projects/actions.ts`,
    action: "createProjectAction",
    operation: "createProject",
    run: async (k) => async (actor) =>
      (await import("@/lib/projects/create-project")).createProject({ actor, input: { name: k.unique("Project"), addAllUsers: false } }),
    expect: ADMINS(200),
  },
  {
    kind: "action",
    file: `${A}/projects/[id]/actions.ts`,
    action: "updateSettingsAction",
    operation: "updateProject",
    run: async (k) => async (actor) =>
      (await import("@/lib/projects/update-project")).updateProject({ actor, projectId: k.fx.projectId, input: { guidelines: k.unique("Guidelines") } }),
    expect: ADMINS(200),
  },
  {
    kind: "action",
    file: `${A}/projects/[id]/actions.ts`,
    action: "labelRowAction",
    operation: "updateLabel",
    run: async (k) => async (actor) =>
      (await import("@/lib/projects/label-schema")).updateLabel({ actor, labelId: k.fx.labelId, input: { description: k.unique("about") } }),
    expect: ADMINS(200),
  },
  {
    kind: "action",
    file: `${A}/projects/[id]/actions.ts`,
    action: "labelRowAction",
    intent: "delete",
    operation: "deleteLabel",
    run: async (k) => {
      const labelId = await k.unusedLabel();
      return async (actor) => (await import("@/lib/projects/label-schema")).deleteLabel({ actor, labelId });
    },
    expect: ADMINS(200),
  },
  {
    kind: "action",
    file: `${A}/projects/[id]/actions.ts`,
    action: "addLabelAction",
    operation: "addLabel",
    run: async (k) => async (actor) =>
      (await import("@/lib/projects/label-schema")).addLabel({ actor, projectId: k.fx.projectId, input: { name: k.labelName(), kind: "ENTITY" } }),
    expect: ADMINS(200),
  },
  {
    kind: "action",
    file: `${A}/projects/[id]/actions.ts`,
    action: "moveLabelAction",
    operation: "moveLabel",
    run: async (k) => async (actor) => (await import("@/lib/projects/label-schema")).moveLabel({ actor, labelId: k.fx.labelId, direction: "up" }),
    expect: ADMINS(200),
  },
  {
    kind: "action",
    file: `${A}/projects/[id]/actions.ts`,
    action: "addMemberAction",
    operation: "addMember",
    run: async (k) => {
      const userId = await k.user({ member: false });
      return async (actor) => (await import("@/lib/projects/members")).addMember({ actor, projectId: k.fx.projectId, member: { userId } });
    },
    expect: ADMINS(200),
  },
  {
    kind: "action",
    file: `${A}/projects/[id]/actions.ts`,
    action: "removeMemberAction",
    operation: "removeMember",
    run: async (k) => {
      const userId = await k.user();
      return async (actor) => (await import("@/lib/projects/members")).removeMember({ actor, projectId: k.fx.projectId, userId });
    },
    expect: ADMINS(200),
  },
  {
    kind: "action",
    file: `${A}/projects/[id]/assignments/actions.ts`,
    action: "setOverlapAction",
    operation: "setOverlap",
    run: async (k) => async (actor) =>
      (await import("@/lib/assignments/set-overlap")).setOverlap({ actor, projectId: k.fx.projectId, annotatorsPerDocument: 2 }),
    expect: ADMINS(200),
    mayNotChange: true,
  },
  {
    kind: "action",
    file: `${A}/projects/[id]/assignments/actions.ts`,
    action: "assignAction",
    operation: "assignDocuments",
    run: async (k) => {
      await k.freshDoc();
      return async (actor) =>
        (await import("@/lib/assignments/assign-documents")).assignDocuments({ actor, projectId: k.fx.projectId, annotatorIds: [k.fx.users.annotator] });
    },
    expect: ADMINS(200),
  },
  {
    kind: "action",
    file: `${A}/projects/[id]/assignments/actions.ts`,
    action: "unassignAction",
    operation: "unassign",
    run: async (k) => {
      const layerId = await k.openSeat();
      return async (actor) => (await import("@/lib/assignments/unassign")).unassign({ actor, layerId });
    },
    expect: ADMINS(200),
  },
];

export const ACCESS_MATRIX: MatrixEntry[] = [...routes, ...actions];

/** Status for an unauthenticated role of a route. */
export function routeStatus(entry: RouteEntry, role: MatrixRole): number {
  if (role === "anonymous" || role === "deactivated" || role === "revokedToken") return entry.unauthenticated ?? 401;
  return entry.expect[role];
}
