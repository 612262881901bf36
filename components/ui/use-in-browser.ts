"use client";
/**
 * False during the server render and hydration, true after: for work that
 * grows with the document (slicing span texts, grouping review candidates)
 * and must not run while the server renders the page.
 */
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function useInBrowser(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
