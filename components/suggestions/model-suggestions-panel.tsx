"use client";
/**
 * Models' suggestions on the document (pre-annotation runs and imports):
 * drawn in the text as dotted marks, answered one at a time by keys on the
 * span under the cursor (a accepts, x rejects) or by a click, or all of a
 * label or of the document at once. Accepted spans join the annotator's own
 * layer with their origin.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { useMarks, useWorkbench, useWorkbenchState, type Mark } from "@/components/workbench/workbench-context";
import { fetchJson } from "@/components/api/client";
import type { OpenSuggestion } from "@/lib/suggestions/open-suggestions";
import { heldSuggestionIds } from "@/lib/suggestions/held-suggestions";
import type { LocalAnnotation } from "@/components/workbench/types";

export const MODEL_SUGGESTION_MARKS = "model-suggestions";
const NO_SPANS: readonly LocalAnnotation[] = [];

export function ModelSuggestionsPanel() {
  const api = useWorkbench();
  const locked = useWorkbenchState((s) => s.locked);
  const cursor = useWorkbenchState((s) => s.cursor);
  const activeMark = useWorkbenchState((s) => s.activeMark);
  const liveTick = useWorkbenchState((s) => s.liveTick);
  const deletesSaved = useWorkbenchState((s) => s.deletesSaved);
  const [loaded, setLoaded] = useState<OpenSuggestion[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/v1/documents/${api.documentId}/model-suggestions`;

  const load = useCallback(
    () =>
      fetchJson<{ items: OpenSuggestion[] }>(base).then(
        (r) => setLoaded(r.items),
        (e: Error) => setError(e.message),
      ),
    [base],
  );
  // again after changes elsewhere, and after a deletion (a span that held a suggestion may have gone)
  useEffect(() => {
    void load();
  }, [load, liveTick, deletesSaved]);
  // what the annotator added since the list came leaves it at once, without asking the server again
  const layer = useWorkbenchState((s) => (loaded.length ? s.annotations : NO_SPANS));
  const heldIds = useMemo(() => heldSuggestionIds(loaded, layer), [loaded, layer]);
  const items = useMemo(() => {
    if (!heldIds) return loaded;
    const held = new Set(heldIds.split(" "));
    return loaded.filter((s) => !held.has(s.id));
  }, [loaded, heldIds]);

  const marks = useMemo<Mark[]>(
    () =>
      items.map((s) => ({
        id: s.id,
        start: s.start,
        end: s.end,
        className: "model-suggestion",
        tag: `${s.label}?`,
        title: `Suggested ${s.label} (${s.origin}): a accepts, x rejects`,
      })),
    [items],
  );
  useMarks(MODEL_SUGGESTION_MARKS, marks);

  // the one the keys act on: the suggestion clicked last, else the one under the keyboard cursor
  const current = useMemo(() => {
    if (activeMark?.key === MODEL_SUGGESTION_MARKS) return items.find((s) => s.id === activeMark.id);
    if (!cursor) return undefined;
    return items.find((s) => s.start <= cursor.start && cursor.start < s.end);
  }, [items, activeMark, cursor]);

  const act = useCallback(
    async (verb: "accept" | "reject", body: object, done: (n: number) => string) => {
      setBusy(true);
      setError(null);
      try {
        const r = await fetchJson<{ accepted?: number; rejected?: number }>(`${base}/${verb}`, { method: "POST", body });
        setNotice(done(r.accepted ?? r.rejected ?? 0));
        if (verb === "accept") await api.catchUp();
        await load();
      } catch (e) {
        setError((e as Error).message);
        await load();
      } finally {
        setBusy(false);
      }
    },
    [base, api, load],
  );
  const accept = useCallback((s: OpenSuggestion) => act("accept", { ids: [s.id] }, () => `Accepted “${s.text}” as ${s.label}.`), [act]);
  const reject = useCallback((s: OpenSuggestion) => act("reject", { ids: [s.id] }, () => `Rejected “${s.text}” as ${s.label}.`), [act]);

  const { onTextKey } = api;
  useEffect(
    () =>
      onTextKey((e) => {
        if (e.ctrlKey || e.metaKey || e.altKey || (e.key !== "a" && e.key !== "x")) return false;
        if (!current || locked || busy) return false;
        void (e.key === "a" ? accept(current) : reject(current));
        return true;
      }),
    [onTextKey, current, locked, busy, accept, reject],
  );

  const byLabel = useMemo(() => {
    const counts = new Map<string, number>();
    for (const s of items) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
    return [...counts];
  }, [items]);
  const disabled = busy || locked;

  return (
    <section className="model-suggestions" aria-label="Model suggestions">
      <h2>
        Model suggestions <span className="muted">({items.length})</span>
      </h2>
      {current && (
        <div className="suggestion-active" data-testid="current-model-suggestion">
          “{current.text}” → <span className="chip">{current.label}</span> <span className="muted small">{current.origin}</span>
          <div className="row">
            <button className="button" disabled={disabled} onClick={() => void accept(current)}>
              Accept <kbd>a</kbd>
            </button>
            <button disabled={disabled} onClick={() => void reject(current)}>
              Reject <kbd>x</kbd>
            </button>
          </div>
        </div>
      )}
      {items.length === 0 ? (
        <p className="muted small">No open suggestions. Pre-annotate from the project page, or import into suggestions.</p>
      ) : (
        <>
          <p className="muted small">Put the cursor on a dotted span: a accepts it, x rejects it.</p>
          <ul className="suggestion-labels" data-testid="model-suggestion-labels">
            {byLabel.map(([label, n]) => (
              <li key={label}>
                <span className="chip">{label}</span> ×{n}{" "}
                <button
                  className="link"
                  disabled={disabled}
                  onClick={() => void act("accept", { label }, (k) => `Accepted ${k} ${label} suggestion${k === 1 ? "" : "s"}.`)}
                >
                  Accept all {label}
                </button>
              </li>
            ))}
          </ul>
          <button disabled={disabled} onClick={() => void act("accept", {}, (k) => `Accepted ${k} suggestion${k === 1 ? "" : "s"}.`)}>
            Accept all {items.length} on this document
          </button>
        </>
      )}
      {notice && (
        <p className="small muted" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="small error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
