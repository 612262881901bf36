"use client";
/** An accessible combobox over the project's canonical entities, filtered as one types. */
import { useId, useMemo, useState } from "react";
import type { HolderOption } from "@/lib/stances/holder-options";

export function HolderCombobox({ options, value, onChange }: { options: HolderOption[]; value: string; onChange(id: string): void }) {
  const id = useId();
  const selected = options.find((o) => o.id === value) ?? null;
  const [query, setQuery] = useState(selected?.name ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    const list = q && q !== selected?.name.toLowerCase() ? options.filter((o) => o.name.toLowerCase().includes(q)) : options;
    return list.slice(0, 50);
  }, [options, query, selected]);

  const pick = (o: HolderOption) => {
    onChange(o.id);
    setQuery(o.name);
    setOpen(false);
  };

  return (
    <div className="combo">
      <label htmlFor={`${id}-input`}>Holder</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${id}-opt-${matches[active].id}` : undefined}
        value={query}
        placeholder={options.length ? "Type to find an entity" : "No entities in the registry yet"}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 120)}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
          if (selected && e.target.value !== selected.name) onChange("");
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, matches.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter" && open && matches[active]) {
            e.preventDefault();
            pick(matches[active]);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      {open && (
        <ul id={`${id}-list`} role="listbox" aria-label="Entities" className="combo-list">
          {matches.length === 0 && <li className="muted">No entity matches</li>}
          {matches.map((o, i) => (
            <li
              key={o.id}
              id={`${id}-opt-${o.id}`}
              role="option"
              aria-selected={o.id === value}
              className={i === active ? "active" : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(o);
              }}
            >
              {o.name} <span className="muted">{o.type}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
