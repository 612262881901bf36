"use client";
/** The stance's holder: a canonical entity of the project, found by typing. */
import { useMemo, useState } from "react";
import type { HolderOption } from "@/lib/stances/holder-options";
import { Combobox } from "@/components/ui/combobox";

export function HolderCombobox({ options, value, onChange }: { options: HolderOption[]; value: string; onChange(id: string): void }) {
  const selected = options.find((o) => o.id === value) ?? null;
  const [query, setQuery] = useState(selected?.name ?? "");
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    const list = q && q !== selected?.name.toLowerCase() ? options.filter((o) => o.name.toLowerCase().includes(q)) : options;
    return list.slice(0, 50);
  }, [options, query, selected]);

  return (
    <Combobox
      label="Holder"
      caption="Holder"
      query={query}
      onQueryChange={(q) => {
        setQuery(q);
        if (selected && q !== selected.name) onChange("");
      }}
      items={matches.map((o) => ({
        key: o.id,
        value: o,
        content: (
          <>
            {o.name} <span className="muted">{o.type}</span>
          </>
        ),
      }))}
      onPick={(o) => {
        onChange(o.id);
        setQuery(o.name);
      }}
      placeholder={options.length ? "Type to find an entity" : "No entities in the registry yet"}
      empty="No entity matches"
    />
  );
}
