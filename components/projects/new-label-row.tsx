"use client";
import { useEffect, useRef } from "react";
import type { FormAction } from "@/lib/actions/form-action";
import { useSubmitAction } from "@/components/forms/use-submit-action";
import { HOTKEYS, LABEL_PALETTE } from "@/lib/projects/label-input";
import type { SchemaLabel } from "@/lib/projects/label-schema";
import { HotkeyOptions, KindOptions, LABEL_COLUMNS } from "./label-row";
import { RowNote } from "@/components/forms/row-note";

/** The last row of the schema table: a label to add, with a free hotkey and an unused colour suggested. */
export function NewLabelRow({
  projectId,
  labels,
  hotkeyOwners,
  add,
}: {
  projectId: string;
  labels: SchemaLabel[];
  hotkeyOwners: Map<string, string>;
  add: FormAction;
}) {
  const [state, onSubmit, pending] = useSubmitAction(add, null);
  const form = useRef<HTMLFormElement>(null);
  const name = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state?.ok) {
      form.current?.reset();
      name.current?.focus();
    }
  }, [state]);
  const used = new Set(labels.map((l) => l.color));
  const color = LABEL_PALETTE.find((c) => !used.has(c)) ?? LABEL_PALETTE[0];
  const hotkey = HOTKEYS.find((k) => !hotkeyOwners.has(k)) ?? "";
  const formId = `new-label-${projectId}`;
  const field = (n: string) => ({ form: formId, name: n, "aria-invalid": state && !state.ok && state.field === n ? true : undefined });

  return (
    <>
      <tr className="new-label">
        <td className="muted small">new</td>
        <td>
          <input ref={name} type="text" required maxLength={40} aria-label="Name of the new label" placeholder="Name" className="w-name" {...field("name")} />
        </td>
        <td>
          <select defaultValue="ENTITY" aria-label="Kind of the new label" {...field("kind")}>
            <KindOptions />
          </select>
        </td>
        <td>
          <input type="color" defaultValue={color} aria-label="Colour of the new label" {...field("color")} />
        </td>
        <td>
          <select key={hotkey} defaultValue={hotkey} aria-label="Hotkey of the new label" {...field("hotkey")}>
            <HotkeyOptions owners={hotkeyOwners} />
          </select>
        </td>
        <td className="w-fill">
          <input type="text" maxLength={1000} aria-label="Description of the new label" placeholder="Guideline shown to annotators" {...field("description")} />
        </td>
        <td />
        <td className="actions">
          <form id={formId} ref={form} onSubmit={onSubmit}>
            <input type="hidden" name="projectId" value={projectId} />
            <button type="submit" className="primary" disabled={pending}>
              Add label
            </button>
          </form>
        </td>
      </tr>
      {state && <RowNote columns={LABEL_COLUMNS} state={state} />}
    </>
  );
}
