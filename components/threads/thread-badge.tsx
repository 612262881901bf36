"use client";
/** The count of discussion threads on a span, in the span list (nothing when it has none). */
import { useThreadCounts } from "./thread-counts";

export function ThreadBadge({ spanId }: { spanId: string }) {
  const c = useThreadCounts((s) => s.bySpan[spanId]);
  if (!c) return null;
  const title = `${c.threads} discussion thread${c.threads === 1 ? "" : "s"}${c.open ? `, ${c.open} open` : ", all resolved"}`;
  return (
    <span className={`thread-badge${c.open ? " open" : ""}`} title={title} aria-label={title} data-testid="thread-badge">
      💬 {c.threads}
    </span>
  );
}
