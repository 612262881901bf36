"use client";
/**
 * Type-ahead over the project's registry (ARIA combobox): type to search,
 * ↓/↑ to move, Enter to pick, Escape to close. The last option creates a new
 * entity from the mention in place, unless one of that name is listed already.
 */
import { useEffect, useState } from "react";
import { Combobox, type ComboboxItem } from "@/components/ui/combobox";
import { fetchJson } from "@/components/api/client";
import type { EntitySummary } from "./entity-summary";

type Found = EntitySummary & { matchedAlias?: string };
type Option = { kind: "entity"; entity: Found } | { kind: "create" };

export function EntityCombobox(props: {
  projectId: string;
  mentionText: string;
  label: string;
  disabled?: boolean;
  onPick(entity: EntitySummary): void;
  onCreate(): void;
}) {
  const [q, setQ] = useState("");
  const [items, setItems] = useState<Found[]>([]);

  useEffect(() => {
    const query = q.trim();
    if (!query) return;
    const ctrl = setTimeout(() => {
      fetchJson<{ items: Found[] }>(`/api/v1/projects/${props.projectId}/entities?q=${encodeURIComponent(query)}&limit=8`)
        .then((r) => setItems(r.items))
        .catch(() => setItems([]));
    }, 120);
    return () => clearTimeout(ctrl);
  }, [q, props.projectId]);

  const shown = q.trim() ? items : []; // an emptied box lists no entities
  const options: ComboboxItem<Option>[] = [
    ...shown.map((entity) => ({
      key: entity.id,
      value: { kind: "entity" as const, entity },
      content: (
        <>
          <strong>{entity.name}</strong> <span className="chip">{entity.type}</span>
          {entity.matchedAlias && entity.matchedAlias !== entity.name && <span className="muted"> · {entity.matchedAlias}</span>}
        </>
      ),
    })),
  ];
  // an entity of that name is there already: linking to it is the choice, not a second one of the same name
  const named = (e: Found) => e.name.toLocaleLowerCase() === props.mentionText.trim().toLocaleLowerCase();
  if (!shown.some(named))
    options.push({
      key: "create",
      value: { kind: "create" },
      content: (
        <>
          Create “{props.mentionText}” as {props.label}
        </>
      ),
    });

  return (
    <Combobox
      className="entity-combobox"
      label="Link to entity"
      query={q}
      onQueryChange={setQ}
      items={options}
      onPick={(o) => {
        setQ("");
        if (o.kind === "entity") props.onPick(o.entity);
        else props.onCreate();
      }}
      placeholder="Search entities…"
      disabled={props.disabled}
    />
  );
}
