"use client";
import { useState } from "react";
import type { FormAction } from "@/lib/actions/form-action";
import { useSubmitAction } from "@/components/forms/use-submit-action";
import { LABEL_KINDS } from "@/lib/domain/enums";
import { HOTKEYS } from "@/lib/projects/label-input";
import type { SchemaLabel } from "@/lib/projects/label-schema";
import { RowNote } from "@/components/forms/row-note";
import { ConfirmButton } from "@/components/ui/confirm-button";

export const LABEL_COLUMNS = 8;

type Props = {
  label: SchemaLabel;
  /** hotkey → name of the active label holding it */
  hotkeyOwners: Map<string, string>;
  position?: { index: number; count: number; onMove: (direction: "up" | "down") => void };
  /** saves, archives or unarchives the label */
  save: FormAction;
  /** changed since it was saved (the editor's one Save submits every such row) */
  dirty?: boolean;
  onDirtyChange?: (labelId: string, dirty: boolean) => void;
};

const EDITED = ["name", "kind", "color", "hotkey", "description"] as const;

/** Hotkey choices that say who holds a key already. */
export function HotkeyOptions({ owners, self }: { owners: Map<string, string>; self?: string }) {
  return (
    <>
      <option value="">—</option>
      {HOTKEYS.map((k) => {
        const owner = owners.get(k);
        return (
          <option key={k} value={k}>
            {owner && owner !== self ? `${k} · ${owner}` : k}
          </option>
        );
      })}
    </>
  );
}

export function KindOptions() {
  return LABEL_KINDS.map((k) => (
    <option key={k} value={k}>
      {k.replace("_", " ").toLowerCase()}
    </option>
  ));
}

/** One label, edited in place and marked while unsaved; the editor's Save, Archive, Unarchive and (for an unused label) Delete answer in a line under the row. */
export function LabelRow({ label, hotkeyOwners, position, save, dirty = false, onDirtyChange }: Props) {
  const [state, onSubmit, pending] = useSubmitAction(save, null);
  const [color, setColor] = useState(label.color);
  const formId = `label-${label.id}`;
  const field = (name: string) => ({
    form: formId,
    name,
    "aria-invalid": state && !state.ok && state.field === name ? true : undefined,
    "aria-describedby": state && !state.ok ? `${formId}-error` : undefined,
  });

  const saved: Record<(typeof EDITED)[number], string> = {
    name: label.name,
    kind: label.kind,
    color: label.color,
    hotkey: label.hotkey ?? "",
    description: label.description,
  };
  const onInput = (e: React.FormEvent<HTMLTableRowElement>) => {
    const form = (e.target as HTMLInputElement).form;
    if (!form || !onDirtyChange) return;
    const now = new FormData(form);
    onDirtyChange(
      label.id,
      EDITED.some((k) => String(now.get(k) ?? "") !== saved[k]),
    );
  };

  return (
    <>
      <tr
        className={[label.archived ? "archived" : "", dirty ? "dirty" : ""].join(" ").trim() || undefined}
        data-testid={`label-row-${label.name}`}
        onInput={onInput}
        onChange={onInput}
      >
        <td className="order">
          {position ? (
            <>
              <button
                type="button"
                className="icon"
                data-move={`${label.id}:up`}
                disabled={position.index === 0}
                onClick={() => position.onMove("up")}
                aria-label={`Move ${label.name} up`}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon"
                data-move={`${label.id}:down`}
                disabled={position.index === position.count - 1}
                onClick={() => position.onMove("down")}
                aria-label={`Move ${label.name} down`}
              >
                ↓
              </button>
            </>
          ) : (
            <span className="muted small">archived</span>
          )}
        </td>
        <td>
          <input type="text" defaultValue={label.name} required maxLength={40} aria-label={`Name of ${label.name}`} className="w-name" {...field("name")} />
        </td>
        <td>
          <select defaultValue={label.kind} aria-label={`Kind of ${label.name}`} {...field("kind")}>
            <KindOptions />
          </select>
        </td>
        <td className="nowrap">
          <input
            type="color"
            defaultValue={label.color}
            onChange={(e) => setColor(e.target.value)}
            aria-label={`Colour of ${label.name}`}
            {...field("color")}
          />{" "}
          <code className="small muted">{color}</code>
        </td>
        <td>
          <select defaultValue={label.hotkey ?? ""} aria-label={`Hotkey of ${label.name}`} {...field("hotkey")}>
            <HotkeyOptions owners={hotkeyOwners} self={label.name} />
          </select>
        </td>
        <td className="w-fill">
          <input
            type="text"
            defaultValue={label.description}
            maxLength={1000}
            aria-label={`Description of ${label.name}`}
            placeholder="Guideline shown to annotators"
            {...field("description")}
          />
        </td>
        <td className="num">{label.spans}</td>
        <td className="actions">
          <form id={formId} onSubmit={onSubmit}>
            <input type="hidden" name="labelId" value={label.id} />
            {/* the editor's one Save (and Enter in a field) submits with this one */}
            <button type="submit" name="intent" value="save" hidden data-save-row disabled={pending}>
              Save {label.name}
            </button>
            {dirty && (
              <span className="unsaved small" aria-label={`${label.name} has unsaved changes`}>
                ● unsaved
              </span>
            )}
            {label.archived ? (
              <button type="submit" name="intent" value="unarchive" disabled={pending} aria-label={`Unarchive ${label.name}`}>
                Unarchive
              </button>
            ) : (
              <button
                type="submit"
                name="intent"
                value="archive"
                disabled={pending}
                aria-label={`Archive ${label.name}`}
                title="Hide from annotators; spans keep it"
              >
                Archive
              </button>
            )}
            {label.spans === 0 && (
              <>
                <button type="submit" name="intent" value="delete" hidden data-delete-row>
                  Delete {label.name}
                </button>
                <ConfirmButton
                  className="danger"
                  disabled={pending}
                  ask
                  title={`Delete ${label.name}?`}
                  description="No span uses it. It leaves the schema; the project's history keeps what it was."
                  confirmLabel="Delete"
                  onConfirm={() => {
                    const form = document.getElementById(formId) as HTMLFormElement | null;
                    form?.requestSubmit(form.querySelector<HTMLButtonElement>("button[data-delete-row]"));
                  }}
                >
                  Delete
                </ConfirmButton>
              </>
            )}
          </form>
        </td>
      </tr>
      {state && (
        <RowNote columns={LABEL_COLUMNS} state={state} errorId={`${formId}-error`}>
          {state.ok && `${label.name}: ${state.message}`}
        </RowNote>
      )}
    </>
  );
}
