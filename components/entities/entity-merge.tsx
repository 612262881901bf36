"use client";
/**
 * "Merge into…" on an entity's page (reviewers, admins): a type-ahead over the
 * project's other entities and an inline confirm saying what will move. The
 * merged entity is gone then, so the page moves on to the one it was merged
 * into, which shows what moved, the conflicts, and an "Undo merge" button
 * (`outcome`); undoing goes back to the entity split out again.
 */
import { useEffect, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Combobox, type ComboboxItem } from "@/components/ui/combobox";
import { fetchJson } from "@/components/api/client";
import type { EntitySummary } from "./entity-summary";
import type { EntityMergeView } from "@/lib/entities/merge";

type Found = EntitySummary & { matchedAlias?: string };
type MergeResult = { into: { id: string; name: string }; mergeId: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function EntityMerge(props: {
  entity: { id: string; name: string; type: string; projectId: string };
  counts: { mentions: number; stances: number; aliases: number };
  /** the merge that brought the user here (?merged=), shown with its undo */
  outcome?: EntityMergeView | null;
}) {
  const router = useRouter();
  const [q, setQ] = useState("");
  const [items, setItems] = useState<Found[]>([]);
  const [picked, setPicked] = useState<Found | null>(null);
  const result = props.outcome && !props.outcome.undoneAt ? props.outcome : null;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const query = q.trim();
    if (!query) return;
    const t = setTimeout(() => {
      fetchJson<{ items: Found[] }>(`/api/v1/projects/${props.entity.projectId}/entities?q=${encodeURIComponent(query)}&limit=9`)
        .then((r) => setItems(r.items))
        .catch(() => setItems([]));
    }, 120);
    return () => clearTimeout(t);
  }, [q, props.entity.projectId]);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const merge = () =>
    run(async () => {
      if (!picked) return;
      const merged = await fetchJson<MergeResult>(`/api/v1/entities/${props.entity.id}/merge`, { method: "POST", body: { intoId: picked.id } });
      router.replace(`/projects/${props.entity.projectId}/entities/${merged.into.id}?merged=${merged.mergeId}`);
    });

  const undo = () =>
    run(async () => {
      if (!result) return;
      await fetchJson(`/api/v1/entity-merges/${result.id}/undo`, { method: "POST" });
      router.replace(`/projects/${props.entity.projectId}/entities/${result.from.id}`);
    });

  const options: ComboboxItem<Found>[] = (q.trim() ? items : [])
    .filter((e) => e.id !== props.entity.id)
    .map((e) => ({
      key: e.id,
      value: e,
      content: (
        <>
          <strong>{e.name}</strong> <span className="chip">{e.type}</span>
          {e.matchedAlias && e.matchedAlias !== e.name && <span className="muted"> · {e.matchedAlias}</span>}
        </>
      ),
    }));

  return (
    <section aria-labelledby="entity-merge-heading" className="entity-merge">
      <h2 id="entity-merge-heading">Merge</h2>
      {result ? (
        <div className="merge-result" role="status">
          <p>
            Merged “{result.from.name}” into <Link href={`/projects/${props.entity.projectId}/entities/${result.into.id}`}>{result.into.name}</Link>:{" "}
            {plural(result.moved.mentions, "mention")}, {plural(result.moved.stances, "stance")} and {plural(result.moved.aliases, "alias", "aliases")} moved.
          </p>
          {result.conflicts.length > 0 && (
            <>
              <h3>Conflicts ({result.conflicts.length})</h3>
              <ul className="merge-conflicts" aria-label="Merge conflicts">
                {result.conflicts.map((c, i) => (
                  <li key={i}>
                    <strong>{c.field === "externalId" ? "external id" : c.field}</strong>: “{c.from}” vs “{c.into}” — {c.resolution}
                  </li>
                ))}
              </ul>
            </>
          )}
          <button className="button" type="button" onClick={undo} disabled={busy}>
            Undo merge
          </button>
        </div>
      ) : picked ? (
        <div className="merge-confirm" role="group" aria-label="Confirm merge">
          <p>
            Merge “{props.entity.name}” into “{picked.name}”? {plural(props.counts.mentions, "mention")} and {plural(props.counts.stances, "stance")} will move
            to “{picked.name}”, and {plural(props.counts.aliases, "alias", "aliases")} will join its spellings; “{props.entity.name}” is then deleted (the merge
            can be undone).
            {picked.type !== props.entity.type && (
              <>
                {" "}
                The types differ ({props.entity.type} vs {picked.type}): “{picked.name}” keeps {picked.type}.
              </>
            )}
          </p>
          <button className="button" type="button" onClick={merge} disabled={busy} autoFocus>
            Merge
          </button>{" "}
          <button className="button" type="button" onClick={() => setPicked(null)} disabled={busy}>
            Cancel
          </button>
        </div>
      ) : (
        <Combobox
          className="entity-combobox"
          label="Merge into…"
          caption="Merge into…"
          query={q}
          onQueryChange={setQ}
          items={options}
          onPick={(e) => {
            setQ("");
            setPicked(e);
          }}
          placeholder="Search this project's entities…"
          empty={q.trim() ? "No other entity matches" : undefined}
        />
      )}
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
