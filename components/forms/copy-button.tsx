"use client";
import { useState } from "react";

/** Copies a secret shown once (a temporary password) to the clipboard. */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  return (
    <>
      <button
        type="button"
        onClick={() =>
          navigator.clipboard
            .writeText(text)
            .then(() => setCopied("yes"))
            .catch(() => setCopied("no"))
        }
      >
        {label}
      </button>
      <span role="status" className="muted small">
        {copied === "yes" ? "Copied" : copied === "no" ? "Copy failed: select the text and copy it by hand" : ""}
      </span>
    </>
  );
}
