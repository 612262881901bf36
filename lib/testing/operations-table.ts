/**
 * Every exported domain operation that takes an acting user, and what each
 * role of the access matrix (./access-matrix.ts) gets from it when the
 * operation is called directly: the operation is the trust boundary, so it
 * must refuse by itself what its routes, actions and the CLI would refuse.
 * Walked by lib/authz/operations.int.test.ts on the fixture of
 * ./access-matrix-kit.ts.
 *
 * `permission` is the role check the operation makes itself (authorize(actor,
 * permission)): the test also calls it as the owner holding a role with no
 * permission at all, and expects 403 FORBIDDEN. Several permissions
 * ("layer:annotate", "entity:edit") are held by every real role, so only
 * that call shows the check is there.
 */
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/authz";
import type { ErrorCode } from "@/lib/errors";
import type { MatrixKit } from "./access-matrix-kit";
import type { SignedInRole } from "./access-matrix";
import { projectAgreement } from "@/lib/agreement/project-agreement";
import { deleteEndpoint, listEndpoints, saveEndpoint } from "@/lib/assist/endpoints";
import { cancelJob, getJob, listJobs } from "@/lib/assist/jobs/job-view";
import { startPreannotation } from "@/lib/assist/jobs/start-preannotation";
import { acceptModelSuggestions, rejectModelSuggestions } from "@/lib/suggestions/answer-suggestions";
import { openModelSuggestions } from "@/lib/suggestions/open-suggestions";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { listLayerAnnotations, listLayerPageSpans } from "@/lib/annotations/list-annotations";
import { deleteAnnotation, updateAnnotation } from "@/lib/annotations/update-annotation";
import { assignDocuments } from "@/lib/assignments/assign-documents";
import { assignmentOverview } from "@/lib/assignments/assignment-overview";
import { assignmentProject } from "@/lib/assignments/assignment-project";
import { claimableDocuments } from "@/lib/assignments/claimable-documents";
import { listAssignments } from "@/lib/assignments/list-assignments";
import { myQueue } from "@/lib/assignments/my-queue";
import { nextDocument } from "@/lib/assignments/next-document";
import { setOverlap } from "@/lib/assignments/set-overlap";
import { unassign } from "@/lib/assignments/unassign";
import { documentHistory, historyLines } from "@/lib/audit/document-history";
import { listApiTokens, revokeApiToken } from "@/lib/auth/api-tokens";
import { loadAnnotatePageData } from "@/lib/documents/annotate-page-data";
import { documentTextResponse } from "@/lib/documents/document-text";
import { getDocument, getDocumentWithText } from "@/lib/documents/get-document";
import { importDocument } from "@/lib/documents/import-document";
import { listDocuments } from "@/lib/documents/list-documents";
import { acceptSuggestions, dismissSuggestion } from "@/lib/entities/accept-suggestions";
import { addAlias, removeAlias } from "@/lib/entities/aliases";
import { entityWithMentions, listEntities } from "@/lib/entities/entity-mentions";
import { getEntity } from "@/lib/entities/get-entity";
import { createEntityFromMention, linkMention, mentionEntity } from "@/lib/entities/link-mention";
import { createEntity, updateEntity } from "@/lib/entities/save-entity";
import { findEntityMerge, listEntityMerges, mergeCounts, mergeEntities, undoEntityMerge } from "@/lib/entities/merge";
import { searchEntities } from "@/lib/entities/search-entities";
import { documentSuggestions } from "@/lib/entities/suggestions";
import { exportChunks, exportRecords, exportStream } from "@/lib/export/stream-export";
import { createGrade, deleteGrade, listGrades, updateGrade } from "@/lib/grades/grades";
import { listDocLabelSchema, saveDocLabelSchema } from "@/lib/doc-labels/doc-label-schema";
import { readDocLabels, setDocLabels } from "@/lib/doc-labels/doc-label-values";
import { loadReviewDocLabels, reviewDocLabel } from "@/lib/doc-labels/review-doc-labels";
import { acceptGrade, loadReviewGrades } from "@/lib/grades/review-grades";
import { importFiles } from "@/lib/import/import-files";
import { parseTextFile } from "@/lib/import/parse-stream";
import { runImport } from "@/lib/import/run-import";
import { otherAnnotatorSpans } from "@/lib/layers/other-layers";
import { submitLayer } from "@/lib/layers/submit-layer";
import { createProject } from "@/lib/projects/create-project";
import { getManagedProject, getProject } from "@/lib/projects/get-project";
import { addLabel, listSchemaLabels, moveLabel, updateLabel, deleteLabel } from "@/lib/projects/label-schema";
import { listProjects, projectChoices } from "@/lib/projects/list-projects";
import { addMember, listMembers, listMembersPage, listNonMembers, removeMember } from "@/lib/projects/members";
import { updateProject } from "@/lib/projects/update-project";
import { getQuoteLinks, setQuoteLinks } from "@/lib/quotes/quote-links";
import { openDocumentStream } from "@/lib/realtime/open-document-stream";
import { acceptAnnotation, rejectAnnotation } from "@/lib/review/adjudicate";
import { approveDocument, rejectLayer } from "@/lib/review/decide";
import { loadReview } from "@/lib/review/load-review";
import { mergeAgreed } from "@/lib/review/merge-agreed";
import { acceptStance, rejectStance } from "@/lib/review/adjudicate-stances";
import { acceptQuoteLink, rejectQuoteLink } from "@/lib/review/adjudicate-quote-links";
import { loadReviewStances } from "@/lib/review/review-stances";
import { ownLayerFeedback, ownLayerStatus } from "@/lib/review/own-feedback";
import { loadReviewPage } from "@/lib/review/review-page-data";
import { reviewQueue, waitingReviewCount } from "@/lib/review/review-queue";
import { searchCorpus } from "@/lib/search/search-corpus";
import { projectStances } from "@/lib/stances/project-stances";
import { createStance, deleteStance, listStances, updateStance } from "@/lib/stances/stances";
import { createTarget, deleteTarget, listTargets, updateTarget } from "@/lib/stances/targets";
import { createThread, editPost, listThreads, replyToThread, setThreadResolved } from "@/lib/threads/threads";
import { listInbox, markMentionsRead, unreadCount } from "@/lib/threads/inbox";
import { copyToSyndicated } from "@/lib/syndication/copy-to-syndicated";
import { documentSyndication } from "@/lib/syndication/project-syndication";
import { addUser } from "@/lib/users/add-user";
import { changeUserRole } from "@/lib/users/change-user-role";
import { updateUser } from "@/lib/users/update-user";
import { viewProject } from "@/lib/projects/project-view";
import { listUsers } from "@/lib/users/list-users";
import { resetPassword } from "@/lib/users/reset-password";
import { setUserActive } from "@/lib/users/set-user-active";
import { listUserAudit } from "@/lib/users/user-audit";

/** "allowed": the call succeeds; otherwise the code of the AppError it must throw. */
export type Outcome = "allowed" | Extract<ErrorCode, "FORBIDDEN" | "NOT_FOUND">;
export type OperationExpect = Record<SignedInRole, Outcome>;

export type OperationRow = {
  /** the file that exports the operation */
  module: string;
  name: string;
  /** the role check the operation makes itself: a role without it gets FORBIDDEN */
  permission?: Permission;
  expect: OperationExpect;
  /** makes, before each call, what a call uses up or changes (a span to delete, a user to demote…) */
  fresh?: (kit: MatrixKit) => Promise<unknown>;
  call: (kit: MatrixKit, actor: Actor, item: unknown) => Promise<unknown>;
};

function op<T = undefined>(
  row: Omit<OperationRow, "fresh" | "call"> & { fresh?: (kit: MatrixKit) => Promise<T>; call: (kit: MatrixKit, actor: Actor, item: T) => Promise<unknown> },
) {
  return row as OperationRow;
}

const ALLOWED = "allowed";
// Expectation shapes that recur (the access matrix's, in outcomes).
const MEMBERS: OperationExpect = { annotator: ALLOWED, otherAnnotator: ALLOWED, outsider: "NOT_FOUND", reviewer: ALLOWED, admin: ALLOWED };
const OWNER: OperationExpect = { annotator: ALLOWED, otherAnnotator: "NOT_FOUND", outsider: "NOT_FOUND", reviewer: "NOT_FOUND", admin: "NOT_FOUND" };
const REVIEWERS: OperationExpect = { annotator: "FORBIDDEN", otherAnnotator: "FORBIDDEN", outsider: "NOT_FOUND", reviewer: ALLOWED, admin: ALLOWED };
/** a role-gated read of the caller's own projects: the other project's reviewer reads theirs */
const REVIEWERS_OWN: OperationExpect = { annotator: "FORBIDDEN", otherAnnotator: "FORBIDDEN", outsider: ALLOWED, reviewer: ALLOWED, admin: ALLOWED };
const ADMINS: OperationExpect = { annotator: "FORBIDDEN", otherAnnotator: "FORBIDDEN", outsider: "FORBIDDEN", reviewer: "FORBIDDEN", admin: ALLOWED };
const EVERYONE: OperationExpect = { annotator: ALLOWED, otherAnnotator: ALLOWED, outsider: ALLOWED, reviewer: ALLOWED, admin: ALLOWED };

/** Reads a stream or a generator to its end, so that the work behind it runs. */
async function drain(source: AsyncIterable<unknown> | ReadableStream<Uint8Array>) {
  if (source instanceof ReadableStream) {
    const reader = source.getReader();
    while (!(await reader.read()).done);
    return;
  }
  for await (const chunk of source) void chunk;
}

async function* textChunks(text: string) {
  yield text;
}

const exportOptions = (k: MatrixKit) => ({ project: k.fx.projectSlug, layer: "annotators", status: "all" as const });

export const OPERATIONS: OperationRow[] = [
  // assisted labeling: model endpoints, pre-annotation jobs, model suggestions
  op({
    module: "lib/assist/endpoints.ts",
    name: "listEndpoints",
    permission: "assist:run",
    expect: REVIEWERS,
    call: (k, actor) => listEndpoints({ actor, projectId: k.fx.projectId }),
  }),
  op({
    module: "lib/assist/endpoints.ts",
    name: "saveEndpoint",
    permission: "project:manage",
    expect: ADMINS,
    call: (k, actor) =>
      saveEndpoint({ actor, projectId: k.fx.projectId, input: { name: k.unique("local"), baseUrl: "http://localhost:11434/v1", model: "m" } }),
  }),
  op({
    module: "lib/assist/endpoints.ts",
    name: "deleteEndpoint",
    permission: "project:manage",
    expect: ADMINS,
    fresh: (k) => k.modelEndpoint(),
    call: (_k, actor, id) => deleteEndpoint({ actor, endpointId: id }),
  }),
  op({
    module: "lib/assist/jobs/start-preannotation.ts",
    name: "startPreannotation",
    permission: "assist:run",
    expect: REVIEWERS,
    call: (k, actor) => startPreannotation({ actor, projectId: k.fx.projectId, input: { model: "builtin", documentIds: [k.fx.docMain] } }),
  }),
  op({
    module: "lib/assist/jobs/job-view.ts",
    name: "getJob",
    permission: "assist:run",
    expect: REVIEWERS,
    fresh: (k) => k.job(),
    call: (_k, actor, id) => getJob({ actor, jobId: id }),
  }),
  op({
    module: "lib/assist/jobs/job-view.ts",
    name: "listJobs",
    permission: "assist:run",
    expect: REVIEWERS,
    call: (k, actor) => listJobs({ actor, projectId: k.fx.projectId }),
  }),
  op({
    module: "lib/assist/jobs/job-view.ts",
    name: "cancelJob",
    permission: "assist:run",
    expect: REVIEWERS,
    fresh: (k) => k.job(),
    call: (_k, actor, id) => cancelJob({ actor, jobId: id }),
  }),
  op({
    module: "lib/suggestions/open-suggestions.ts",
    name: "openModelSuggestions",
    permission: "layer:annotate",
    expect: MEMBERS,
    call: (k, actor) => openModelSuggestions({ actor, documentId: k.fx.docMain }),
  }),
  op({
    module: "lib/suggestions/answer-suggestions.ts",
    name: "acceptModelSuggestions",
    permission: "layer:annotate",
    expect: MEMBERS,
    fresh: (k) => k.modelSuggestion(),
    call: (k, actor, id) => acceptModelSuggestions({ actor, documentId: k.fx.docMain, input: { ids: [id] } }),
  }),
  op({
    module: "lib/suggestions/answer-suggestions.ts",
    name: "rejectModelSuggestions",
    permission: "layer:annotate",
    expect: MEMBERS,
    fresh: (k) => k.modelSuggestion(),
    call: (k, actor, id) => rejectModelSuggestions({ actor, documentId: k.fx.docMain, input: { ids: [id] } }),
  }),
  // agreement
  op({
    module: "lib/agreement/project-agreement.ts",
    name: "projectAgreement",
    permission: "project:dashboard",
    expect: REVIEWERS,
    call: (k, actor) => projectAgreement({ actor, projectId: k.fx.projectId }),
  }),

  // annotations
  op({
    module: "lib/annotations/create-annotation.ts",
    name: "createAnnotation",
    permission: "layer:annotate",
    expect: MEMBERS,
    call: (k, actor) => createAnnotation({ actor, documentId: k.fx.docMain, input: { start: 0, end: 6, label: "PERSON" } }),
  }),
  op({
    module: "lib/annotations/list-annotations.ts",
    name: "listLayerAnnotations",
    expect: MEMBERS,
    call: (k, actor) => listLayerAnnotations({ actor, documentId: k.fx.docMain }),
  }),
  op({
    module: "lib/annotations/list-annotations.ts",
    name: "listLayerPageSpans",
    expect: MEMBERS,
    call: (k, actor) => listLayerPageSpans({ actor, documentId: k.fx.docMain }),
  }),
  op({
    module: "lib/annotations/update-annotation.ts",
    name: "updateAnnotation",
    permission: "layer:annotate",
    expect: OWNER,
    fresh: (k) => k.span(),
    call: (_k, actor, s) => updateAnnotation({ actor, annotationId: s.id, input: { label: "ORG", version: s.version } }),
  }),
  op({
    module: "lib/annotations/update-annotation.ts",
    name: "deleteAnnotation",
    permission: "layer:annotate",
    expect: OWNER,
    fresh: (k) => k.span(),
    call: (_k, actor, s) => deleteAnnotation({ actor, annotationId: s.id, version: s.version }),
  }),

  // assignments
  op({
    module: "lib/assignments/assign-documents.ts",
    name: "assignDocuments",
    permission: "assignment:manage",
    expect: ADMINS,
    fresh: (k) => k.freshDoc(),
    call: (k, actor, doc) => assignDocuments({ actor, projectId: k.fx.projectId, annotatorIds: [k.fx.users.annotator], documentIds: [doc.id] }),
  }),
  op({
    module: "lib/assignments/assignment-overview.ts",
    name: "assignmentOverview",
    permission: "assignment:read",
    expect: REVIEWERS,
    call: (k, actor) => assignmentOverview({ actor, projectId: k.fx.projectId }),
  }),
  op({
    module: "lib/assignments/assignment-project.ts",
    name: "assignmentProject",
    permission: "assignment:read",
    expect: REVIEWERS,
    call: (k, actor) => assignmentProject({ actor, projectId: k.fx.projectId, permission: "assignment:read" }),
  }),
  op({
    module: "lib/assignments/claimable-documents.ts",
    name: "claimableDocuments",
    expect: EVERYONE,
    call: (_k, actor) => claimableDocuments({ actor }),
  }),
  op({
    module: "lib/assignments/list-assignments.ts",
    name: "listAssignments",
    permission: "assignment:read",
    expect: REVIEWERS,
    call: (k, actor) => listAssignments({ actor, projectId: k.fx.projectId }),
  }),
  op({
    module: "lib/assignments/my-queue.ts",
    name: "myQueue",
    permission: "layer:annotate",
    expect: EVERYONE,
    call: (_k, actor) => myQueue({ actor }),
  }),
  op({
    module: "lib/assignments/next-document.ts",
    name: "nextDocument",
    permission: "layer:annotate",
    expect: EVERYONE,
    call: (_k, actor) => nextDocument({ actor }),
  }),
  op({
    module: "lib/assignments/set-overlap.ts",
    name: "setOverlap",
    permission: "assignment:manage",
    expect: ADMINS,
    call: (k, actor) => setOverlap({ actor, projectId: k.fx.projectId, annotatorsPerDocument: 2 }),
  }),
  op({
    module: "lib/assignments/unassign.ts",
    name: "unassign",
    permission: "assignment:manage",
    expect: ADMINS,
    fresh: (k) => k.openSeat(),
    call: (_k, actor, layerId) => unassign({ actor, layerId }),
  }),

  // audit
  op({
    module: "lib/audit/document-history.ts",
    name: "documentHistory",
    permission: "history:view",
    expect: REVIEWERS,
    call: (k, actor) => documentHistory({ actor, documentId: k.fx.docMain }),
  }),
  op({
    module: "lib/audit/document-history.ts",
    name: "historyLines",
    permission: "history:view",
    expect: REVIEWERS,
    call: (k, actor) => drain(historyLines({ actor, documentId: k.fx.docMain })),
  }),

  // API tokens (one's own)
  op({
    module: "lib/auth/api-tokens.ts",
    name: "listApiTokens",
    expect: EVERYONE,
    call: (_k, actor) => listApiTokens({ actor }),
  }),
  op({
    module: "lib/auth/api-tokens.ts",
    name: "revokeApiToken",
    expect: OWNER,
    fresh: (k) => k.ownerToken(),
    call: (_k, actor, tokenId) => revokeApiToken({ actor, tokenId }),
  }),

  // documents
  op({
    module: "lib/documents/annotate-page-data.ts",
    name: "loadAnnotatePageData",
    expect: MEMBERS,
    call: (k, actor) => loadAnnotatePageData({ actor, documentId: k.fx.docMain }),
  }),
  op({
    module: "lib/documents/document-text.ts",
    name: "documentTextResponse",
    expect: MEMBERS,
    call: async (k, actor) => (await documentTextResponse({ actor, documentId: k.fx.docMain, ifNoneMatch: null })).text(),
  }),
  op({
    module: "lib/documents/get-document.ts",
    name: "getDocument",
    expect: MEMBERS,
    call: (k, actor) => getDocument({ actor, documentId: k.fx.docMain }),
  }),
  op({
    module: "lib/documents/get-document.ts",
    name: "getDocumentWithText",
    expect: MEMBERS,
    call: (k, actor) => getDocumentWithText({ actor, documentId: k.fx.docMain }),
  }),
  op({
    module: "lib/documents/import-document.ts",
    name: "importDocument",
    permission: "document:import",
    expect: ADMINS,
    call: (k, actor) => importDocument({ actor, input: { title: k.unique("Doc"), text: k.words(30), project: k.fx.projectSlug } }),
  }),
  op({
    module: "lib/documents/list-documents.ts",
    name: "listDocuments",
    expect: EVERYONE,
    call: (_k, actor) => listDocuments({ actor }),
  }),

  // registry entities and mentions
  op({
    module: "lib/entities/accept-suggestions.ts",
    name: "acceptSuggestions",
    permission: "layer:annotate",
    expect: MEMBERS,
    call: (k, actor) => acceptSuggestions({ actor, documentId: k.fx.docMain, input: { entityId: k.fx.suggestion.entityId, ...k.fx.suggestion.accept } }),
  }),
  op({
    module: "lib/entities/accept-suggestions.ts",
    name: "dismissSuggestion",
    permission: "layer:annotate",
    expect: MEMBERS,
    call: (k, actor) => dismissSuggestion({ actor, documentId: k.fx.docMain, input: { entityId: k.fx.suggestion.entityId, ...k.fx.suggestion.dismiss } }),
  }),
  op({
    module: "lib/entities/aliases.ts",
    name: "addAlias",
    permission: "entity:edit",
    expect: MEMBERS,
    call: (k, actor) => addAlias({ actor, entityId: k.fx.entityId, alias: k.unique("Alias") }),
  }),
  op({
    module: "lib/entities/aliases.ts",
    name: "removeAlias",
    permission: "entity:edit",
    expect: MEMBERS,
    fresh: (k) => k.alias(),
    call: (k, actor, aliasId) => removeAlias({ actor, entityId: k.fx.entityId, aliasId }),
  }),
  op({
    module: "lib/entities/entity-mentions.ts",
    name: "entityWithMentions",
    expect: MEMBERS,
    call: (k, actor) => entityWithMentions({ actor, entityId: k.fx.entityId }),
  }),
  op({
    module: "lib/entities/entity-mentions.ts",
    name: "listEntities",
    expect: MEMBERS,
    call: (k, actor) => listEntities({ actor, projectId: k.fx.projectId }),
  }),
  op({
    module: "lib/entities/get-entity.ts",
    name: "getEntity",
    expect: MEMBERS,
    call: (k, actor) => getEntity({ actor, entityId: k.fx.entityId }),
  }),
  op({
    module: "lib/entities/merge.ts",
    name: "mergeEntities",
    permission: "entity:merge",
    expect: REVIEWERS,
    fresh: (k) => k.entityToMerge(),
    call: (k, actor, entityId) => mergeEntities({ actor, entityId, intoId: k.fx.entityId }),
  }),
  op({
    module: "lib/entities/merge.ts",
    name: "mergeCounts",
    permission: "entity:merge",
    expect: REVIEWERS,
    call: (k, actor) => mergeCounts({ actor, entityId: k.fx.entityId }),
  }),
  op({
    module: "lib/entities/merge.ts",
    name: "undoEntityMerge",
    permission: "entity:merge",
    expect: REVIEWERS,
    fresh: (k) => k.entityMerge(),
    call: (_k, actor, mergeId) => undoEntityMerge({ actor, mergeId }),
  }),
  op({
    module: "lib/entities/merge.ts",
    name: "listEntityMerges",
    permission: "entity:merge",
    expect: REVIEWERS,
    call: (k, actor) => listEntityMerges({ actor, projectId: k.fx.projectId }),
  }),
  op({
    module: "lib/entities/merge.ts",
    name: "findEntityMerge",
    permission: "entity:merge",
    expect: REVIEWERS,
    fresh: (k) => k.entityMerge(),
    call: (k, actor, mergeId) => findEntityMerge({ actor, mergeId, intoId: k.fx.entityId }),
  }),
  op({
    module: "lib/entities/link-mention.ts",
    name: "createEntityFromMention",
    permission: "entity:edit",
    expect: OWNER,
    fresh: (k) => k.span(),
    call: (k, actor, s) => createEntityFromMention({ actor, annotationId: s.id, version: s.version, create: { name: k.unique("Entity") } }),
  }),
  op({
    module: "lib/entities/link-mention.ts",
    name: "linkMention",
    permission: "entity:edit",
    expect: OWNER,
    fresh: (k) => k.span(),
    call: (k, actor, s) => linkMention({ actor, annotationId: s.id, entityId: k.fx.entityId, version: s.version }),
  }),
  op({
    module: "lib/entities/link-mention.ts",
    name: "mentionEntity",
    expect: OWNER,
    fresh: (k) => k.span(),
    call: (_k, actor, s) => mentionEntity({ actor, annotationId: s.id }),
  }),
  op({
    module: "lib/entities/save-entity.ts",
    name: "createEntity",
    permission: "entity:edit",
    expect: MEMBERS,
    call: (k, actor) => createEntity({ actor, projectId: k.fx.projectId, input: { name: k.unique("Entity"), type: "PERSON" } }),
  }),
  op({
    module: "lib/entities/save-entity.ts",
    name: "updateEntity",
    permission: "entity:edit",
    expect: MEMBERS,
    call: (k, actor) => updateEntity({ actor, entityId: k.fx.entityId, input: { note: k.unique("note") } }),
  }),
  op({
    module: "lib/entities/search-entities.ts",
    name: "searchEntities",
    expect: MEMBERS,
    call: (k, actor) => searchEntities({ actor, projectId: k.fx.projectId, q: "Zoltan" }),
  }),
  op({
    module: "lib/entities/suggestions.ts",
    name: "documentSuggestions",
    expect: MEMBERS,
    call: (k, actor) => documentSuggestions({ actor, documentId: k.fx.docMain }),
  }),

  // export
  op({
    module: "lib/export/stream-export.ts",
    name: "exportChunks",
    permission: "corpus:export",
    expect: REVIEWERS,
    call: async (k, actor) => drain(await exportChunks({ actor, options: exportOptions(k) })),
  }),
  op({
    module: "lib/export/stream-export.ts",
    name: "exportRecords",
    permission: "corpus:export",
    expect: REVIEWERS,
    call: (k, actor) => drain(exportRecords({ actor, options: exportOptions(k) })),
  }),
  op({
    module: "lib/export/stream-export.ts",
    name: "exportStream",
    permission: "corpus:export",
    expect: REVIEWERS,
    call: async (k, actor) => drain(await exportStream({ actor, options: exportOptions(k) })),
  }),

  // source grades
  op({
    module: "lib/grades/grades.ts",
    name: "createGrade",
    permission: "layer:annotate",
    expect: MEMBERS,
    call: (k, actor) => createGrade({ actor, documentId: k.fx.docMain, input: { reliability: "B", credibility: 2 } }),
  }),
  op({
    module: "lib/grades/grades.ts",
    name: "deleteGrade",
    permission: "layer:annotate",
    expect: OWNER,
    fresh: (k) => k.grade(),
    call: (_k, actor, g) => deleteGrade({ actor, gradeId: g.id, version: g.version }),
  }),
  op({
    module: "lib/grades/grades.ts",
    name: "listGrades",
    expect: MEMBERS,
    call: (k, actor) => listGrades({ actor, documentId: k.fx.docMain }),
  }),
  op({
    module: "lib/grades/grades.ts",
    name: "updateGrade",
    permission: "layer:annotate",
    expect: OWNER,
    fresh: (k) => k.grade(),
    call: (_k, actor, g) => updateGrade({ actor, gradeId: g.id, input: { credibility: 4, version: g.version } }),
  }),
  op({
    module: "lib/grades/review-grades.ts",
    name: "acceptGrade",
    permission: "review:decide",
    expect: REVIEWERS,
    fresh: (k) => k.submittedDoc(),
    call: (_k, actor, s) => acceptGrade({ actor, gradeId: s.gradeId }),
  }),
  op({
    module: "lib/grades/review-grades.ts",
    name: "loadReviewGrades",
    permission: "review:decide",
    expect: REVIEWERS,
    call: (k, actor) => loadReviewGrades({ actor, documentId: k.fx.docReview }),
  }),

  // import
  op({
    module: "lib/import/import-files.ts",
    name: "importFiles",
    permission: "document:import",
    expect: ADMINS,
    call: (k, actor) =>
      importFiles({ actor, options: { project: k.fx.projectSlug }, files: [{ name: `${k.unique("brief")}.txt`, chunks: textChunks(k.words(40)) }] }),
  }),
  op({
    module: "lib/import/run-import.ts",
    name: "runImport",
    permission: "document:import",
    expect: ADMINS,
    call: async (k, actor) => {
      const parsed = await parseTextFile(textChunks(k.words(40)), `${k.unique("brief")}.txt`);
      const results = (async function* () {
        yield parsed;
      })();
      return runImport({ actor, options: { project: k.fx.projectSlug }, parsed: { format: "txt", offsets: "codepoint", results } });
    },
  }),

  // layers
  op({
    module: "lib/layers/other-layers.ts",
    name: "otherAnnotatorSpans",
    expect: MEMBERS,
    call: (k, actor) => otherAnnotatorSpans({ actor, document: { id: k.fx.docMain, projectId: k.fx.projectId } }),
  }),
  op({
    module: "lib/layers/submit-layer.ts",
    name: "submitLayer",
    permission: "layer:annotate",
    expect: MEMBERS,
    fresh: (k) => k.docWithOwnerLayer(),
    call: (_k, actor, documentId) => submitLayer({ actor, documentId }),
  }),

  // projects
  op({
    module: "lib/projects/create-project.ts",
    name: "createProject",
    permission: "project:manage",
    expect: ADMINS,
    call: (k, actor) => createProject({ actor, input: { name: k.unique("Project"), addAllUsers: false } }),
  }),
  op({
    module: "lib/projects/get-project.ts",
    name: "getManagedProject",
    permission: "project:manage",
    expect: ADMINS,
    call: (k, actor) => getManagedProject({ actor, projectId: k.fx.projectId }),
  }),
  op({
    module: "lib/projects/get-project.ts",
    name: "getProject",
    expect: MEMBERS,
    call: (k, actor) => getProject({ actor, projectId: k.fx.projectId }),
  }),
  op({
    module: "lib/projects/label-schema.ts",
    name: "addLabel",
    permission: "project:manage",
    expect: ADMINS,
    call: (k, actor) => addLabel({ actor, projectId: k.fx.projectId, input: { name: k.labelName(), kind: "ENTITY" } }),
  }),
  op({
    module: "lib/projects/label-schema.ts",
    name: "listSchemaLabels",
    expect: MEMBERS,
    call: (k, actor) => listSchemaLabels({ actor, projectId: k.fx.projectId }),
  }),
  op({
    module: "lib/projects/label-schema.ts",
    name: "moveLabel",
    permission: "project:manage",
    expect: ADMINS,
    call: (k, actor) => moveLabel({ actor, labelId: k.fx.labelId, direction: "up" }),
  }),
  op({
    module: "lib/projects/label-schema.ts",
    name: "updateLabel",
    permission: "project:manage",
    expect: ADMINS,
    call: (k, actor) => updateLabel({ actor, labelId: k.fx.labelId, input: { description: k.unique("about") } }),
  }),
  op({
    module: "lib/projects/label-schema.ts",
    name: "deleteLabel",
    permission: "project:manage",
    expect: ADMINS,
    fresh: (k) => k.unusedLabel(),
    call: (_k, actor, labelId) => deleteLabel({ actor, labelId: labelId as string }),
  }),
  op({
    module: "lib/projects/list-projects.ts",
    name: "listProjects",
    permission: "project:view",
    expect: REVIEWERS_OWN,
    call: (_k, actor) => listProjects({ actor }),
  }),
  op({
    module: "lib/projects/list-projects.ts",
    name: "projectChoices",
    permission: "project:view",
    expect: REVIEWERS_OWN,
    call: (_k, actor) => projectChoices({ actor }),
  }),
  op({
    module: "lib/projects/members.ts",
    name: "addMember",
    permission: "project:manage",
    expect: ADMINS,
    fresh: (k) => k.user({ member: false }),
    call: (k, actor, userId) => addMember({ actor, projectId: k.fx.projectId, member: { userId } }),
  }),
  op({
    module: "lib/projects/members.ts",
    name: "listMembers",
    permission: "project:view",
    expect: REVIEWERS,
    call: (k, actor) => listMembers({ actor, projectId: k.fx.projectId }),
  }),
  op({
    module: "lib/projects/members.ts",
    name: "listMembersPage",
    permission: "project:view",
    expect: REVIEWERS,
    call: (k, actor) => listMembersPage({ actor, projectId: k.fx.projectId }),
  }),
  op({
    module: "lib/projects/project-view.ts",
    name: "viewProject",
    permission: "project:view",
    expect: REVIEWERS,
    call: (k, actor) => viewProject({ actor, projectId: k.fx.projectId }),
  }),
  op({
    module: "lib/projects/members.ts",
    name: "listNonMembers",
    permission: "project:manage",
    expect: ADMINS,
    call: (k, actor) => listNonMembers({ actor, projectId: k.fx.projectId }),
  }),
  op({
    module: "lib/projects/members.ts",
    name: "removeMember",
    permission: "project:manage",
    expect: ADMINS,
    fresh: (k) => k.user(),
    call: (k, actor, userId) => removeMember({ actor, projectId: k.fx.projectId, userId }),
  }),
  op({
    module: "lib/projects/update-project.ts",
    name: "updateProject",
    permission: "project:manage",
    expect: ADMINS,
    call: (k, actor) => updateProject({ actor, projectId: k.fx.projectId, input: { guidelines: k.unique("Guidelines") } }),
  }),

  // quotes
  op({
    module: "lib/quotes/quote-links.ts",
    name: "getQuoteLinks",
    expect: OWNER,
    fresh: (k) => k.span("QUOTE"),
    call: (_k, actor, q) => getQuoteLinks({ actor, annotationId: q.id }),
  }),
  op({
    module: "lib/quotes/quote-links.ts",
    name: "setQuoteLinks",
    permission: "layer:annotate",
    expect: OWNER,
    fresh: (k) => k.quote(),
    call: (_k, actor, q) => setQuoteLinks({ actor, annotationId: q.id, input: { cueId: q.cueId, speakerId: null, version: q.version } }),
  }),

  // live events
  op({
    module: "lib/realtime/open-document-stream.ts",
    name: "openDocumentStream",
    expect: MEMBERS,
    call: async (k, actor) => {
      const abort = new AbortController();
      const stream = await openDocumentStream({ actor, documentId: k.fx.docMain, signal: abort.signal, recheck: async () => actor });
      // opened: close it as a client that goes away
      await stream.cancel();
      abort.abort();
    },
  }),

  // review
  op({
    module: "lib/review/adjudicate.ts",
    name: "acceptAnnotation",
    permission: "review:decide",
    expect: REVIEWERS,
    fresh: (k) => k.submittedDoc(),
    call: (_k, actor, s) => acceptAnnotation({ actor, annotationId: s.spanId }),
  }),
  op({
    module: "lib/review/adjudicate.ts",
    name: "rejectAnnotation",
    permission: "review:decide",
    expect: REVIEWERS,
    fresh: (k) => k.submittedDoc(),
    call: (_k, actor, s) => rejectAnnotation({ actor, annotationId: s.spanId }),
  }),
  op({
    module: "lib/review/adjudicate-stances.ts",
    name: "acceptStance",
    permission: "review:decide",
    expect: REVIEWERS,
    fresh: (k) => k.submittedStanceAndQuote(),
    call: (_k, actor, s) => acceptStance({ actor, stanceId: s.stanceId }),
  }),
  op({
    module: "lib/review/adjudicate-stances.ts",
    name: "rejectStance",
    permission: "review:decide",
    expect: REVIEWERS,
    fresh: (k) => k.submittedStanceAndQuote(),
    call: (_k, actor, s) => rejectStance({ actor, stanceId: s.stanceId }),
  }),
  op({
    module: "lib/review/adjudicate-quote-links.ts",
    name: "acceptQuoteLink",
    permission: "review:decide",
    expect: REVIEWERS,
    fresh: (k) => k.submittedStanceAndQuote(),
    call: (_k, actor, s) => acceptQuoteLink({ actor, annotationId: s.quoteId }),
  }),
  op({
    module: "lib/review/adjudicate-quote-links.ts",
    name: "rejectQuoteLink",
    permission: "review:decide",
    expect: REVIEWERS,
    fresh: (k) => k.submittedStanceAndQuote({ inGold: true }),
    call: (_k, actor, s) => rejectQuoteLink({ actor, annotationId: s.quoteId }),
  }),
  op({
    module: "lib/review/review-stances.ts",
    name: "loadReviewStances",
    permission: "review:decide",
    expect: REVIEWERS,
    call: (k, actor) => loadReviewStances({ actor, documentId: k.fx.docReview }),
  }),
  op({
    module: "lib/review/decide.ts",
    name: "approveDocument",
    permission: "review:decide",
    expect: REVIEWERS,
    fresh: (k) => k.submittedDoc(),
    call: (_k, actor, s) => approveDocument({ actor, documentId: s.documentId }),
  }),
  op({
    module: "lib/review/decide.ts",
    name: "rejectLayer",
    permission: "review:decide",
    expect: REVIEWERS,
    fresh: (k) => k.submittedDoc(),
    call: (_k, actor, s) => rejectLayer({ actor, layerId: s.layerId, input: { comment: "Fix the names" } }),
  }),
  op({
    module: "lib/review/load-review.ts",
    name: "loadReview",
    permission: "review:decide",
    expect: REVIEWERS,
    call: (k, actor) => loadReview({ actor, documentId: k.fx.docReview }),
  }),
  op({
    module: "lib/review/merge-agreed.ts",
    name: "mergeAgreed",
    permission: "review:decide",
    expect: REVIEWERS,
    fresh: (k) => k.submittedDoc(),
    call: (_k, actor, s) => mergeAgreed({ actor, documentId: s.documentId, input: { threshold: "majority" } }),
  }),
  op({
    module: "lib/review/own-feedback.ts",
    name: "ownLayerFeedback",
    expect: MEMBERS,
    call: (k, actor) => ownLayerFeedback({ actor, documentId: k.fx.docMain }),
  }),
  op({
    module: "lib/review/own-feedback.ts",
    name: "ownLayerStatus",
    expect: MEMBERS,
    call: (k, actor) => ownLayerStatus({ actor, documentId: k.fx.docMain }),
  }),
  op({
    module: "lib/review/review-page-data.ts",
    name: "loadReviewPage",
    permission: "review:decide",
    expect: REVIEWERS,
    call: (k, actor) => loadReviewPage({ actor, documentId: k.fx.docReview }),
  }),
  op({
    module: "lib/review/review-queue.ts",
    name: "waitingReviewCount",
    permission: "review:decide",
    expect: REVIEWERS_OWN,
    call: (_k, actor) => waitingReviewCount({ actor }),
  }),
  op({
    module: "lib/review/review-queue.ts",
    name: "reviewQueue",
    permission: "review:decide",
    expect: REVIEWERS_OWN,
    call: (_k, actor) => reviewQueue({ actor }),
  }),

  // search
  op({
    module: "lib/search/search-corpus.ts",
    name: "searchCorpus",
    permission: "corpus:search",
    expect: MEMBERS,
    call: (k, actor) => searchCorpus({ actor, query: { q: "Zoltan label:PERSON", project: k.fx.projectSlug } }),
  }),

  // discussion threads and the inbox
  op({
    module: "lib/threads/threads.ts",
    name: "listThreads",
    expect: MEMBERS,
    call: (k, actor) => listThreads({ actor, documentId: k.fx.docMain }),
  }),
  op({
    module: "lib/threads/threads.ts",
    name: "createThread",
    expect: MEMBERS,
    call: (k, actor) => createThread({ actor, documentId: k.fx.docMain, input: { anchor: { kind: "document" }, body: k.unique("Question") } }),
  }),
  op({
    module: "lib/threads/threads.ts",
    name: "replyToThread",
    expect: { annotator: ALLOWED, otherAnnotator: "NOT_FOUND", outsider: "NOT_FOUND", reviewer: ALLOWED, admin: ALLOWED },
    fresh: (k) => k.thread("span"),
    call: (k, actor, t) => replyToThread({ actor, threadId: t.id, input: { body: k.unique("Answer") } }),
  }),
  op({
    module: "lib/threads/threads.ts",
    name: "editPost",
    expect: { annotator: ALLOWED, otherAnnotator: "FORBIDDEN", outsider: "NOT_FOUND", reviewer: "FORBIDDEN", admin: "FORBIDDEN" },
    fresh: (k) => k.thread("document"),
    call: (k, actor, t) => editPost({ actor, postId: t.postId, input: { body: k.unique("Edited") } }),
  }),
  op({
    module: "lib/threads/threads.ts",
    name: "setThreadResolved",
    expect: { annotator: ALLOWED, otherAnnotator: "FORBIDDEN", outsider: "NOT_FOUND", reviewer: ALLOWED, admin: ALLOWED },
    fresh: (k) => k.thread("document"),
    call: (_k, actor, t) => setThreadResolved({ actor, threadId: t.id, input: { resolved: true } }),
  }),
  op({ module: "lib/threads/inbox.ts", name: "listInbox", expect: EVERYONE, call: (_k, actor) => listInbox({ actor }) }),
  op({ module: "lib/threads/inbox.ts", name: "markMentionsRead", expect: EVERYONE, call: (_k, actor) => markMentionsRead({ actor, input: {} }) }),
  op({ module: "lib/threads/inbox.ts", name: "unreadCount", expect: EVERYONE, call: (_k, actor) => unreadCount({ actor }) }),

  // stances and their targets
  op({
    module: "lib/stances/project-stances.ts",
    name: "projectStances",
    expect: MEMBERS,
    call: (k, actor) => projectStances({ actor, projectId: k.fx.projectId }),
  }),
  op({
    module: "lib/stances/stances.ts",
    name: "createStance",
    permission: "layer:annotate",
    expect: MEMBERS,
    call: (k, actor) =>
      createStance({ actor, documentId: k.fx.docMain, input: { holderId: k.fx.entityId, targetId: k.fx.targetId, polarity: "FAVOR", documentLevel: true } }),
  }),
  op({
    module: "lib/stances/stances.ts",
    name: "deleteStance",
    permission: "layer:annotate",
    expect: OWNER,
    fresh: (k) => k.stance(),
    call: (_k, actor, s) => deleteStance({ actor, stanceId: s.id, version: s.version }),
  }),
  op({
    module: "lib/stances/stances.ts",
    name: "listStances",
    expect: MEMBERS,
    call: (k, actor) => listStances({ actor, documentId: k.fx.docMain }),
  }),
  op({
    module: "lib/stances/stances.ts",
    name: "updateStance",
    permission: "layer:annotate",
    expect: OWNER,
    fresh: (k) => k.stance(),
    call: (_k, actor, s) => updateStance({ actor, stanceId: s.id, input: { polarity: "AGAINST", version: s.version } }),
  }),
  op({
    module: "lib/stances/targets.ts",
    name: "createTarget",
    permission: "stance-target:manage",
    expect: REVIEWERS,
    call: (k, actor) => createTarget({ actor, projectId: k.fx.projectId, input: { text: k.unique("Target") } }),
  }),
  op({
    module: "lib/stances/targets.ts",
    name: "deleteTarget",
    permission: "stance-target:manage",
    expect: REVIEWERS,
    fresh: (k) => k.target(),
    call: (_k, actor, targetId) => deleteTarget({ actor, targetId }),
  }),
  op({
    module: "lib/stances/targets.ts",
    name: "listTargets",
    expect: MEMBERS,
    call: (k, actor) => listTargets({ actor, projectId: k.fx.projectId }),
  }),
  op({
    module: "lib/stances/targets.ts",
    name: "updateTarget",
    permission: "stance-target:manage",
    expect: REVIEWERS,
    call: (k, actor) => updateTarget({ actor, targetId: k.fx.targetId, input: { description: k.unique("about") } }),
  }),

  // syndication
  op({
    module: "lib/syndication/copy-to-syndicated.ts",
    name: "copyToSyndicated",
    permission: "layer:annotate",
    expect: OWNER,
    fresh: (k) => k.syndicatedSpan(),
    call: (_k, actor, s) => copyToSyndicated({ actor, annotationId: s.id }),
  }),
  op({
    module: "lib/syndication/project-syndication.ts",
    name: "documentSyndication",
    expect: MEMBERS,
    call: (k, actor) => documentSyndication({ actor, documentId: k.fx.docMain }),
  }),

  // users
  op({
    module: "lib/users/add-user.ts",
    name: "addUser",
    permission: "user:manage",
    expect: ADMINS,
    call: (k, actor) =>
      addUser({ actor, input: { email: `${k.unique("new")}@matrix.test`, name: k.unique("New"), role: "ANNOTATOR", projectIds: [k.fx.projectId] } }),
  }),
  op({
    module: "lib/users/change-user-role.ts",
    name: "changeUserRole",
    permission: "user:manage",
    expect: ADMINS,
    fresh: (k) => k.user(),
    call: (_k, actor, userId) => changeUserRole({ actor, userId, role: "REVIEWER" }),
  }),
  op({
    module: "lib/users/update-user.ts",
    name: "updateUser",
    permission: "user:manage",
    expect: ADMINS,
    fresh: (k) => k.user(),
    call: (_k, actor, userId) => updateUser({ actor, userId: userId as string, input: { role: "REVIEWER", active: false } }),
  }),
  op({
    module: "lib/users/list-users.ts",
    name: "listUsers",
    permission: "user:manage",
    expect: ADMINS,
    call: (_k, actor) => listUsers({ actor }),
  }),
  op({
    module: "lib/users/reset-password.ts",
    name: "resetPassword",
    permission: "user:manage",
    expect: ADMINS,
    fresh: (k) => k.user(),
    call: (_k, actor, userId) => resetPassword({ actor, userId }),
  }),
  op({
    module: "lib/users/set-user-active.ts",
    name: "setUserActive",
    permission: "user:manage",
    expect: ADMINS,
    fresh: (k) => k.user(),
    call: (_k, actor, userId) => setUserActive({ actor, userId, active: false }),
  }),
  op({
    module: "lib/users/user-audit.ts",
    name: "listUserAudit",
    permission: "user:manage",
    expect: ADMINS,
    call: (_k, actor) => listUserAudit({ actor }),
  }),

  // document labels (issue 15)
  op({
    module: "lib/doc-labels/doc-label-schema.ts",
    name: "listDocLabelSchema",
    expect: MEMBERS,
    call: (k, actor) => listDocLabelSchema({ actor, projectId: k.fx.projectId }),
  }),
  op({
    module: "lib/doc-labels/doc-label-schema.ts",
    name: "saveDocLabelSchema",
    permission: "project:manage",
    expect: ADMINS,
    call: (k, actor) => saveDocLabelSchema({ actor, projectId: k.fx.projectId, input: { sets: [] } }),
  }),
  op({
    module: "lib/doc-labels/doc-label-values.ts",
    name: "readDocLabels",
    expect: MEMBERS,
    call: (k, actor) => readDocLabels({ actor, documentId: k.fx.docMain }),
  }),
  op({
    module: "lib/doc-labels/doc-label-values.ts",
    name: "setDocLabels",
    permission: "layer:annotate",
    expect: MEMBERS,
    call: (k, actor) => setDocLabels({ actor, documentId: k.fx.docMain, input: { choices: [] } }),
  }),
  op({
    module: "lib/doc-labels/review-doc-labels.ts",
    name: "loadReviewDocLabels",
    permission: "review:decide",
    expect: REVIEWERS,
    call: (k, actor) => loadReviewDocLabels({ actor, documentId: k.fx.docReview }),
  }),
  op({
    module: "lib/doc-labels/review-doc-labels.ts",
    name: "reviewDocLabel",
    permission: "review:decide",
    expect: REVIEWERS,
    fresh: async (k) => {
      const { db } = await import("@/lib/db");
      return db.docLabelSet.create({
        data: { projectId: k.fx.projectId, name: k.labelName(), choices: { create: [{ name: "Yes" }] } },
        include: { choices: true },
      });
    },
    call: (k, actor, set) => reviewDocLabel({ actor, documentId: k.fx.docReview, input: { choiceId: set.choices[0].id, decision: "reject" } }),
  }),
];
