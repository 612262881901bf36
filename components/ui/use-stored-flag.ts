"use client";
import { useCallback, useState } from "react";

/** A yes/no preference kept in this browser (localStorage), for views that render in the browser only. */
export function useStoredFlag(key: string, initial: boolean): [boolean, (next: boolean | ((v: boolean) => boolean)) => void] {
  const [value, setValue] = useState(() => {
    const stored = typeof localStorage === "undefined" ? null : localStorage.getItem(key);
    return stored === null ? initial : stored === "1";
  });
  const set = useCallback(
    (next: boolean | ((v: boolean) => boolean)) =>
      setValue((v) => {
        const n = typeof next === "function" ? next(v) : next;
        try {
          localStorage.setItem(key, n ? "1" : "0");
        } catch {
          // private mode or full storage: the preference lasts this visit
        }
        return n;
      }),
    [key],
  );
  return [value, set];
}
