"use client";
import { startTransition, useCallback, useEffect, useLayoutEffect, useOptimistic, useRef, useState } from "react";
import type { FormAction } from "@/lib/actions/form-action";
import type { SchemaLabel } from "@/lib/projects/label-schema";
import { LABEL_COLUMNS, LabelRow } from "./label-row";
import { NewLabelRow } from "./new-label-row";

type Move = { id: string; direction: "up" | "down" };

function moved(list: SchemaLabel[], m: Move) {
  const from = list.findIndex((l) => l.id === m.id);
  const to = m.direction === "up" ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

const keyOf = (list: SchemaLabel[]) => list.map((l) => l.id).join(",");

/**
 * The label schema as a dense table, edited row by row. Moving a row
 * reorders at once (optimistically) and keeps keyboard focus on the moved
 * row's button, so ↑/↓ can be pressed again and again.
 */
/** The server actions of the editor, handed down by the page. */
export type LabelSchemaActions = { save: FormAction; add: FormAction; move: FormAction };

export function LabelSchemaEditor({ projectId, labels, actions }: { projectId: string; labels: SchemaLabel[]; actions: LabelSchemaActions }) {
  const active = labels.filter((l) => !l.archived);
  const archived = labels.filter((l) => l.archived);
  const [ordered, applyMove] = useOptimistic(active, moved);
  const [announce, setAnnounce] = useState<{ text: string; error: boolean } | null>(null);
  const pendingFocus = useRef<(Move & { keys: string[] }) | null>(null);
  const hotkeyOwners = new Map(active.filter((l) => l.hotkey).map((l) => [l.hotkey!, l.name]));

  // Rows changed since saved: one Save submits each of them; leaving the page with any asks first.
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const markDirty = useCallback((id: string, changed: boolean) => {
    setDirty((d) => {
      if (d.has(id) === changed) return d;
      const next = new Set(d);
      if (changed) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const save = useCallback<FormAction>(
    async (prev, form) => {
      const result = await actions.save(prev, form);
      if (result?.ok && form.get("intent") === "save") markDirty(String(form.get("labelId")), false);
      return result;
    },
    [actions, markDirty],
  );
  // Server actions run one after another, in the order submitted: rows that give a hotkey up go first, so keys can change hands.
  const saveAll = () => {
    const forms = [...dirty].map((id) => document.getElementById(`label-${id}`) as HTMLFormElement | null).filter((f): f is HTMLFormElement => f !== null);
    const freesKey = (f: HTMLFormElement) => (new FormData(f).get("hotkey") === "" ? 0 : 1);
    for (const form of forms.sort((a, b) => freesKey(a) - freesKey(b))) form.requestSubmit(form.querySelector<HTMLButtonElement>("button[data-save-row]"));
  };
  useEffect(() => {
    if (dirty.size === 0) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
  const orderKey = keyOf(ordered);

  const move = (label: SchemaLabel, direction: Move["direction"]) => {
    const next = moved(ordered, { id: label.id, direction });
    pendingFocus.current = { id: label.id, direction, keys: [keyOf(next), orderKey] };
    startTransition(async () => {
      applyMove({ id: label.id, direction });
      const form = new FormData();
      form.set("labelId", label.id);
      form.set("direction", direction);
      const result = await actions.move(null, form);
      const position = next.findIndex((l) => l.id === label.id) + 1;
      setAnnounce(
        result?.ok ? { text: `${label.name} is now number ${position} of ${next.length}`, error: false } : { text: result?.error ?? "Not moved", error: true },
      );
    });
  };

  // A moved row's DOM node may be detached and re-inserted, which drops focus: put it back.
  useLayoutEffect(() => {
    const p = pendingFocus.current;
    if (!p) return;
    if (!p.keys.includes(orderKey)) {
      pendingFocus.current = null;
      return;
    }
    const other = p.direction === "up" ? "down" : "up";
    const same = document.querySelector<HTMLButtonElement>(`[data-move="${p.id}:${p.direction}"]`);
    const fallback = document.querySelector<HTMLButtonElement>(`[data-move="${p.id}:${other}"]`);
    const target = same && !same.disabled ? same : fallback;
    if (target && document.activeElement !== target) target.focus();
  }, [orderKey]);

  return (
    <>
      <div className="table-scroll">
        <table className="list dense labels" aria-describedby="label-help">
          <thead>
            <tr>
              <th>Order</th>
              <th>Name</th>
              <th>Kind</th>
              <th>Colour</th>
              <th>Hotkey</th>
              <th>Description (guideline)</th>
              <th className="num">Spans</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((l, i) => (
              <LabelRow
                key={l.id}
                label={l}
                hotkeyOwners={hotkeyOwners}
                position={{ index: i, count: ordered.length, onMove: (d) => move(l, d) }}
                save={save}
                dirty={dirty.has(l.id)}
                onDirtyChange={markDirty}
              />
            ))}
            <NewLabelRow projectId={projectId} labels={labels} hotkeyOwners={hotkeyOwners} add={actions.add} />
          </tbody>
          {archived.length > 0 && (
            <tbody className="archived-group">
              <tr>
                <th colSpan={LABEL_COLUMNS} scope="rowgroup">
                  Archived: kept on existing spans, not offered for new ones
                </th>
              </tr>
              {archived.map((l) => (
                <LabelRow key={l.id} label={l} hotkeyOwners={hotkeyOwners} save={save} dirty={dirty.has(l.id)} onDirtyChange={markDirty} />
              ))}
            </tbody>
          )}
        </table>
      </div>
      <div className="schema-save">
        <button className="primary" disabled={dirty.size === 0} onClick={saveAll}>
          Save changes{dirty.size > 0 ? ` (${dirty.size})` : ""}
        </button>
        <span className={dirty.size > 0 ? "unsaved small" : "muted small"} role="status">
          {dirty.size > 0 ? `${dirty.size} label${dirty.size === 1 ? " has" : "s have"} unsaved changes` : "All labels saved"}
        </span>
      </div>
      <p id="label-help" className="muted small">
        Names are unique in the project; hotkeys 1–9 are unique among active labels. A label in use is archived, never deleted, so its spans keep it; one no
        span uses can be deleted.
      </p>
      <p role="status" className="sr-only">
        {announce && !announce.error ? announce.text : ""}
      </p>
      <p role="alert" className="error small">
        {announce?.error ? announce.text : ""}
      </p>
    </>
  );
}
