"use client";
/** Queues pre-annotation: which model, which labels, on every document of the project. */
import { useState } from "react";
import { useRouter } from "next/navigation";
import { requestJson } from "@/components/api/client";
import type { EndpointView } from "@/lib/assist/endpoints";

type Props = { projectId: string; documents: number; labels: string[]; endpoints: EndpointView[]; allowExternal: boolean };

export function PreannotateForm({ projectId, documents, labels, endpoints, allowExternal }: Props) {
  const router = useRouter();
  const [model, setModel] = useState("builtin");
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(labels));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const blocked = (e: EndpointView) => !e.onThisMachine && !allowExternal;

  return (
    <form
      className="card preannotate-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        const res = await requestJson(`/api/v1/projects/${projectId}/preannotate`, { method: "POST", body: { model, labels: [...chosen] } });
        setBusy(false);
        if (!res.ok) return setError(res.error);
        router.refresh();
      }}
    >
      <div className="row">
        <label htmlFor="preannotate-model">Model</label>
        <select id="preannotate-model" value={model} onChange={(e) => setModel(e.target.value)}>
          <option value="builtin">Built-in recognizer (offline, in this server)</option>
          {endpoints.map((e) => (
            <option key={e.id} value={e.name} disabled={blocked(e)}>
              {e.name}: {e.model} at {new URL(e.baseUrl).host}
              {blocked(e) ? " (external: not allowed in this project)" : ""}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="label-choice">
        <legend>Labels to propose</legend>
        {labels.map((l) => (
          <label key={l} className="toggle">
            <input
              type="checkbox"
              checked={chosen.has(l)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(l);
                else next.delete(l);
                setChosen(next);
              }}
            />{" "}
            {l}
          </label>
        ))}
      </fieldset>
      <button className="primary" type="submit" disabled={busy || chosen.size === 0 || documents === 0}>
        {busy ? "Queueing…" : `Pre-annotate ${documents.toLocaleString("en")} document${documents === 1 ? "" : "s"}`}
      </button>
      <p className="small muted">
        Suggestions go into a layer of their own per model; annotators accept or reject them in the document view. What someone rejected is never proposed
        again.
      </p>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
