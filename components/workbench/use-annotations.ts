"use client";
/**
 * The annotator's layer as the browser holds it: optimistic changes, the save
 * queue behind them, and undo of the last actions.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
// Not crypto.randomUUID(): browsers offer it only in secure contexts, and a team server is often plain http on a LAN name.
import { v4 as uuidv4 } from "uuid";
import type { TextIndex } from "@/lib/text/offsets";
import type { LayerTarget } from "@/lib/layers/layer-for-write";
import type { PageSpan } from "@/lib/annotations/page-span";
import type { DeliveredDocumentEvent } from "@/lib/realtime/events";
import { SaveQueue, type SaveOp, type SaveState } from "./save-queue";
import { applyRemoteChange, reconcile } from "./apply-remote";
import type { ListPage } from "@/lib/api/list-page";
import type { LocalAnnotation, Span } from "./types";
import { requestJson } from "@/components/api/client";

type UndoEntry = { kind: "delete"; id: string } | { kind: "recreate"; annotation: LocalAnnotation } | { kind: "relabel"; id: string; label: string };

const toMap = (list: LocalAnnotation[]) => new Map(list.map((a) => [a.id, a]));

function applyOp(map: Map<string, LocalAnnotation>, op: SaveOp) {
  const next = new Map(map);
  if (op.kind === "create") next.set(op.annotation.id, { ...op.annotation, version: 0 });
  else if (op.kind === "delete") next.delete(op.id);
  else {
    const a = next.get(op.id);
    if (a) next.set(op.id, { ...a, label: op.label });
  }
  return next;
}

export function useAnnotations(opts: { documentId: string; target: LayerTarget; index: TextIndex; initial: PageSpan[]; idNamespace: string }) {
  const { documentId, target, index, idNamespace } = opts;
  // Texts are sliced in the browser only: the server render shows no span text, and must convert no offsets.
  const [annotations, setAnnotations] = useState(() =>
    toMap(opts.initial.map((a) => ({ ...a, text: typeof window === "undefined" ? "" : index.slice(a.start, a.end) }))),
  );
  const [saveState, setSaveState] = useState<SaveState>({ phase: "saved" });
  const [notice, setNotice] = useState<string | null>(null);
  // deletions of this layer the server has confirmed: what refers to a span (stance evidence…) may have gone with it
  const [deletesSaved, setDeletesSaved] = useState(0);
  const current = useRef(annotations);
  useLayoutEffect(() => {
    current.current = annotations; // for handlers, which run after the commit
  });
  const undoStack = useRef<UndoEntry[]>([]);
  const queue = useRef<SaveQueue | null>(null);

  /**
   * Brings the layer in line with the server (after a refused save, missed
   * live events, or a change made elsewhere), keeping changes not yet saved.
   */
  const catchUp = useCallback(async () => {
    const res = await requestJson<ListPage<LocalAnnotation>>(`/api/v1/documents/${documentId}/annotations?layer=${target}`);
    if (!res.ok) return; // offline again: the next reconnect tries once more
    setAnnotations((map) => reconcile(map, res.data.items, queue.current?.pendingIds() ?? new Set()));
  }, [documentId, target]);

  useEffect(() => {
    const q = new SaveQueue(documentId, target, {
      version: (id) => current.current.get(id)?.version,
      saved: (op, body) => {
        if (op.kind === "delete") setDeletesSaved((n) => n + 1);
        if (!body) return;
        setAnnotations((map) => {
          const a = map.get(body.id);
          if (!a) return map;
          const next = new Map(map);
          next.set(body.id, { ...a, version: body.version });
          return next;
        });
      },
      refused: (_op, message) => {
        setNotice(`A change was not saved: ${message}. Your layer was reloaded from the server.`);
        undoStack.current = []; // what undo would restore may no longer be there
        void catchUp();
      },
      state: setSaveState,
    });
    queue.current = q;
    // Changes that an earlier visit could not save go out first.
    const leftover = SaveQueue.restore(documentId, target);
    if (leftover.length) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- unsaved changes come from localStorage, an outside store read once per layer
      setAnnotations((map) => leftover.reduce(applyOp, map));
      for (const op of leftover) q.enqueue(op);
    }
    const warn = (e: BeforeUnloadEvent) => {
      if (q.pending > 0) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [documentId, target, catchUp]);

  /**
   * A change of this layer made elsewhere (another tab, an API client), as the
   * live stream delivers it. False when it changes nothing here: the echo of
   * this tab's own save, which the other panels need not reload for.
   */
  const applyRemote = useCallback(
    (event: DeliveredDocumentEvent): boolean => {
      if (event.type === "layer.changed") return false;
      if ("refetch" in event) {
        void catchUp(); // too large for the channel: fetch it
        return true;
      }
      const pending = queue.current?.pendingIds() ?? new Set<string>();
      const base = current.current;
      const next = applyRemoteChange(base, event, pending);
      if (next === base) return false;
      setAnnotations((map) => (map === base ? next : applyRemoteChange(map, event, pending)));
      return true;
    },
    [catchUp],
  );

  const perform = useCallback((op: SaveOp, undo: UndoEntry | null) => {
    setAnnotations((map) => applyOp(map, op));
    if (undo) undoStack.current.push(undo);
    queue.current?.enqueue(op);
  }, []);

  const add = useCallback(
    (span: Span, label: string) => {
      const annotation = { id: `${idNamespace}.${uuidv4()}`, start: span.start, end: span.end, label, text: index.slice(span.start, span.end) };
      perform({ kind: "create", annotation }, { kind: "delete", id: annotation.id });
      return annotation.id;
    },
    [index, idNamespace, perform],
  );

  const relabel = useCallback(
    (id: string, label: string) => {
      const a = current.current.get(id);
      if (!a || a.label === label) return;
      perform({ kind: "update", id, label }, { kind: "relabel", id, label: a.label });
    },
    [perform],
  );

  const remove = useCallback(
    (id: string) => {
      const a = current.current.get(id);
      if (!a) return;
      perform({ kind: "delete", id }, { kind: "recreate", annotation: a });
    },
    [perform],
  );

  const undo = useCallback(() => {
    const entry = undoStack.current.pop();
    if (!entry) return false;
    if (entry.kind === "delete") perform({ kind: "delete", id: entry.id }, null);
    else if (entry.kind === "relabel") perform({ kind: "update", id: entry.id, label: entry.label }, null);
    else {
      const { version: _v, ...annotation } = entry.annotation;
      perform({ kind: "create", annotation }, null);
    }
    return true;
  }, [perform]);

  // stable, so memoized parts of the page (the side pane) do not render again with every key press
  const acknowledgeRefusals = useCallback(() => {
    setNotice(null);
    queue.current?.acknowledgeRefusals();
  }, []);
  const retryNow = useCallback(() => queue.current?.retryNow(), []);

  return {
    annotations,
    deletesSaved,
    saveState,
    notice,
    add,
    relabel,
    remove,
    undo,
    canUndo: () => undoStack.current.length > 0,
    retryNow,
    acknowledgeRefusals,
    applyRemote,
    catchUp,
  };
}
