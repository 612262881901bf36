"use client";
/** Registry suggestions on the document: drawn as dashed marks, grouped by entity; accept one, accept all, dismiss. */
import { useCallback, useEffect, useMemo, useState } from "react";
import { useMarks, useWorkbench, useWorkbenchState, type Mark } from "@/components/workbench/workbench-context";
import { VirtualList } from "@/components/ui/virtual-list";
import { fetchJson } from "@/components/api/client";
import type { ListPage } from "@/lib/api/list-page";

type Suggestion = { entityId: string; entityName: string; entityType: string; start: number; end: number; text: string };
type Payload = ListPage<Suggestion> & { entities: { entityId: string; name: string; type: string; count: number }[] };

const toggled = (set: ReadonlySet<string>, id: string, isOpen: boolean) => {
  const next = new Set(set);
  if (isOpen) next.add(id);
  else next.delete(id);
  return next;
};

const RELOAD_AFTER_PAUSE_MS = 1500;

export const SUGGESTION_MARKS = "entity-suggestions";
const markId = (s: Suggestion) => `${s.entityId}:${s.start}:${s.end}`;

export function SuggestionsPanel({ refresh }: { refresh: number }) {
  const api = useWorkbench();
  const locked = useWorkbenchState((s) => s.locked);
  const activeMark = useWorkbenchState((s) => s.activeMark);
  const [data, setData] = useState<Payload>({ items: [], nextCursor: null, entities: [] });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A group's mentions are drawn only while it is open, in a virtualized list: a long report has thousands.
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const base = `/api/v1/documents/${api.documentId}/suggestions`;
  const layer = `?layer=${api.target}`;

  const load = useCallback(() => fetchJson<Payload>(`${base}${layer}`).then(setData, (e: Error) => setError(e.message)), [base, layer]);
  useEffect(() => {
    void load();
  }, [load, refresh]);
  // A change of the layer (deleting a linked span, a change in another tab) can change what is open; ask again
  // once the annotator pauses, not on every key press: the server finds the suggestions in the whole text.
  const layerSize = useWorkbenchState((s) => s.annotations.length);
  const [seenSize, setSeenSize] = useState(layerSize);
  useEffect(() => {
    if (layerSize === seenSize) return;
    const timer = setTimeout(() => {
      setSeenSize(layerSize);
      void load();
    }, RELOAD_AFTER_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [layerSize, seenSize, load]);

  const marks = useMemo<Mark[]>(
    () =>
      data.items.map((s) => ({
        id: markId(s),
        start: s.start,
        end: s.end,
        className: "entity-suggestion",
        title: `Suggestion: ${s.entityName} (${s.entityType}) — click to accept or dismiss`,
      })),
    [data.items],
  );
  useMarks(SUGGESTION_MARKS, marks);
  const byEntity = useMemo(() => {
    const groups = new Map<string, Suggestion[]>();
    for (const s of data.items) {
      const group = groups.get(s.entityId);
      if (group) group.push(s);
      else groups.set(s.entityId, [s]);
    }
    return groups;
  }, [data.items]);

  const act = async (path: string, body: unknown) => {
    setBusy(true);
    setError(null);
    try {
      await fetchJson(`${base}/${path}${layer}`, { method: "POST", body });
      await api.catchUp();
      await load();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const active = activeMark?.key === SUGGESTION_MARKS ? data.items.find((s) => markId(s) === activeMark!.id) : undefined;
  const disabled = busy || locked;

  return (
    <section className="entity-suggestions" aria-label="Registry matches">
      <h2>
        Registry matches <span className="muted">({data.items.length})</span>
      </h2>
      {active && (
        <div className="suggestion-active" data-testid="active-suggestion">
          “{active.text}” → <strong>{active.entityName}</strong> <span className="chip">{active.entityType}</span>
          <div className="row">
            <button className="button" disabled={disabled} onClick={() => act("accept", { entityId: active.entityId, start: active.start, end: active.end })}>
              Accept
            </button>
            <button disabled={disabled} onClick={() => act("dismiss", { entityId: active.entityId, start: active.start, end: active.end })}>
              Dismiss
            </button>
          </div>
        </div>
      )}
      {data.entities.length === 0 ? (
        <p className="muted">No registry names left unlinked in this text.</p>
      ) : (
        <ul className="suggestion-groups">
          {data.entities.map((e) => (
            <li key={e.entityId} data-testid="suggestion-group">
              <details
                onToggle={(ev) => {
                  const isOpen = ev.currentTarget.open; // read now: React's event is gone when the updater runs
                  setOpen((o) => toggled(o, e.entityId, isOpen));
                }}
              >
                <summary>
                  <strong>{e.name}</strong> <span className="chip">{e.type}</span> <span className="muted">×{e.count}</span>
                </summary>
                {open.has(e.entityId) && (
                  <VirtualList
                    items={byEntity.get(e.entityId) ?? []}
                    itemKey={markId}
                    maxHeight="30vh"
                    aria-label={`Mentions of ${e.name}`}
                    renderItem={(s) => (
                      <>
                        “{s.text}” <span className="muted">@{s.start}</span>{" "}
                        <button className="link-button" disabled={disabled} onClick={() => act("accept", { entityId: s.entityId, start: s.start, end: s.end })}>
                          accept
                        </button>{" "}
                        <button
                          className="link-button"
                          disabled={disabled}
                          onClick={() => act("dismiss", { entityId: s.entityId, start: s.start, end: s.end })}
                        >
                          dismiss
                        </button>
                      </>
                    )}
                  />
                )}
              </details>
              <button
                className="link-button"
                disabled={disabled}
                onClick={() => act("accept", { entityId: e.entityId, all: true })}
                aria-label={`Accept all ${e.count} of ${e.name}`}
              >
                Accept all
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
