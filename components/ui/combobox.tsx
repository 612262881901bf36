"use client";
/**
 * The one type-ahead combobox: cmdk for the listbox semantics and keys (↑/↓
 * move, Enter picks, the active option is `aria-selected`), a Radix popover
 * anchored to the input for placement. Focus stays in the input while the
 * list is open; the list renders in place (no portal), so it follows the
 * input in the tab order and in its panel. Esc or a pick closes it.
 */
import { useState, type ReactNode } from "react";
import { Command } from "cmdk";
import * as Popover from "@radix-ui/react-popover";
import { useOnChange } from "./use-on-change";

export type ComboboxItem<T> = { key: string; value: T; content: ReactNode };

type Props<T> = {
  /** the accessible name of the input */
  label: string;
  /** a visible caption above the input (the accessible name stays `label`) */
  caption?: string;
  query: string;
  onQueryChange(query: string): void;
  items: ComboboxItem<T>[];
  onPick(value: T): void;
  placeholder?: string;
  disabled?: boolean;
  /** shown when there are no items */
  empty?: ReactNode;
  className?: string;
};

export function Combobox<T>({ label, caption, query, onQueryChange, items, onPick, placeholder, disabled, empty, className }: Props<T>) {
  const [open, setOpen] = useState(false);
  // the active option: the first one whenever the list changes (results arrive after typing)
  const [active, setActive] = useState(items[0]?.key ?? "");
  useOnChange(items.map((i) => i.key).join("\n"), () => setActive(items[0]?.key ?? ""));
  const pick = (item: ComboboxItem<T>) => {
    setOpen(false);
    onPick(item.value);
  };
  return (
    <Command label={label} shouldFilter={false} value={active} onValueChange={setActive} className={`combobox ${className ?? ""}`.trim()}>
      {caption && (
        <span className="combobox-caption" aria-hidden>
          {caption}
        </span>
      )}
      <Popover.Root open={open && !disabled} onOpenChange={setOpen}>
        <Popover.Anchor asChild>
          <Command.Input
            value={query}
            placeholder={placeholder}
            disabled={disabled}
            onValueChange={(q) => {
              onQueryChange(q);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={(e) => {
              if (e.key === "Escape" && open) {
                e.stopPropagation();
                setOpen(false);
              } else if (e.key === "ArrowDown" || e.key === "ArrowUp") setOpen(true);
            }}
          />
        </Popover.Anchor>
        <Popover.Content
          className="combobox-list"
          align="start"
          sideOffset={2}
          onOpenAutoFocus={(e) => e.preventDefault()}
          onCloseAutoFocus={(e) => e.preventDefault()}
          // a press on an option must not take focus from the input (it would close the list before the click)
          onMouseDown={(e) => e.preventDefault()}
        >
          <Command.List label={`${label}: options`}>
            {empty && <Command.Empty>{empty}</Command.Empty>}
            {items.map((item) => (
              <Command.Item key={item.key} value={item.key} onSelect={() => pick(item)}>
                {item.content}
              </Command.Item>
            ))}
          </Command.List>
        </Popover.Content>
      </Popover.Root>
    </Command>
  );
}
