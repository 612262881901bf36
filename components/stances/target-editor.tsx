"use client";
/** Add, rename and remove the project's stance targets (reviewers and admins). */
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { TargetView } from "@/lib/stances/targets";
import { requestJson } from "@/components/api/client";

export function TargetEditor({ projectId, targets }: { projectId: string; targets: TargetView[] }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [description, setDescription] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; text: string; description: string } | null>(null);

  const done = (res: { ok: boolean; error?: string }) => {
    if (!res.ok) return setError(res.error ?? "Could not save");
    setError(null);
    router.refresh();
    return true;
  };

  return (
    <section className="target-editor" aria-labelledby="targets-title">
      <h2 id="targets-title">Stance targets</h2>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      <table className="list dense">
        <thead>
          <tr>
            <th scope="col">Target</th>
            <th scope="col">Description</th>
            <th scope="col" className="num">
              Stances
            </th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {targets.map((t) =>
            editing?.id === t.id ? (
              <tr key={t.id}>
                <td>
                  <input type="text" aria-label="Target text" value={editing.text} onChange={(e) => setEditing({ ...editing, text: e.target.value })} />
                </td>
                <td>
                  <input
                    type="text"
                    aria-label="Target description"
                    value={editing.description}
                    onChange={(e) => setEditing({ ...editing, description: e.target.value })}
                  />
                </td>
                <td className="num">{t.stances}</td>
                <td className="actions">
                  <button
                    onClick={async () => {
                      const res = await requestJson(`/api/v1/stance-targets/${t.id}`, {
                        method: "PATCH",
                        body: { text: editing.text, description: editing.description },
                      });
                      if (done(res)) setEditing(null);
                    }}
                  >
                    Save
                  </button>
                  <button onClick={() => setEditing(null)}>Cancel</button>
                </td>
              </tr>
            ) : (
              <tr key={t.id}>
                <td>{t.text}</td>
                <td className="muted">{t.description}</td>
                <td className="num">{t.stances}</td>
                <td className="actions">
                  <button onClick={() => setEditing({ id: t.id, text: t.text, description: t.description })} aria-label={`Edit target ${t.text}`}>
                    Edit
                  </button>
                  <button
                    disabled={t.stances > 0}
                    title={t.stances > 0 ? "Stances use this target" : undefined}
                    onClick={async () => done(await requestJson(`/api/v1/stance-targets/${t.id}`, { method: "DELETE" }))}
                    aria-label={`Delete target ${t.text}`}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      <form
        className="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (done(await requestJson(`/api/v1/projects/${projectId}/stance-targets`, { method: "POST", body: { text, description } }))) {
            setText("");
            setDescription("");
          }
        }}
      >
        <label>
          New target
          <input
            type="text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            required
            maxLength={300}
            placeholder="e.g. Iraq joining the US-led coalition"
          />
        </label>
        <label>
          Description
          <input type="text" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={2000} />
        </label>
        <button type="submit" className="button">
          Add target
        </button>
      </form>
    </section>
  );
}
