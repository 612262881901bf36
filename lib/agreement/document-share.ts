/**
 * A document's share of its project's dashboard: the agreement cells
 * (document-cells.ts) of the annotator layers each scope counts, and the
 * counts behind the label distribution and annotator progress. Pure; the
 * database keeps one per document (lib/agreement/stored).
 *
 * Scopes: "completed" counts submitted and approved annotator layers,
 * "in_progress" in-progress ones too (counted-layers.ts), and "all" holds
 * what does not depend on that:
 * - ["dist", L] (completed, in_progress): spans with label L in the counted layers
 * - ["gold", L] (all): spans with label L in gold layers
 * - ["layers", userId, status] (all): the annotator's layers on the document by status
 * - ["spans", userId] (all): the annotator's spans on the document, in layers of any status
 * - ["stance", A, B, a, b], ["stancedocs", A, B] (completed, in_progress): agreement on stances (stance-agreement.ts)
 * - ["model", origin, L, what] (all): a model's suggestions against the approved gold layer, per label:
 *   gold spans ("reference"), suggested spans ("candidate"), matched one-to-one ("exact", "overlap")
 */
import { addCell, agreementCells, cellKey, parseCellKey, type CellKey, type Cells } from "./document-cells";
import { countedStatuses } from "./counted-layers";
import { documentWords, type LabeledSpan } from "./token-units";
import { spanF1 } from "./span-f1";
import { stanceCells, type StanceStatement } from "./stance-agreement";
import type { Range } from "@/lib/text/words";
import { DOC_LABEL_USER_POSITIONS, docLabelCells, type CodedDocLabel } from "./doc-label-agreement";

export const SCOPES = ["completed", "in_progress", "all"] as const;
export type Scope = (typeof SCOPES)[number];
export type DocumentShare = Record<Scope, Cells>;

/** The scope of agreement and distribution figures. */
export const countedScope = (includeInProgress: boolean): Exclude<Scope, "all"> => (includeInProgress ? "in_progress" : "completed");

export type ShareLayer = {
  kind: string;
  userId: string | null;
  status: string;
  spans: readonly LabeledSpan[];
  /** SUGGESTIONS: the model */
  origin?: string;
  /** the layer's document labels (doc-label-agreement.ts) */
  docLabels?: readonly CodedDocLabel[];
  /** ANNOTATOR: the layer's stances (holder → target → polarity), for agreement on stances (stance-agreement.ts) */
  stances?: readonly StanceStatement[];
};

export function documentShare(text: string, layers: readonly ShareLayer[]): DocumentShare {
  const annotators = layers.filter((l): l is ShareLayer & { userId: string } => l.kind === "ANNOTATOR" && l.userId !== null);
  const share: DocumentShare = { completed: new Map(), in_progress: new Map(), all: new Map() };
  let words: Range[] | undefined;
  let previous: ShareLayer[] | null = null;
  for (const scope of ["completed", "in_progress"] as const) {
    const statuses: readonly string[] = countedStatuses(scope === "in_progress");
    const counted = annotators.filter((l) => statuses.includes(l.status));
    if (previous && previous.length === counted.length) {
      share[scope] = new Map(share.completed); // no layer in progress: the same layers count
      continue;
    }
    previous = counted;
    if (counted.length >= 2) words ??= documentWords(text);
    agreementCells(text, new Map(counted.map((l) => [l.userId, l.spans])), share[scope], words);
    docLabelCells(new Map(counted.map((l) => [l.userId, l.docLabels ?? []])), share[scope]);
    stanceCells(new Map(counted.map((l) => [l.userId, l.stances ?? []])), share[scope]);
    for (const l of counted) for (const s of l.spans) addCell(share[scope], cellKey(["dist", s.label]), 1);
  }
  for (const l of layers) if (l.kind === "GOLD") for (const s of l.spans) addCell(share.all, cellKey(["gold", s.label]), 1);
  modelCells(layers, share.all);
  for (const l of annotators) {
    addCell(share.all, cellKey(["layers", l.userId, l.status]), 1);
    addCell(share.all, cellKey(["spans", l.userId]), l.spans.length);
  }
  return share;
}

/** Each model's suggestions scored against the gold layer, once a reviewer approved it. */
function modelCells(layers: readonly ShareLayer[], cells: Cells) {
  const gold = layers.find((l) => l.kind === "GOLD" && l.status === "APPROVED");
  if (!gold) return;
  for (const l of layers) {
    if (l.kind !== "SUGGESTIONS" || !l.origin) continue;
    for (const match of ["exact", "overlap"] as const) {
      for (const [label, scores] of Object.entries(spanF1(gold.spans, l.spans, { match }).perLabel)) {
        addCell(cells, cellKey(["model", l.origin, label, match]), scores.matched);
        if (match === "exact") {
          addCell(cells, cellKey(["model", l.origin, label, "reference"]), scores.reference);
          addCell(cells, cellKey(["model", l.origin, label, "candidate"]), scores.candidate);
        }
      }
    }
  }
}

/** Where a kind of cell names users (key positions), so stored shares can name them once. */
const USER_POSITIONS: Record<string, number[]> = {
  pairdocs: [1, 2],
  pairwords: [1, 2],
  pairany: [1, 2],
  pairlabel: [1, 2],
  span: [1, 2],
  stance: [1, 2],
  stancedocs: [1, 2],
  layers: [1],
  spans: [1],
  ...DOC_LABEL_USER_POSITIONS,
};

/**
 * The version of the cells a stored share holds: 2 added the stance cells. A
 * share of an older version is recomputed (stored/refresh-agreement.ts).
 */
export const SHARE_VERSION = 2;

type Stored = { v?: number; users: string[]; completed: [CellKey, number][]; in_progress: [CellKey, number][] | null; all: [CellKey, number][] };

/** JSON of a share, users named once by index; in_progress is null when it equals completed. */
export function encodeShare(share: DocumentShare): string {
  const users: string[] = [];
  const index = new Map<string, number>();
  const pack = (cells: Cells): [CellKey, number][] =>
    [...cells].map(([key, n]) => {
      const parts = parseCellKey(key);
      for (const at of USER_POSITIONS[String(parts[0])] ?? []) {
        const user = String(parts[at]);
        if (!index.has(user)) index.set(user, users.push(user) - 1);
        parts[at] = index.get(user)!;
      }
      return [parts, n];
    });
  const same = share.in_progress.size === share.completed.size && [...share.completed].every(([k, n]) => share.in_progress.get(k) === n);
  const stored: Stored = {
    v: SHARE_VERSION,
    users,
    completed: pack(share.completed),
    in_progress: same ? null : pack(share.in_progress),
    all: pack(share.all),
  };
  return JSON.stringify(stored);
}

export function decodeShare(json: string): DocumentShare {
  const stored = JSON.parse(json) as Partial<Stored>;
  const users = stored.users ?? [];
  const unpack = (rows: [CellKey, number][] | undefined): Cells =>
    new Map(
      (rows ?? []).map(([parts, n]) => {
        const named = [...parts];
        for (const at of USER_POSITIONS[String(parts[0])] ?? []) named[at] = users[Number(parts[at])];
        return [cellKey(named), n];
      }),
    );
  const completed = unpack(stored.completed);
  return { completed, in_progress: stored.in_progress ? unpack(stored.in_progress) : new Map(completed), all: unpack(stored.all) };
}
