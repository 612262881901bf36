"use client";
/** Admins: the project's OpenAI-compatible endpoints (keys are write-only) and whether text may leave this machine. */
import { useState } from "react";
import { useRouter } from "next/navigation";
import { requestJson } from "@/components/api/client";
import type { EndpointView } from "@/lib/assist/endpoints";

type Props = { projectId: string; endpoints: EndpointView[]; allowExternal: boolean };

export function EndpointsEditor({ projectId, endpoints, allowExternal }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (call: () => ReturnType<typeof requestJson>, done: string) => {
    setBusy(true);
    setError(null);
    setSaved(null);
    const res = await call();
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setSaved(done);
    router.refresh();
  };

  return (
    <div className="card endpoints-editor">
      <label className="toggle">
        <input
          type="checkbox"
          checked={allowExternal}
          disabled={busy}
          onChange={(e) =>
            run(
              () => requestJson(`/api/v1/projects/${projectId}`, { method: "PATCH", body: { allowExternalModels: e.target.checked } }),
              e.target.checked ? "Text may now go to external endpoints." : "Text now stays on this machine.",
            )
          }
        />{" "}
        Allow sending document text to endpoints outside this machine
      </label>
      <p className="small muted">Off: only endpoints on this machine (localhost) are used, such as a local Ollama or llama.cpp server.</p>

      {endpoints.length > 0 && (
        <table className="list" data-testid="endpoints">
          <caption className="sr-only">Model endpoints</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Model</th>
              <th scope="col">Base URL</th>
              <th scope="col">Key</th>
              <th scope="col">Limits</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((e) => (
              <tr key={e.id}>
                <th scope="row">{e.name}</th>
                <td>{e.model}</td>
                <td>
                  <code>{e.baseUrl}</code> {e.onThisMachine ? <span className="muted small">this machine</span> : <span className="small">external</span>}
                </td>
                <td>{e.hasKey ? "set" : "none"}</td>
                <td className="small">
                  {e.timeoutMs / 1000} s timeout · {e.maxRetries} retries · {e.requestsPerMinute}/min
                </td>
                <td>
                  <button
                    className="link danger"
                    disabled={busy}
                    onClick={() => run(() => requestJson(`/api/v1/model-endpoints/${e.id}`, { method: "DELETE" }), `Removed ${e.name}.`)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <form
        className="endpoint-form"
        onSubmit={(ev) => {
          ev.preventDefault();
          const f = new FormData(ev.currentTarget);
          const text = (k: string) => String(f.get(k) ?? "").trim();
          const key = text("apiKey");
          void run(
            () =>
              requestJson(`/api/v1/projects/${projectId}/model-endpoints`, {
                method: "PUT",
                body: {
                  name: text("name"),
                  baseUrl: text("baseUrl"),
                  model: text("model"),
                  ...(key ? { apiKey: key } : {}),
                  timeoutMs: Number(text("timeoutS")) * 1000,
                  maxRetries: Number(text("maxRetries")),
                  requestsPerMinute: Number(text("rpm")),
                },
              }),
            `Saved ${text("name")}.`,
          );
        }}
      >
        <h3>Add or change an endpoint</h3>
        <div className="endpoint-fields">
          <label>
            Name <input name="name" required maxLength={60} pattern="[A-Za-z0-9][A-Za-z0-9._\-]{0,59}" placeholder="local-llama" />
          </label>
          <label>
            Base URL <input name="baseUrl" type="url" required placeholder="http://localhost:11434/v1" />
          </label>
          <label>
            Model <input name="model" required maxLength={200} placeholder="llama3.1:8b" />
          </label>
          <label>
            API key <input name="apiKey" type="password" autoComplete="off" maxLength={500} placeholder="left empty: unchanged" />
          </label>
          <label>
            Timeout (s) <input name="timeoutS" type="number" min={1} max={600} defaultValue={60} required />
          </label>
          <label>
            Retries <input name="maxRetries" type="number" min={0} max={10} defaultValue={3} required />
          </label>
          <label>
            Requests per minute <input name="rpm" type="number" min={1} max={10000} defaultValue={60} required />
          </label>
        </div>
        <button type="submit" disabled={busy}>
          Save endpoint
        </button>
      </form>
      {saved && (
        <p className="small ok" role="status">
          {saved}
        </p>
      )}
      {error && (
        <p className="small error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
