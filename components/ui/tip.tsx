"use client";
/**
 * A tooltip (Radix): shown on hover and on keyboard focus, read by screen
 * readers as the control's description, closed by Esc. Nothing is added
 * when there is nothing to say.
 */
import type { ReactElement, ReactNode } from "react";
import * as Tooltip from "@radix-ui/react-tooltip";

export function Tip({ content, children, side = "right" }: { content: ReactNode; children: ReactElement; side?: "top" | "right" | "bottom" | "left" }) {
  if (!content) return children;
  return (
    <Tooltip.Provider delayDuration={300}>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>{children}</Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content className="tip" side={side} sideOffset={6} collisionPadding={8}>
            {content}
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
    </Tooltip.Provider>
  );
}
