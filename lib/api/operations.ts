/**
 * Every operation of /api/v1, in one list: the OpenAPI document
 * (lib/api/openapi.ts, GET /api/v1/openapi.json) and the reference page
 * (/api-docs) are built from it, with the request schemas the routes parse
 * with. A test walks app/api/v1 and checks that this list and the route
 * handlers match, both ways (lib/api/openapi.int.test.ts).
 */
import { z } from "zod";
import { AgreementQuery } from "@/lib/agreement/counted-layers";
import { EndpointInput } from "@/lib/assist/endpoints";
import { PreannotateInput } from "@/lib/assist/jobs/job-params";
import { AcceptModelSuggestionsInput, RejectModelSuggestionsInput } from "@/lib/suggestions/answer-suggestions";
import { CreateAnnotationInput, UpdateAnnotationInput } from "@/lib/annotations/span-input";
import { AssignDocumentsInput } from "@/lib/assignments/assign-documents";
import { ListAssignmentsQuery } from "@/lib/assignments/list-assignments";
import { HistoryQuery } from "@/lib/audit/document-history";
import { NewDocument } from "@/lib/documents/import-document";
import { ListDocumentsQuery } from "@/lib/documents/list-documents";
import { AcceptInput, DismissInput } from "@/lib/entities/accept-suggestions";
import { EntityPatch, NewEntity } from "@/lib/entities/entity-input";
import { MergeEntityInput } from "@/lib/entities/merge";
import { ExportOptions } from "@/lib/export/export-options";
import { CreateGradeInput, UpdateGradeInput } from "@/lib/grades/grade-input";
import { DocLabelSchemaInput, SetDocLabelsInput } from "@/lib/doc-labels/doc-label-input";
import { ReviewDocLabelInput } from "@/lib/doc-labels/review-doc-labels";
import { ImportOptions } from "@/lib/import/import-options";
import { NewProject } from "@/lib/projects/create-project";
import { LabelPatch, NewLabel } from "@/lib/projects/label-input";
import { ListProjectsQuery } from "@/lib/projects/list-projects";
import { MemberPageQuery, MemberRef } from "@/lib/projects/members";
import { ProjectSettings } from "@/lib/projects/update-project";
import { QuoteLinksInput } from "@/lib/quotes/quote-links";
import { ApproveInput, RejectInput } from "@/lib/review/decide";
import { MergeInput } from "@/lib/review/merge-agreed";
import { StanceDecisionInput } from "@/lib/review/adjudicate-stances";
import { QuoteLinkDecisionInput } from "@/lib/review/adjudicate-quote-links";
import { ReviewQueueQuery } from "@/lib/review/review-queue";
import { SearchQuery } from "@/lib/search/search-corpus";
import { CreateStanceInput, UpdateStanceInput } from "@/lib/stances/stance-input";
import { NewTarget, TargetPatch } from "@/lib/stances/targets";
import { CopyToSyndicatedInput } from "@/lib/syndication/copy-to-syndicated";
import { AddUserInput } from "@/lib/users/add-user";
import { ListUsersQuery } from "@/lib/users/list-users";
import { UserPatch } from "@/lib/users/update-user";
import { CreateThreadInput, EditPostInput, InboxQuery, MarkReadInput, ReplyInput, ResolveInput } from "@/lib/threads/thread-input";
import { AliasInput, EntityListQuery, LayerQuery, MentionCreate, MentionLink, NextInput, VersionQuery } from "./request-schemas";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type ApiOperation = {
  method: HttpMethod;
  /** OpenAPI style: /api/v1/projects/{id} */
  path: string;
  tag: string;
  summary: string;
  /** who may call it, in words */
  roles: string;
  /** an object schema (or a pipe from one): each property is a query parameter */
  query?: z.ZodType;
  /** the JSON body */
  body?: z.ZodType;
  /** the body may be left out */
  bodyOptional?: boolean;
  /** a body that is not JSON (uploads), described in words */
  rawBody?: { contentType: string; description: string };
  /** the success status */
  status: number;
  response: string;
  /** answers the list shape {items, nextCursor} */
  list?: boolean;
  /** the success body's content type when it is not JSON */
  produces?: string;
  /** callable without credentials */
  public?: boolean;
};

const PAGED = "Paginated: pass `nextCursor` back as `cursor`.";

const op = (method: HttpMethod, path: string, tag: string, summary: string, rest: Omit<ApiOperation, "method" | "path" | "tag" | "summary">): ApiOperation => ({
  method,
  path,
  tag,
  summary,
  ...rest,
});

export const API_OPERATIONS: ApiOperation[] = [
  // Documents
  op("GET", "/api/v1/documents", "Documents", "List the documents you can open", {
    roles: "anyone signed in (documents of their projects)",
    query: ListDocumentsQuery,
    status: 200,
    list: true,
    response: `Documents with your layer's status (\`myStatus\`). ${PAGED}`,
  }),
  op("POST", "/api/v1/documents", "Documents", "Import one document", {
    roles: "admin",
    body: NewDocument,
    status: 201,
    response: "The document with its canonical text; 409 when the same text is already in the project.",
  }),
  op("GET", "/api/v1/documents/{id}", "Documents", "One document: canonical text and metadata", {
    roles: "members",
    status: 200,
    response: "The document.",
  }),
  op("GET", "/api/v1/documents/{id}/text", "Documents", "The document's text alone", {
    roles: "members",
    status: 200,
    produces: "text/plain",
    response: "The canonical text, with an ETag (304 on If-None-Match).",
  }),
  op("GET", "/api/v1/documents/{id}/workbench", "Documents", "What the annotation page draws", {
    roles: "members",
    status: 200,
    response: "Labels, your layer's spans and status, overlays, settings.",
  }),
  op("GET", "/api/v1/documents/{id}/events", "Documents", "Live events of the document (server-sent events)", {
    roles: "members",
    status: 200,
    produces: "text/event-stream",
    response: "`hello`, `presence`, then the changes you may see; a ping comment every 15 s.",
  }),
  op("GET", "/api/v1/documents/{id}/history", "Documents", "The document's audit history", {
    roles: "admin, reviewer",
    query: HistoryQuery.extend({ format: z.enum(["json", "jsonl"]).optional() }),
    status: 200,
    list: true,
    response: `Audit events, newest first (\`{documentId, title, items, nextCursor}\`), or all of them as JSONL with \`format=jsonl\`. ${PAGED}`,
  }),
  op("POST", "/api/v1/documents/{id}/submit", "Documents", "Hand your layer to review", {
    roles: "annotator with a layer on the document",
    status: 200,
    response: "The layer, now SUBMITTED.",
  }),
  op("GET", "/api/v1/documents/{id}/syndication", "Documents", "Passages shared with other documents of the project", {
    roles: "members",
    status: 200,
    list: true,
    response: "`{documentId, items, nextCursor: null, index, candidates}`: each shared passage and where its copies are.",
  }),
  op("POST", "/api/v1/import", "Documents", "Import files (txt, native, spaCy, doccano, Label Studio)", {
    roles: "admin",
    query: ImportOptions.extend({ filename: z.string().optional() }),
    rawBody: {
      contentType: "multipart/form-data",
      description: 'One or more "file" parts, or the file itself as the raw body (name it with ?filename=).',
    },
    status: 200,
    response: "The import summary; 422 with every line error when mode=all-or-nothing finds any.",
  }),
  op("GET", "/api/v1/search", "Documents", "Search the corpus: words, phrases and spans", {
    roles: "anyone signed in (what the document pages show them)",
    query: SearchQuery,
    status: 200,
    list: true,
    response:
      'Hits (`{items, nextCursor, mode}`): with words alone, `mode: "passages"`, one per document with its first passage; with a filter (label, entity, annotator, layer, status), `mode: "annotations"`, one per span. Each hit has `document`, `project`, `start`/`end` (code points, end exclusive; null when the words are in the title only) and `snippet: {before, hit, after}`; a span also `annotation: {id, label, color, layer, status, annotator}`. A span search reads at most 2,000 documents and checks at most 2,000 span texts per call: a short page with a `nextCursor` goes on. ' +
      PAGED,
  }),
  op("GET", "/api/v1/export", "Documents", "Stream the corpus", {
    roles: "admin, reviewer",
    query: ExportOptions,
    status: 200,
    produces: "application/x-ndjson",
    response: "The export file (JSONL, or JSON for Label Studio and manifest=only).",
  }),
  op("POST", "/api/v1/queue/next", "Documents", "Your next document", {
    roles: "anyone signed in",
    body: NextInput,
    bodyOptional: true,
    status: 200,
    response: "Your own unfinished seat, else an open seat taken now; 404 when nothing is left.",
  }),

  // Annotations
  op("GET", "/api/v1/documents/{id}/annotations", "Annotations", "Your layer (or gold) on a document", {
    roles: "members; ?layer=gold: reviewers",
    query: LayerQuery,
    status: 200,
    list: true,
    response: "`{documentId, layer, items, nextCursor: null}`: the layer's spans in text order.",
  }),
  op("POST", "/api/v1/documents/{id}/annotations", "Annotations", "Add a span", {
    roles: "members (own layer); ?layer=gold: reviewers",
    query: LayerQuery,
    body: CreateAnnotationInput,
    status: 201,
    response: "The span (200 when a client-chosen id already made it).",
  }),
  op("PATCH", "/api/v1/annotations/{id}", "Annotations", "Change a span", {
    roles: "owner of the layer (gold: reviewers)",
    body: UpdateAnnotationInput,
    status: 200,
    response: "The span; 409 when `version` is stale.",
  }),
  op("DELETE", "/api/v1/annotations/{id}", "Annotations", "Delete a span", {
    roles: "owner of the layer (gold: reviewers)",
    query: VersionQuery,
    status: 204,
    response: "Deleted.",
  }),
  op("GET", "/api/v1/annotations/{id}/entity", "Annotations", "The entity a mention is linked to", {
    roles: "who may write the layer",
    status: 200,
    response: "The mention and its entity (or null).",
  }),
  op("PUT", "/api/v1/annotations/{id}/entity", "Annotations", "Link a mention to an entity, or unlink it", {
    roles: "who may write the layer",
    body: MentionLink,
    status: 200,
    response: "The span.",
  }),
  op("POST", "/api/v1/annotations/{id}/entity", "Annotations", "Create an entity from a mention and link it", {
    roles: "who may write the layer",
    body: MentionCreate,
    status: 201,
    response: "The entity and the span.",
  }),
  op("GET", "/api/v1/annotations/{id}/quote", "Annotations", "A QUOTE span's cue and speaker", {
    roles: "who may see the layer",
    status: 200,
    response: "`{annotationId, cueId, speakerId, version}`.",
  }),
  op("PUT", "/api/v1/annotations/{id}/quote", "Annotations", "Set a QUOTE span's cue and speaker", {
    roles: "who may write the layer",
    body: QuoteLinksInput,
    status: 200,
    response: "The links.",
  }),
  op("POST", "/api/v1/annotations/{id}/copy-to-syndicated", "Annotations", "Copy a span onto the syndicated copies of its passage", {
    roles: "owner of the layer",
    body: CopyToSyndicatedInput,
    bodyOptional: true,
    status: 200,
    response: "`{sourceId, copies}`.",
  }),

  // Suggestions
  op("GET", "/api/v1/documents/{id}/suggestions", "Entities", "Open registry suggestions for your layer", {
    roles: "members; ?layer=gold: reviewers",
    query: LayerQuery,
    status: 200,
    list: true,
    response: "`{items, nextCursor: null, entities}`: suggestions and a tally per entity.",
  }),
  op("POST", "/api/v1/documents/{id}/suggestions/accept", "Entities", "Accept one suggestion, or all of an entity", {
    roles: "members; ?layer=gold: reviewers",
    query: LayerQuery,
    body: AcceptInput,
    status: 201,
    response: "`{annotations}`: the spans made or linked.",
  }),
  op("POST", "/api/v1/documents/{id}/suggestions/dismiss", "Entities", "Dismiss one suggestion", {
    roles: "members; ?layer=gold: reviewers",
    query: LayerQuery,
    body: DismissInput,
    status: 200,
    response: "Dismissed.",
  }),

  // Assisted labeling
  op("POST", "/api/v1/projects/{id}/preannotate", "Assisted labeling", "Queue pre-annotation by a model", {
    roles: "admin, reviewer",
    body: PreannotateInput,
    status: 202,
    response: "The job: `{id, state, progress: {done, total}, result, errors}`; follow it at /api/v1/jobs/{id}.",
  }),
  op("GET", "/api/v1/projects/{id}/jobs", "Assisted labeling", "The project's latest pre-annotation jobs", {
    roles: "admin, reviewer",
    status: 200,
    list: true,
    response: "`{items, nextCursor: null}`, newest first.",
  }),
  op("GET", "/api/v1/jobs/{id}", "Assisted labeling", "A job's state and progress", {
    roles: "admin, reviewer",
    status: 200,
    response: "`{id, state, model, origin, labels, progress: {done, total}, result: {proposed, added, known, rejected, refused}, errors, errorCount}`.",
  }),
  op("POST", "/api/v1/jobs/{id}/cancel", "Assisted labeling", "Stop a job after the document it is on", {
    roles: "admin, reviewer",
    status: 200,
    response: "The job.",
  }),
  op("GET", "/api/v1/projects/{id}/model-endpoints", "Assisted labeling", "The project's OpenAI-compatible endpoints (never their keys)", {
    roles: "admin, reviewer",
    status: 200,
    list: true,
    response: "`{items, nextCursor: null}`: `{id, name, baseUrl, model, hasKey, onThisMachine, timeoutMs, maxRetries, requestsPerMinute}`.",
  }),
  op("PUT", "/api/v1/projects/{id}/model-endpoints", "Assisted labeling", "Add an endpoint, or change the one of the same name", {
    roles: "admin",
    body: EndpointInput,
    status: 200,
    response: "The endpoint, without its key.",
  }),
  op("DELETE", "/api/v1/model-endpoints/{id}", "Assisted labeling", "Remove an endpoint (its suggestions stay)", {
    roles: "admin",
    status: 200,
    response: "`{deleted}`.",
  }),
  op("GET", "/api/v1/documents/{id}/model-suggestions", "Assisted labeling", "The models' suggestions you have not answered", {
    roles: "members",
    status: 200,
    list: true,
    response: "`{items, nextCursor: null}`: `{id, start, end, label, text, origin, entityId}` in text order.",
  }),
  op("POST", "/api/v1/documents/{id}/model-suggestions/accept", "Assisted labeling", "Accept suggestions into your own layer", {
    roles: "members",
    body: AcceptModelSuggestionsInput,
    status: 200,
    response: "`{accepted, annotations: [{id, suggestionId}]}`; the spans keep their origin.",
  }),
  op("POST", "/api/v1/documents/{id}/model-suggestions/reject", "Assisted labeling", "Reject suggestions (never proposed to anyone again)", {
    roles: "members",
    body: RejectModelSuggestionsInput,
    status: 200,
    response: "`{rejected}`.",
  }),

  // Entities
  op("GET", "/api/v1/projects/{id}/entities", "Entities", "The project's entity registry, or a type-ahead search", {
    roles: "members",
    query: EntityListQuery,
    status: 200,
    list: true,
    response: `With \`q\`: ranked matches (\`nextCursor\` null); else entities by name. ${PAGED}`,
  }),
  op("POST", "/api/v1/projects/{id}/entities", "Entities", "Create an entity", { roles: "members", body: NewEntity, status: 201, response: "The entity." }),
  op("GET", "/api/v1/entities/{id}", "Entities", "An entity with its aliases and mentions by spelling", {
    roles: "members",
    status: 200,
    response: "The entity.",
  }),
  op("PATCH", "/api/v1/entities/{id}", "Entities", "Change an entity", { roles: "members", body: EntityPatch, status: 200, response: "The entity." }),
  op("POST", "/api/v1/entities/{id}/aliases", "Entities", "Add a spelling", {
    roles: "members",
    body: AliasInput,
    status: 201,
    response: "The entity (200 when it had the alias already); 409 when another entity has it.",
  }),
  op("DELETE", "/api/v1/entities/{id}/aliases/{aliasId}", "Entities", "Remove a spelling", { roles: "members", status: 200, response: "The entity." }),
  op("POST", "/api/v1/entities/{id}/merge", "Entities", "Merge this entity into another of the project", {
    roles: "admin, reviewer",
    body: MergeEntityInput,
    status: 200,
    response:
      "`{into, moved: {mentions, stances, aliases}, conflicts, mergeId}`: mentions and stance holders relinked, aliases and external id combined, this entity deleted; each conflict (a spelling both had, two external ids, two types) says what was kept. 422 for itself or another project's entity.",
  }),
  op("POST", "/api/v1/entity-merges/{id}/undo", "Entities", "Undo a merge: split the merged entity back out", {
    roles: "admin, reviewer",
    status: 200,
    response:
      "`{entity, into, restored: {mentions, stances, aliases}, conflicts, mergeId}`: the entity again with its id, fields and aliases, and the mentions and stances that still point at `into`; 409 when undone already or its name is taken.",
  }),

  // Stances
  op("GET", "/api/v1/documents/{id}/stances", "Stances", "Stances of your layer (or gold)", {
    roles: "members; ?layer=gold: reviewers",
    query: LayerQuery,
    status: 200,
    list: true,
    response: "`{items, nextCursor: null}`.",
  }),
  op("POST", "/api/v1/documents/{id}/stances", "Stances", "Add a stance", {
    roles: "members; ?layer=gold: reviewers",
    query: LayerQuery,
    body: CreateStanceInput,
    status: 201,
    response: "The stance.",
  }),
  op("PATCH", "/api/v1/stances/{id}", "Stances", "Change a stance", {
    roles: "owner of the layer (gold: reviewers)",
    body: UpdateStanceInput,
    status: 200,
    response: "The stance.",
  }),
  op("DELETE", "/api/v1/stances/{id}", "Stances", "Delete a stance", {
    roles: "owner of the layer (gold: reviewers)",
    query: VersionQuery,
    status: 204,
    response: "Deleted.",
  }),
  op("GET", "/api/v1/projects/{id}/stance-targets", "Stances", "The project's stance targets", {
    roles: "members",
    status: 200,
    list: true,
    response: "`{items, nextCursor: null}` with how many stances use each target.",
  }),
  op("POST", "/api/v1/projects/{id}/stance-targets", "Stances", "Add a stance target", {
    roles: "admin, reviewer",
    body: NewTarget,
    status: 201,
    response: "The target.",
  }),
  op("PATCH", "/api/v1/stance-targets/{id}", "Stances", "Rename or describe a stance target", {
    roles: "admin, reviewer",
    body: TargetPatch,
    status: 200,
    response: "The target.",
  }),
  op("DELETE", "/api/v1/stance-targets/{id}", "Stances", "Remove an unused stance target", {
    roles: "admin, reviewer",
    status: 204,
    response: "Deleted; 409 while stances use it.",
  }),
  op("GET", "/api/v1/projects/{id}/stances", "Stances", "The project's stance view", {
    roles: "members",
    status: 200,
    response: "Per target, holders with polarity counts, mean confidence and each stance's evidence (a report, not a list).",
  }),

  // Grades
  op("GET", "/api/v1/documents/{id}/grades", "Grades", "Source grades of your layer (or gold)", {
    roles: "members; ?layer=gold: reviewers",
    query: LayerQuery,
    status: 200,
    list: true,
    response: "`{documentId, layer, items, nextCursor: null}`.",
  }),
  op("POST", "/api/v1/documents/{id}/grades", "Grades", "Grade the outlet or a cited source", {
    roles: "members; ?layer=gold: reviewers",
    query: LayerQuery,
    body: CreateGradeInput,
    status: 201,
    response: "The grade, with `warning` when credibility 1 rests only on syndicated copies.",
  }),
  op("PATCH", "/api/v1/grades/{id}", "Grades", "Change a grade", {
    roles: "owner of the layer (gold: reviewers)",
    body: UpdateGradeInput,
    status: 200,
    response: "The grade.",
  }),
  op("DELETE", "/api/v1/grades/{id}", "Grades", "Delete a grade", {
    roles: "owner of the layer (gold: reviewers)",
    query: VersionQuery,
    status: 204,
    response: "Deleted.",
  }),
  op("POST", "/api/v1/grades/{id}/accept", "Grades", "Copy an annotator's grade into gold", {
    roles: "admin, reviewer",
    status: 200,
    response: "The gold grade.",
  }),

  // Review
  op("GET", "/api/v1/review/queue", "Review", "Documents waiting for review, or approved", {
    roles: "admin, reviewer",
    query: ReviewQueueQuery,
    status: 200,
    list: true,
    response: PAGED,
  }),
  op("GET", "/api/v1/documents/{id}/review", "Review", "A document's layers, candidates and gold", {
    roles: "admin, reviewer",
    status: 200,
    response: "The review: layers, span candidates, gold, `stances: {candidates, gold}` and `quoteLinks`.",
  }),
  op("GET", "/api/v1/documents/{id}/review/workbench", "Review", "What the review page draws", {
    roles: "admin, reviewer",
    status: 200,
    response: "The review's layers in compact form.",
  }),
  op("POST", "/api/v1/documents/{id}/review/merge", "Review", "Merge the spans annotators agree on into gold", {
    roles: "admin, reviewer",
    body: MergeInput,
    status: 200,
    response: "What was merged.",
  }),
  op("POST", "/api/v1/documents/{id}/review/approve", "Review", "Approve the document", {
    roles: "admin, reviewer",
    body: ApproveInput,
    status: 200,
    response: "`{documentId, approvedLayers, goldLayerId, changed}`.",
  }),
  op("POST", "/api/v1/annotations/{id}/accept", "Review", "Copy an annotator's span into gold", {
    roles: "admin, reviewer",
    status: 200,
    response: "`{gold, created}`: the span in gold.",
  }),
  op("POST", "/api/v1/annotations/{id}/reject", "Review", "Keep an annotator's span out of gold", {
    roles: "admin, reviewer",
    status: 200,
    response: "`{removedFromGold}`: ids of gold copies removed.",
  }),
  op("POST", "/api/v1/stances/{id}/accept", "Review", "Copy an annotator's stance (and its evidence spans) into gold", {
    roles: "admin, reviewer",
    body: StanceDecisionInput,
    status: 200,
    response: "`{gold, created}`: the gold stance (replacing gold's stance on the same holder and target).",
  }),
  op("POST", "/api/v1/stances/{id}/reject", "Review", "Keep an annotator's stance out of gold", {
    roles: "admin, reviewer",
    body: StanceDecisionInput,
    status: 200,
    response: "`{removedFromGold}`: ids of gold stances accepted from it, removed.",
  }),
  op("POST", "/api/v1/annotations/{id}/quote/accept", "Review", "Copy an annotator's quote link (quote, cue, speaker) into gold", {
    roles: "admin, reviewer",
    body: QuoteLinkDecisionInput,
    status: 200,
    response: "`{gold}`: the gold quote's links `{annotationId, cueId, speakerId, version}`.",
  }),
  op("POST", "/api/v1/annotations/{id}/quote/reject", "Review", "Take an annotator's quote link off the gold quote", {
    roles: "admin, reviewer",
    body: QuoteLinkDecisionInput,
    status: 200,
    response: "`{removedFromGold, goldQuoteId}`; 409 while gold has no copy of the quote.",
  }),
  op("POST", "/api/v1/layers/{id}/reject", "Review", "Send a submitted layer back with a comment", {
    roles: "admin, reviewer",
    body: RejectInput,
    status: 200,
    response: "`{layerId, status}`.",
  }),

  // Projects
  op("GET", "/api/v1/projects", "Projects", "The projects you may see", {
    roles: "admin (all), reviewer (theirs)",
    query: ListProjectsQuery,
    status: 200,
    list: true,
    response: `Projects, oldest first, with document, member and label counts. ${PAGED}`,
  }),
  op("POST", "/api/v1/projects", "Projects", "Create a project with the default label schema", {
    roles: "admin",
    body: NewProject,
    status: 201,
    response: "The project; 409 when the slug is taken.",
  }),
  op("GET", "/api/v1/projects/{id}", "Projects", "A project's settings (id or slug)", {
    roles: "admin, reviewer of the project",
    status: 200,
    response: "The project.",
  }),
  op("PATCH", "/api/v1/projects/{id}", "Projects", "Change name, guidelines, showOtherLayers, blindReview", {
    roles: "admin",
    body: ProjectSettings,
    status: 200,
    response: "The project; 409 when `expectedUpdatedAt` is not the project's `updatedAt` any more.",
  }),
  op("GET", "/api/v1/projects/{id}/members", "Projects", "The project's members", {
    roles: "admin, reviewer of the project (not under blind review)",
    query: MemberPageQuery,
    status: 200,
    list: true,
    response: `Members by name, with \`total\`. ${PAGED}`,
  }),
  op("POST", "/api/v1/projects/{id}/members", "Projects", "Add an existing, active user", {
    roles: "admin",
    body: MemberRef,
    status: 201,
    response: "The membership; 409 when already a member, 422 when the user is deactivated.",
  }),
  op("DELETE", "/api/v1/projects/{id}/members/{userId}", "Projects", "Remove a member (their layers stay)", {
    roles: "admin",
    status: 204,
    response: "Removed.",
  }),
  op("GET", "/api/v1/projects/{id}/labels", "Projects", "The label schema, archived labels flagged, with span counts", {
    roles: "members",
    status: 200,
    list: true,
    response: "`{items, nextCursor: null}`.",
  }),
  op("POST", "/api/v1/projects/{id}/labels", "Projects", "Add a label", {
    roles: "admin",
    body: NewLabel,
    status: 201,
    response: "The label; 409 on a taken name, lookalike or hotkey.",
  }),
  op("PATCH", "/api/v1/labels/{id}", "Projects", "Change or archive a label", { roles: "admin", body: LabelPatch, status: 200, response: "The label." }),
  op("GET", "/api/v1/projects/{id}/doc-labels", "Document labels", "The document label sets and their choices, archived ones flagged", {
    roles: "members",
    status: 200,
    response: "`{sets: [{id, name, description, multiple, archived, choices: [{id, name, description, hotkey, archived, values}]}]}`.",
  }),
  op("PUT", "/api/v1/projects/{id}/doc-labels", "Document labels", "Save the whole document label schema", {
    roles: "admin",
    body: DocLabelSchemaInput,
    status: 200,
    response:
      "The schema as saved; 422 on duplicate or lookalike names and clashing hotkeys (A–Z). Left-out sets and choices are archived when used, else removed.",
  }),
  op("GET", "/api/v1/documents/{id}/doc-labels", "Document labels", "The sets and the document labels of every layer you may see", {
    roles: "members",
    status: 200,
    response: "`{documentId, sets, layers: [{layerId, kind: own|gold|annotator, annotator, status, values}]}`.",
  }),
  op("PUT", "/api/v1/documents/{id}/doc-labels", "Document labels", "Set the document labels of your layer (or gold)", {
    roles: "members; layer gold: reviewers",
    body: SetDocLabelsInput,
    status: 200,
    response: "The layer's values; 422 for two choices of a single-choice set, unknown or archived choices; 409 on a submitted layer.",
  }),
  op("POST", "/api/v1/documents/{id}/doc-labels/review", "Document labels", "Accept a document label choice into gold, or reject it", {
    roles: "reviewers",
    body: ReviewDocLabelInput,
    status: 200,
    response: "`{documentId, choiceId, decision, gold: [choice ids]}`; accepting in a single-choice set replaces gold's choice; 409 once approved.",
  }),
  op("DELETE", "/api/v1/labels/{id}", "Projects", "Remove a label no span uses", {
    roles: "admin",
    status: 204,
    response: "Nothing; 409 when spans use the label (archive it instead).",
  }),
  op("GET", "/api/v1/projects/{id}/assignments", "Projects", "The project's documents and who holds each seat", {
    roles: "admin, reviewer",
    query: ListAssignmentsQuery,
    status: 200,
    list: true,
    response: `\`{project, items, nextCursor}\`. ${PAGED}`,
  }),
  op("POST", "/api/v1/projects/{id}/assignments", "Projects", "Fill the open seats, balanced across annotators", {
    roles: "admin",
    body: AssignDocumentsInput,
    bodyOptional: true,
    status: 200,
    response: "What was assigned.",
  }),
  op("GET", "/api/v1/projects/{id}/agreement", "Projects", "Agreement, progress and label distribution", {
    roles: "admin, reviewer",
    query: AgreementQuery,
    status: 200,
    response:
      "The dashboard's figures (`docLabels`: α and κ per document label set; `agreement.stances`: percent agreement and κ on stance polarity); `pendingDocuments` > 0 when some changed too recently to be counted.",
  }),

  // Users
  op("GET", "/api/v1/users", "Users", "Every user, newest first", {
    roles: "admin",
    query: ListUsersQuery,
    status: 200,
    list: true,
    response: `Users with their first projects and project count. ${PAGED}`,
  }),
  op("POST", "/api/v1/users", "Users", "Create an account", {
    roles: "admin",
    body: AddUserInput,
    status: 201,
    response: "`{user, temporaryPassword}`: the password is generated (and shown only here) when none is given; 409 when the email is taken.",
  }),
  op("PATCH", "/api/v1/users/{id}", "Users", "Change a user's role and/or active flag", {
    roles: "admin",
    body: UserPatch,
    status: 200,
    response: "The user. Their sessions end and the change is in the user history; 409 for one's own demotion or deactivation, or the last active admin.",
  }),

  // Discussion threads and the inbox
  op("GET", "/api/v1/documents/{id}/threads", "Threads", "The document's discussion threads you may see", {
    roles: "members (a thread on a layer's item: whoever may see that layer)",
    status: 200,
    list: true,
    response:
      "`{items, nextCursor: null, counts}`: threads with their anchor and posts, oldest first; `counts` per anchor (`threads`, `open`). Authors are pseudonyms under blind review.",
  }),
  op("POST", "/api/v1/documents/{id}/threads", "Threads", "Start a thread with its first post", {
    roles: "members (on an item they can see, or the document)",
    body: CreateThreadInput,
    status: 201,
    response: "The thread; 422 when the anchor is not an item of the document you can see. `@name` mentions reach members who can see it.",
  }),
  op("POST", "/api/v1/threads/{id}/replies", "Threads", "Reply to a thread", {
    roles: "whoever may see the thread",
    body: ReplyInput,
    status: 201,
    response: "The thread with the reply.",
  }),
  op("PATCH", "/api/v1/threads/{id}", "Threads", "Resolve or reopen a thread", {
    roles: "reviewers, admins, the thread's starter",
    body: ResolveInput,
    status: 200,
    response: "The thread.",
  }),
  op("PATCH", "/api/v1/thread-posts/{id}", "Threads", "Edit your own post", {
    roles: "the post's author (403 for others who see it)",
    body: EditPostInput,
    status: 200,
    response: "The thread, the post marked `editedAt`.",
  }),
  op("GET", "/api/v1/inbox", "Threads", "Posts that mention you", {
    roles: "anyone signed in",
    query: InboxQuery,
    status: 200,
    list: true,
    response: `\`{items, nextCursor, unread}\`, newest first; \`?unread=1\` for the unread ones. ${PAGED}`,
  }),
  op("POST", "/api/v1/inbox/read", "Threads", "Mark mentions read", {
    roles: "anyone signed in",
    body: MarkReadInput,
    bodyOptional: true,
    status: 200,
    response: "`{marked, unread}`; without `ids`, every mention of yours.",
  }),

  // The API itself
  op("GET", "/api/v1/openapi.json", "API", "This API as an OpenAPI 3.1 document", {
    roles: "anyone (public)",
    status: 200,
    public: true,
    response: "The document.",
  }),
];

/** The path parameters of an OpenAPI path: /a/{id}/b/{userId} → ["id", "userId"]. */
export const pathParams = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
