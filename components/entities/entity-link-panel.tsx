"use client";
/** The entity link of the focused span: shows it, links via type-ahead, creates in place, unlinks. */
import { useCallback, useEffect, useState } from "react";
import Link from "next/link";
import { useWorkbench, useWorkbenchState } from "@/components/workbench/workbench-context";
import { ApiError, fetchJson } from "@/components/api/client";
import type { EntitySummary } from "./entity-summary";
import { EntityCombobox } from "./entity-combobox";
import { useOnChange } from "@/components/ui/use-on-change";

type MentionState = { annotation: { id: string; version: number; entityId: string | null }; entity: EntitySummary | null };

export function EntityLinkPanel({ projectId, onChanged }: { projectId: string; onChanged(): void }) {
  const api = useWorkbench();
  const focused = useWorkbenchState((s) => s.focused);
  const locked = useWorkbenchState((s) => s.locked);
  const [state, setState] = useState<MentionState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** the entity a refused create named: linking to it is offered instead */
  const [taken, setTaken] = useState<{ id: string; name: string } | null>(null);
  // Only a span the server has confirmed (version > 0) has a link to show; reload when it changes.
  const savedId = focused && focused.version > 0 ? focused.id : null;
  const savedVersion = focused?.version ?? 0;

  useOnChange(`${savedId}:${savedVersion}`, () => {
    setError(null);
    setTaken(null);
    if (!savedId) setState(null);
  });
  useEffect(() => {
    if (!savedId) return;
    let live = true;
    fetchJson<MentionState>(`/api/v1/annotations/${savedId}/entity`)
      .then((s) => live && setState(s))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [savedId, savedVersion]);

  const write = useCallback(
    async (run: () => Promise<MentionState>) => {
      setBusy(true);
      setError(null);
      setTaken(null);
      try {
        setState(await run());
        await api.catchUp();
        onChanged();
      } catch (e) {
        setError((e as Error).message);
        const existing =
          e instanceof ApiError && e.code === "CONFLICT" ? (e.details as { existing?: { id: string; name: string } } | undefined)?.existing : undefined;
        setTaken(existing ?? null);
      } finally {
        setBusy(false);
      }
    },
    [api, onChanged],
  );

  if (!focused)
    return (
      <section className="entity-panel" aria-label="Entity">
        <h2>Entity</h2>
        <p className="muted">Click a span in the text to link it to an entity of the registry.</p>
      </section>
    );
  const version = state?.annotation.version ?? focused.version;
  return (
    <section className="entity-panel" aria-label="Entity">
      <h2>Entity</h2>
      <p className="entity-mention">
        <span className="chip">{focused.label}</span> “{focused.text}”
      </p>
      {!savedId ? (
        <p className="muted">Saving…</p>
      ) : state?.entity ? (
        <p className="entity-linked" data-testid="entity-linked">
          → <Link href={`/projects/${projectId}/entities/${state.entity.id}`}>{state.entity.name}</Link> <span className="chip">{state.entity.type}</span>{" "}
          <button
            className="link-button"
            disabled={busy || locked}
            onClick={() => write(() => fetchJson(`/api/v1/annotations/${savedId}/entity`, { method: "PUT", body: { entityId: null, version } }))}
          >
            Unlink
          </button>
        </p>
      ) : (
        <p className="muted">Not linked.</p>
      )}
      {savedId && (
        <EntityCombobox
          projectId={projectId}
          mentionText={focused.text}
          label={focused.label}
          disabled={busy || locked}
          onPick={(entity) => write(() => fetchJson(`/api/v1/annotations/${savedId}/entity`, { method: "PUT", body: { entityId: entity.id, version } }))}
          onCreate={() => write(() => fetchJson(`/api/v1/annotations/${savedId}/entity`, { method: "POST", body: { version, create: {} } }))}
        />
      )}
      {error && (
        <p className="banner error" role="alert">
          {error}
          {taken && savedId && (
            <>
              {" "}
              <button
                disabled={busy || locked}
                onClick={() => write(() => fetchJson(`/api/v1/annotations/${savedId}/entity`, { method: "PUT", body: { entityId: taken.id, version } }))}
              >
                Link to {taken.name}
              </button>
            </>
          )}
        </p>
      )}
    </section>
  );
}
