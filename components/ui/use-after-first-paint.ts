"use client";
import { startTransition, useEffect, useState } from "react";

/**
 * False in the first render, true once the browser has painted it: what is
 * shown behind this flag (side panels, lists) does not delay the first frame
 * of what the user came for, and renders in a transition that input can
 * interrupt.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPainted(true)));
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
    };
  }, []);
  return painted;
}
