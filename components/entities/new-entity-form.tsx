"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { fetchJson } from "@/components/api/client";

/** Adds an entity to the registry: name, type, comma-separated aliases, external id. */
export function NewEntityForm({ projectId, types }: { projectId: string; types: string[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="new-entity"
      aria-label="New entity"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const f = new FormData(form);
        setError(null);
        try {
          await fetchJson(`/api/v1/projects/${projectId}/entities`, {
            method: "POST",
            body: {
              name: String(f.get("name")),
              type: String(f.get("type")),
              aliases: String(f.get("aliases"))
                .split(",")
                .map((a) => a.trim())
                .filter(Boolean),
              externalId: String(f.get("externalId")),
            },
          });
          form.reset();
          router.refresh();
        } catch (err) {
          setError((err as Error).message);
        }
      }}
    >
      <label>
        Name <input name="name" required maxLength={200} />
      </label>
      <label>
        Type{" "}
        <select name="type">
          {types.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <label>
        Aliases <input name="aliases" placeholder="comma, separated" />
      </label>
      <label>
        External id <input name="externalId" placeholder="e.g. Q42" size={10} />
      </label>
      <button className="button" type="submit">
        Add entity
      </button>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
