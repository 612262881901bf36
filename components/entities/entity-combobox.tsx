"use client";
/**
 * Type-ahead over the project's registry (ARIA combobox): type to search,
 * ↓/↑ to move, Enter to pick, Escape to close. The last option creates a new
 * entity from the mention in place.
 */
import { useEffect, useId, useState } from "react";
import { fetchJson } from "@/components/api/client";
import type { EntitySummary } from "./entity-summary";

type Option = { kind: "entity"; entity: EntitySummary & { matchedAlias?: string } } | { kind: "create" };

export function EntityCombobox(props: {
  projectId: string;
  mentionText: string;
  label: string;
  disabled?: boolean;
  onPick(entity: EntitySummary): void;
  onCreate(): void;
}) {
  const [q, setQ] = useState("");
  const [items, setItems] = useState<(EntitySummary & { matchedAlias?: string })[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();

  useEffect(() => {
    const query = q.trim();
    if (!query) return;
    const ctrl = setTimeout(() => {
      fetchJson<{ items: (EntitySummary & { matchedAlias?: string })[] }>(`/api/v1/projects/${props.projectId}/entities?q=${encodeURIComponent(query)}&limit=8`)
        .then((r) => setItems(r.items))
        .catch(() => setItems([]));
    }, 120);
    return () => clearTimeout(ctrl);
  }, [q, props.projectId]);

  const shown = q.trim() ? items : []; // an emptied box lists no entities
  const options: Option[] = [...shown.map((entity) => ({ kind: "entity" as const, entity })), { kind: "create" }];
  const choose = (o: Option) => {
    setOpen(false);
    setQ("");
    if (o.kind === "entity") props.onPick(o.entity);
    else props.onCreate();
  };

  return (
    <div className="entity-combobox">
      <input
        role="combobox"
        aria-label="Link to entity"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        placeholder="Search entities…"
        value={q}
        disabled={props.disabled}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, options.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter" && open) {
            e.preventDefault();
            choose(options[Math.min(active, options.length - 1)]);
          } else if (e.key === "Escape") setOpen(false);
        }}
      />
      {open && (
        <ul role="listbox" id={listId} className="entity-options" aria-label="Entities">
          {options.map((o, i) => (
            <li
              key={o.kind === "entity" ? o.entity.id : "create"}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "active" : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o);
              }}
            >
              {o.kind === "entity" ? (
                <>
                  <strong>{o.entity.name}</strong> <span className="chip">{o.entity.type}</span>
                  {o.entity.matchedAlias && o.entity.matchedAlias !== o.entity.name && <span className="muted"> · {o.entity.matchedAlias}</span>}
                </>
              ) : (
                <>
                  Create “{props.mentionText}” as {props.label}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
