"use client";
/** Every key of the workbench, in a dialog the `?` key opens (Radix: focus moves in and stays, Esc closes, then the text has the keys again). */
import { memo } from "react";
import * as Dialog from "@radix-ui/react-dialog";

const KEYS: [string, string][] = [
  ["← →", "previous / next word"],
  ["↑ ↓", "the word above / below, by visual line"],
  ["PageUp PageDown", "a screenful up / down"],
  ["Home End", "first / last word"],
  ["Shift + a move", "extend the selection"],
  ["Enter", "select the word under the cursor"],
  ["1 – 9", "apply the label with that key (to the selection, else the word under the cursor)"],
  ["l", "go to the label bar (← → to choose, Enter to apply, Esc back)"],
  ["Delete", "remove the span under the cursor"],
  ["a / x", "accept / reject the model's suggestion under the cursor"],
  ["Shift + letter", "set or clear the document label with that key (shown in the Document labels panel)"],
  ["Ctrl+Z or u", "undo the last change"],
  ["w", "snap selections to whole words on / off"],
  ["t", "label names on spans on / off"],
  ["Esc", "cancel the selection, close a panel"],
  ["?", "this list"],
];

export const KeysHelp = memo(function KeysHelp({ open, onOpenChange, onClosed }: { open: boolean; onOpenChange(open: boolean): void; onClosed(): void }) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="dialog keys-help"
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            onClosed();
          }}
        >
          <Dialog.Title>Keys</Dialog.Title>
          <Dialog.Description className="muted small">Focus the text (click it or Tab to it), then:</Dialog.Description>
          <table className="keys">
            <tbody>
              {KEYS.map(([keys, what]) => (
                <tr key={keys}>
                  <th scope="row">
                    {keys.split(" ").map((k, i) => (k === "+" || k === "–" || k === "or" || k === "a" || k === "move" ? ` ${k} ` : <kbd key={i}>{k}</kbd>))}
                  </th>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button autoFocus>Close</button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
});
