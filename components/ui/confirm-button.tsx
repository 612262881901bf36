"use client";
/**
 * A button that asks first when `ask` is set, on a Radix dialog: modal, focus
 * on the safe choice and trapped, Esc or Cancel closes, focus returns to the
 * button. Without `ask` it acts at once.
 */
import type { ReactNode } from "react";
import * as Dialog from "@radix-ui/react-dialog";

type Props = {
  children: ReactNode;
  className?: string;
  disabled?: boolean;
  ask: boolean;
  title: string;
  description: string;
  confirmLabel: string;
  onConfirm(): void;
};

export function ConfirmButton({ children, className, disabled, ask, title, description, confirmLabel, onConfirm }: Props) {
  const button = (
    <button type="button" className={className} disabled={disabled} onClick={ask ? undefined : onConfirm}>
      {children}
    </button>
  );
  if (!ask) return button;
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>{button}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" role="alertdialog">
          <Dialog.Title>{title}</Dialog.Title>
          <Dialog.Description>{description}</Dialog.Description>
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button autoFocus>Cancel</button>
            </Dialog.Close>
            <Dialog.Close asChild>
              <button className="primary" onClick={onConfirm}>
                {confirmLabel}
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
