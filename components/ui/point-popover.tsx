"use client";
/**
 * A small panel at a point of the text (under a selection, at a click), on
 * a Radix popover: placed below the point, or above it when there is no
 * room, always inside the window; Esc closes it from anywhere. It does not
 * take focus when it opens — the keyboard stays in the text, where the
 * shortcuts are — and it is rendered in place, so Tab from the text reaches
 * it next. A press elsewhere leaves it to the page to close.
 */
import { useMemo, type ReactNode } from "react";
import * as Popover from "@radix-ui/react-popover";

export type Point = { x: number; top: number; bottom: number };

export function PointPopover(props: { at: Point; label: string; onDismiss(): void; className?: string; testId?: string; children: ReactNode }) {
  const { at, label, onDismiss } = props;
  const anchor = useMemo(
    () => ({ current: { getBoundingClientRect: () => DOMRect.fromRect({ x: at.x, y: at.top, width: 0, height: at.bottom - at.top }) } }),
    [at.x, at.top, at.bottom],
  );
  return (
    <Popover.Root open onOpenChange={(open) => !open && onDismiss()}>
      <Popover.Anchor virtualRef={anchor} />
      <Popover.Content
        role="group"
        aria-label={label}
        className={props.className}
        data-testid={props.testId}
        side="bottom"
        align="start"
        sideOffset={6}
        collisionPadding={8}
        onOpenAutoFocus={(e) => e.preventDefault()}
        onCloseAutoFocus={(e) => e.preventDefault()}
        onPointerDownOutside={(e) => e.preventDefault()}
        onFocusOutside={(e) => e.preventDefault()}
      >
        {props.children}
      </Popover.Content>
    </Popover.Root>
  );
}
