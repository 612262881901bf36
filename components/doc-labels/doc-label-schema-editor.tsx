"use client";
/**
 * The project's document label sets, edited as a whole and saved with one
 * Save (PUT /api/v1/projects/:id/doc-labels): sets (single or multiple
 * choice) and their choices with descriptions and Shift+letter hotkeys,
 * reordered with ↑/↓. Unsaved changes are marked, and leaving the page with
 * them asks first. A set or choice removed here is archived when documents
 * use it (the server says so in the saved schema), removed otherwise.
 */
import { useEffect, useMemo, useState } from "react";
import { requestJson } from "@/components/api/client";
import type { DocLabelSetView } from "@/lib/doc-labels/doc-label-schema";
import { schemaProblems } from "@/lib/doc-labels/schema-rules";

type DraftChoice = { key: string; id?: string; name: string; description: string; hotkey: string; archived: boolean; values: number };
type DraftSet = { key: string; id?: string; name: string; description: string; multiple: boolean; archived: boolean; choices: DraftChoice[] };

let counter = 0;
const newKey = () => `new-${++counter}`;

const toDraft = (sets: DocLabelSetView[]): DraftSet[] =>
  sets.map((s) => ({
    key: s.id,
    id: s.id,
    name: s.name,
    description: s.description,
    multiple: s.multiple,
    archived: s.archived,
    choices: s.choices.map((c) => ({
      key: c.id,
      id: c.id,
      name: c.name,
      description: c.description,
      hotkey: c.hotkey ?? "",
      archived: c.archived,
      values: c.values,
    })),
  }));

const toInput = (sets: DraftSet[]) => ({
  sets: sets.map((s) => ({
    ...(s.id ? { id: s.id } : {}),
    name: s.name,
    description: s.description,
    multiple: s.multiple,
    archived: s.archived,
    choices: s.choices.map((c) => ({
      ...(c.id ? { id: c.id } : {}),
      name: c.name,
      description: c.description,
      hotkey: c.hotkey || null,
      archived: c.archived,
    })),
  })),
});

function moved<T>(list: T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

export function DocLabelSchemaEditor({ projectId, sets: initial }: { projectId: string; sets: DocLabelSetView[] }) {
  const [saved, setSaved] = useState(() => toDraft(initial));
  const [draft, setDraft] = useState(saved);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = JSON.stringify(toInput(draft)) !== JSON.stringify(toInput(saved));
  const problems = useMemo(
    () =>
      schemaProblems(
        draft.map((s) => ({
          name: s.name.trim(),
          archived: s.archived,
          choices: s.choices.map((c) => ({ name: c.name.trim(), hotkey: c.hotkey.toUpperCase() || null, archived: c.archived })),
        })),
      ),
    [draft],
  );

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const setAt = (i: number, patch: Partial<DraftSet>) => setDraft((d) => d.map((s, k) => (k === i ? { ...s, ...patch } : s)));
  const choiceAt = (i: number, j: number, patch: Partial<DraftChoice>) =>
    setDraft((d) => d.map((s, k) => (k === i ? { ...s, choices: s.choices.map((c, l) => (l === j ? { ...c, ...patch } : c)) } : s)));

  const save = async () => {
    setBusy(true);
    setStatus(null);
    const res = await requestJson<{ sets: DocLabelSetView[] }>(`/api/v1/projects/${projectId}/doc-labels`, { method: "PUT", body: toInput(draft) });
    setBusy(false);
    if (!res.ok) {
      setStatus({ text: res.error, error: true });
      return;
    }
    const next = toDraft(res.data.sets);
    setSaved(next);
    setDraft(next);
    setStatus({ text: "Document labels saved.", error: false });
  };

  return (
    <div className="doc-label-editor" data-testid="doc-label-editor">
      <p className="muted small">
        Labels for the document as a whole (topic, relevance, type…), set beside the spans. Hotkeys are letters, pressed with Shift in the workbench (the digits
        belong to span labels).
      </p>
      {draft.map((set, i) => (
        <fieldset key={set.key} className="doc-label-set-editor" aria-label={`Set ${set.name || i + 1}`}>
          <div className="row">
            <label>
              Set <input type="text" value={set.name} maxLength={40} required onChange={(e) => setAt(i, { name: e.target.value })} />
            </label>
            <label>
              <input type="checkbox" checked={set.multiple} onChange={(e) => setAt(i, { multiple: e.target.checked })} /> several choices at once
            </label>
            <label>
              <input type="checkbox" checked={set.archived} onChange={(e) => setAt(i, { archived: e.target.checked })} /> archived
            </label>
            <button type="button" aria-label={`Move ${set.name} up`} disabled={i === 0} onClick={() => setDraft((d) => moved(d, i, -1))}>
              ↑
            </button>
            <button type="button" aria-label={`Move ${set.name} down`} disabled={i === draft.length - 1} onClick={() => setDraft((d) => moved(d, i, 1))}>
              ↓
            </button>
            <button type="button" onClick={() => setDraft((d) => d.filter((_, k) => k !== i))} title="Used sets are archived, unused ones removed, on Save">
              Remove set
            </button>
          </div>
          <label className="row">
            Description <input type="text" value={set.description} maxLength={1000} size={60} onChange={(e) => setAt(i, { description: e.target.value })} />
          </label>
          <table className="list">
            <caption className="sr-only">Choices of {set.name}</caption>
            <thead>
              <tr>
                <th scope="col">Choice</th>
                <th scope="col">Description (shown as a hint)</th>
                <th scope="col">Key</th>
                <th scope="col">Archived</th>
                <th scope="col">Used</th>
                <th scope="col">
                  <span className="sr-only">Order and removal</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {set.choices.map((c, j) => (
                <tr key={c.key}>
                  <td>
                    <input
                      type="text"
                      aria-label="Choice name"
                      value={c.name}
                      maxLength={40}
                      required
                      onChange={(e) => choiceAt(i, j, { name: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      type="text"
                      aria-label="Choice description"
                      value={c.description}
                      maxLength={1000}
                      onChange={(e) => choiceAt(i, j, { description: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      type="text"
                      className="hotkey-input"
                      aria-label="Hotkey (a letter, pressed with Shift)"
                      value={c.hotkey}
                      maxLength={1}
                      pattern="[A-Za-z]"
                      onChange={(e) => choiceAt(i, j, { hotkey: e.target.value.toUpperCase() })}
                    />
                  </td>
                  <td>
                    <input type="checkbox" aria-label="Archived" checked={c.archived} onChange={(e) => choiceAt(i, j, { archived: e.target.checked })} />
                  </td>
                  <td>{c.values}</td>
                  <td>
                    <button type="button" aria-label={`Move ${c.name} up`} disabled={j === 0} onClick={() => setAt(i, { choices: moved(set.choices, j, -1) })}>
                      ↑
                    </button>
                    <button
                      type="button"
                      aria-label={`Move ${c.name} down`}
                      disabled={j === set.choices.length - 1}
                      onClick={() => setAt(i, { choices: moved(set.choices, j, 1) })}
                    >
                      ↓
                    </button>
                    <button type="button" aria-label={`Remove ${c.name}`} onClick={() => setAt(i, { choices: set.choices.filter((_, l) => l !== j) })}>
                      ✕
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            onClick={() => setAt(i, { choices: [...set.choices, { key: newKey(), name: "", description: "", hotkey: "", archived: false, values: 0 }] })}
          >
            Add choice
          </button>
        </fieldset>
      ))}
      <div className="row">
        <button
          type="button"
          onClick={() => setDraft((d) => [...d, { key: newKey(), name: "", description: "", multiple: false, archived: false, choices: [] }])}
        >
          Add set
        </button>
        <button type="button" className="button" disabled={busy || !dirty} onClick={() => void save()}>
          {busy ? "Saving…" : "Save document labels"}
        </button>
        {dirty && <span className="unsaved">● Unsaved changes</span>}
        {dirty && (
          <button type="button" className="link" onClick={() => setDraft(saved)}>
            Discard
          </button>
        )}
      </div>
      {problems.length > 0 && (
        <ul className="problem small" aria-live="polite">
          {problems.map((p) => (
            <li key={p.path}>{p.message}</li>
          ))}
        </ul>
      )}
      {status && (
        <p className={status.error ? "problem small" : "muted small"} role={status.error ? "alert" : "status"}>
          {status.text}
        </p>
      )}
    </div>
  );
}

/** The sets for reviewers, read-only. */
export function DocLabelSchemaView({ sets }: { sets: DocLabelSetView[] }) {
  if (sets.length === 0) return <p className="muted small">No document labels in this project.</p>;
  return (
    <ul className="small">
      {sets.map((s) => (
        <li key={s.id}>
          <strong>{s.name}</strong> ({s.multiple ? "several" : "one"}){s.archived && " · archived"}:{" "}
          {s.choices.map((c) => `${c.name}${c.hotkey ? ` [⇧${c.hotkey}]` : ""}${c.archived ? " (archived)" : ""}`).join(", ")}
        </li>
      ))}
    </ul>
  );
}
