"use client";
/** The "Stances" side panel: this layer's stances and a form to record one (holder → target → polarity, confidence, evidence). */
import { useEffect, useMemo, useState } from "react";
import { useMarks, useWorkbench, useWorkbenchState, type Mark } from "@/components/workbench/workbench-context";
import { POLARITIES, POLARITY_TEXT, type Polarity, type StanceView } from "@/lib/stances/stance-input";
import type { HolderOption } from "@/lib/stances/holder-options";
import { HolderCombobox } from "./holder-combobox";
import { requestJson } from "@/components/api/client";
import type { ListPage } from "@/lib/api/list-page";

export type TargetOption = { id: string; text: string; description: string };

type Draft = {
  id: string | null;
  version: number;
  holderId: string;
  targetId: string;
  polarity: Polarity;
  confidence: number;
  documentLevel: boolean;
  evidence: { id: string; text: string }[];
};

const emptyDraft = (targetId: string): Draft => ({
  id: null,
  version: 0,
  holderId: "",
  targetId,
  polarity: "AGAINST",
  confidence: 0.5,
  documentLevel: false,
  evidence: [],
});

export function StancePanel({ holders, targets }: { holders: HolderOption[]; targets: TargetOption[] }) {
  const wb = useWorkbench();
  const focused = useWorkbenchState((s) => s.focused);
  const locked = useWorkbenchState((s) => s.locked);
  const liveTick = useWorkbenchState((s) => s.liveTick);
  const deletesSaved = useWorkbenchState((s) => s.deletesSaved);
  const url = `/api/v1/documents/${wb.documentId}/stances?layer=${wb.target}`;
  const [stances, setStances] = useState<StanceView[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (res: Awaited<ReturnType<typeof requestJson<ListPage<StanceView>>>>) => (res.ok ? setStances(res.data.items) : setError(res.error));
  const load = async () => show(await requestJson<ListPage<StanceView>>(url));
  useEffect(() => {
    let live = true;
    void requestJson<ListPage<StanceView>>(url).then((res) => live && (res.ok ? setStances(res.data.items) : setError(res.error)));
    return () => {
      live = false;
    };
  }, [url, liveTick, deletesSaved]); // also after a change elsewhere, and after a deleted span took evidence with it

  const marks = useMemo<Mark[]>(
    () =>
      stances.flatMap((s) =>
        s.evidence.map((e) => ({
          id: `${s.id}:${e.annotationId}`,
          start: e.start,
          end: e.end,
          className: "stance-evidence-mark",
          title: `Evidence: ${s.holder.name} → ${s.target.text}`,
        })),
      ),
    [stances],
  );
  useMarks("stances", marks);

  const save = async () => {
    if (!draft) return;
    if (!draft.holderId) return setError("Pick a holder from the registry");
    if (!draft.targetId) return setError("Pick a target");
    const body = {
      holderId: draft.holderId,
      targetId: draft.targetId,
      polarity: draft.polarity,
      confidence: draft.confidence,
      documentLevel: draft.documentLevel,
      evidence: draft.evidence.map((e) => e.id),
    };
    setBusy(true);
    const res = draft.id
      ? await requestJson<StanceView>(`/api/v1/stances/${draft.id}`, { method: "PATCH", body: { ...body, version: draft.version } })
      : await requestJson<StanceView>(url, { method: "POST", body });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    setDraft(null);
    await load();
  };

  const remove = async (s: StanceView) => {
    setBusy(true);
    const res = await requestJson(`/api/v1/stances/${s.id}?version=${s.version}`, { method: "DELETE" });
    setBusy(false);
    if (!res.ok) setError(res.error);
    await load();
  };
  const addFocused = () => {
    if (!draft || !focused) return;
    if (draft.evidence.some((e) => e.id === focused.id)) return;
    setDraft({ ...draft, evidence: [...draft.evidence, { id: focused.id, text: focused.text }] });
  };

  return (
    <section className="stance-panel" aria-labelledby="stance-panel-title" data-testid="stance-panel">
      <h2 id="stance-panel-title">
        Stances <span className="count">{stances.length}</span>
      </h2>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      <ul className="stance-list">
        {stances.map((s) => (
          <li key={s.id} data-testid="stance-item">
            <div className="stance-line">
              <strong>{s.holder.name}</strong> → <span>{s.target.text}</span>
            </div>
            <div className="stance-line">
              <span className={`polarity-chip ${s.polarity}`}>{POLARITY_TEXT[s.polarity]}</span>
              <span className="muted small">confidence {s.confidence.toFixed(2)}</span>
              {s.documentLevel && <span className="muted small">· whole document</span>}
            </div>
            {s.evidence.map((e) => (
              <button key={e.annotationId} className="evidence-snippet" title="Show this evidence span" onClick={() => wb.focus(e.annotationId)}>
                “{e.text}”
              </button>
            ))}
            {!locked && (
              <div className="stance-actions">
                <button
                  onClick={() =>
                    setDraft({
                      id: s.id,
                      version: s.version,
                      holderId: s.holder.id,
                      targetId: s.target.id,
                      polarity: s.polarity,
                      confidence: s.confidence,
                      documentLevel: s.documentLevel,
                      evidence: s.evidence.map((e) => ({ id: e.annotationId, text: e.text })),
                    })
                  }
                  aria-label={`Edit stance of ${s.holder.name} on ${s.target.text}`}
                >
                  Edit
                </button>
                <button disabled={busy} onClick={() => void remove(s)} aria-label={`Delete stance of ${s.holder.name} on ${s.target.text}`}>
                  Delete
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {!locked && !draft && (
        <button className="button" onClick={() => setDraft(emptyDraft(targets[0]?.id ?? ""))}>
          New stance
        </button>
      )}
      {draft && (
        <form
          className="stance-form"
          aria-label={draft.id ? "Edit stance" : "New stance"}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <HolderCombobox key={draft.id ?? "new"} options={holders} value={draft.holderId} onChange={(holderId) => setDraft((d) => d && { ...d, holderId })} />
          <label>
            Target
            <select value={draft.targetId} onChange={(e) => setDraft({ ...draft, targetId: e.target.value })}>
              {targets.length === 0 && <option value="">No targets: a reviewer adds them on the stance view</option>}
              {targets.map((t) => (
                <option key={t.id} value={t.id} title={t.description}>
                  {t.text}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="polarity-group">
            <legend>Polarity</legend>
            {POLARITIES.map((p) => (
              <label key={p}>
                <input type="radio" name="polarity" value={p} checked={draft.polarity === p} onChange={() => setDraft({ ...draft, polarity: p })} />{" "}
                {POLARITY_TEXT[p]}
              </label>
            ))}
          </fieldset>
          <label className="confidence">
            Confidence
            <input
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={draft.confidence}
              onChange={(e) => setDraft({ ...draft, confidence: Number(e.target.value) })}
            />
            <output aria-live="polite">{draft.confidence.toFixed(2)}</output>
          </label>
          <label className="toggle">
            <input type="checkbox" checked={draft.documentLevel} onChange={(e) => setDraft({ ...draft, documentLevel: e.target.checked })} /> Document-level
            stance
          </label>
          <div className="evidence-box">
            <span className="small muted">Evidence</span>
            {draft.evidence.length === 0 && (
              <p className="muted small">{draft.documentLevel ? "Optional for a document-level stance." : "Click a span in the text, then add it."}</p>
            )}
            <ul>
              {draft.evidence.map((e) => (
                <li key={e.id}>
                  <span className="evidence-text">“{e.text}”</span>
                  <button
                    type="button"
                    aria-label={`Remove evidence ${e.text}`}
                    onClick={() => setDraft({ ...draft, evidence: draft.evidence.filter((x) => x.id !== e.id) })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
            <button
              type="button"
              disabled={!focused || focused.version === 0}
              onClick={addFocused}
              title={focused ? `“${focused.text}”` : "Click a span in the text first"}
            >
              Add focused span as evidence
            </button>
          </div>
          <div className="stance-actions">
            <button type="submit" className="button primary" disabled={busy}>
              {draft.id ? "Save stance" : "Record stance"}
            </button>
            <button type="button" onClick={() => (setDraft(null), setError(null))}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
