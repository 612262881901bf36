"use client";
import { useState } from "react";

/**
 * Runs `onChange` during render when `key` differs from the last render's
 * (React's "adjusting some state when a prop changes"), so state that
 * follows a prop is right in the same render instead of one effect later.
 * `onChange` may only set this component's own state.
 */
export function useOnChange<K>(key: K, onChange: () => void) {
  const [seen, setSeen] = useState(key);
  if (!Object.is(seen, key)) {
    setSeen(key);
    onChange();
  }
}
