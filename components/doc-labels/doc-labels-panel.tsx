"use client";
/**
 * Document labels in the workbench: the project's sets beside the spans,
 * radio buttons for a single-choice set and checkboxes for a multiple-choice
 * one, each choice's description as its hint, Shift+letter hotkeys on the
 * text (through WorkbenchApi.onTextKey). Every change is saved at once as the
 * layer's complete list of choices (PUT /api/v1/documents/:id/doc-labels),
 * with its own save status; a refused change puts back what the server holds.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useWorkbench, useWorkbenchState } from "@/components/workbench/workbench-context";
import { fetchJson } from "@/components/api/client";
import type { DocLabelSetView } from "@/lib/doc-labels/doc-label-schema";
import type { DocLabelLayerView, HeldChoice } from "@/lib/doc-labels/doc-label-values";
import { toggledChoices } from "@/lib/doc-labels/toggle-choice";

type Loaded = { sets: DocLabelSetView[]; layers: DocLabelLayerView[] };
type Status = { phase: "saved" } | { phase: "saving" } | { phase: "error"; message: string };

export function DocLabelsPanel() {
  const api = useWorkbench();
  const locked = useWorkbenchState((s) => s.locked);
  const liveTick = useWorkbenchState((s) => s.liveTick);
  const [sets, setSets] = useState<DocLabelSetView[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [held, setHeld] = useState<HeldChoice[]>([]);
  const [status, setStatus] = useState<Status>({ phase: "saved" });
  const saving = useRef(0);
  const url = `/api/v1/documents/${api.documentId}/doc-labels`;
  const mine = api.target === "gold" ? "gold" : "own";

  const load = useCallback(
    () =>
      fetchJson<Loaded>(url).then(
        (r) => {
          if (saving.current > 0) return; // a save in flight answers with the layer as it is
          const layer = r.layers.find((l) => l.kind === mine);
          setSets(r.sets);
          setHeld(layer?.values ?? []);
          setChosen((layer?.values ?? []).map((v) => v.choiceId));
        },
        (e: Error) => setStatus({ phase: "error", message: e.message }),
      ),
    [url, mine],
  );
  useEffect(() => {
    void load();
  }, [load, liveTick]);

  const save = useCallback(
    async (next: string[], before: string[]) => {
      setChosen(next);
      setStatus({ phase: "saving" });
      saving.current++;
      try {
        const r = await fetchJson<{ values: HeldChoice[] }>(url, { method: "PUT", body: { layer: mine, choices: next } });
        setHeld(r.values);
        setStatus({ phase: "saved" });
      } catch (e) {
        setChosen(before);
        setStatus({ phase: "error", message: (e as Error).message });
      } finally {
        saving.current--;
      }
    },
    [url, mine],
  );

  const toggle = useCallback(
    (choiceId: string) => {
      if (!sets || locked) return;
      void save(toggledChoices(sets, chosen, choiceId), chosen);
    },
    [sets, locked, chosen, save],
  );

  const byKey = useMemo(() => new Map((sets ?? []).flatMap((s) => s.choices.filter((c) => c.hotkey).map((c) => [c.hotkey!, c.id] as const))), [sets]);
  const { onTextKey } = api;
  useEffect(
    () =>
      onTextKey((e) => {
        if (e.ctrlKey || e.metaKey || e.altKey || !e.shiftKey || !/^[A-Z]$/i.test(e.key)) return false;
        const id = byKey.get(e.key.toUpperCase());
        if (!id || locked) return false;
        toggle(id);
        return true;
      }),
    [onTextKey, byKey, locked, toggle],
  );

  if (!sets || sets.length === 0) return null;
  // archived choices the layer still holds are shown (and can be unticked), not offered anew
  const archivedHeld = held.filter((h) => !sets.some((s) => s.choices.some((c) => c.id === h.choiceId)));
  return (
    <section className="doc-labels" aria-label="Document labels" data-testid="doc-labels">
      <h2>
        Document labels{" "}
        <span className={`doc-labels-status ${status.phase}`} role="status" aria-live="polite">
          {status.phase === "saved" ? "✓ saved" : status.phase === "saving" ? "Saving…" : `✗ not saved: ${status.message}`}
        </span>
      </h2>
      {sets.map((set) => (
        <fieldset key={set.id} className="doc-label-set" disabled={locked}>
          <legend title={set.description || undefined}>
            {set.name} <span className="muted small">{set.multiple ? "any number" : "one"}</span>
          </legend>
          {set.description && <p className="muted small">{set.description}</p>}
          {set.choices.map((c) => (
            <label key={c.id} className="doc-label-choice" title={c.description || undefined}>
              <input
                type={set.multiple ? "checkbox" : "radio"}
                name={`doc-label-${set.id}`}
                checked={chosen.includes(c.id)}
                onChange={() => toggle(c.id)}
                onClick={(e) => {
                  // a second click on the chosen radio button clears the set
                  if (!set.multiple && chosen.includes(c.id)) {
                    e.preventDefault();
                    toggle(c.id);
                  }
                }}
                aria-describedby={c.description ? `doc-label-hint-${c.id}` : undefined}
              />{" "}
              {c.name}
              {c.hotkey && (
                <>
                  {" "}
                  <kbd aria-label={`Shift+${c.hotkey}`}>⇧{c.hotkey}</kbd>
                </>
              )}
              {c.description && (
                <span id={`doc-label-hint-${c.id}`} className="muted small doc-label-hint">
                  {c.description}
                </span>
              )}
            </label>
          ))}
        </fieldset>
      ))}
      {archivedHeld.length > 0 && (
        <p className="muted small">
          Also held (archived):{" "}
          {archivedHeld.map((h) => (
            <button key={h.choiceId} className="link" disabled={locked} onClick={() => toggle(h.choiceId)} title="Remove this archived label">
              {h.set}: {h.choice} ✕
            </button>
          ))}
        </p>
      )}
      <p className="muted small">Focus the text, then Shift+letter sets or clears a label.</p>
    </section>
  );
}
