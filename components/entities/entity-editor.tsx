"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { fetchJson } from "@/components/api/client";

type Entity = { id: string; name: string; type: string; note: string; externalId: string | null; updatedAt: string; aliases: { id: string; alias: string }[] };

/** Edits an entity's name, type, note and external id, and its aliases. */
export function EntityEditor({ entity, types }: { entity: Entity; types: string[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      router.refresh();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <div className="entity-editor">
      <form
        aria-label="Entity details"
        className="entity-fields"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          void run(() =>
            fetchJson(`/api/v1/entities/${entity.id}`, {
              method: "PATCH",
              body: { name: f.get("name"), type: f.get("type"), note: f.get("note"), externalId: f.get("externalId"), updatedAt: entity.updatedAt },
            }),
          );
        }}
      >
        <label>
          Name <input name="name" defaultValue={entity.name} required />
        </label>
        <label>
          Type{" "}
          <select name="type" defaultValue={entity.type}>
            {types.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          External id <input name="externalId" defaultValue={entity.externalId ?? ""} placeholder="e.g. Q42" size={12} />
        </label>
        <label className="wide">
          Note <textarea name="note" defaultValue={entity.note} rows={2} />
        </label>
        <button className="button" type="submit">
          Save
        </button>
      </form>
      <section aria-label="Aliases" className="alias-editor">
        <h2>Aliases</h2>
        <ul className="alias-list">
          {entity.aliases.map((a) => (
            <li key={a.id} className="chip">
              {a.alias}
              {a.alias !== entity.name && (
                <button
                  className="chip-remove"
                  aria-label={`Remove alias ${a.alias}`}
                  onClick={() => run(() => fetchJson(`/api/v1/entities/${entity.id}/aliases/${a.id}`, { method: "DELETE" }))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        <form
          aria-label="Add alias"
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const alias = String(new FormData(form).get("alias"));
            void run(async () => {
              await fetchJson(`/api/v1/entities/${entity.id}/aliases`, { method: "POST", body: { alias } });
              form.reset();
            });
          }}
        >
          <label>
            New alias <input name="alias" required maxLength={200} />
          </label>{" "}
          <button className="button" type="submit">
            Add
          </button>
        </form>
      </section>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
