/** What a thread is about, in words: the span and its label, a stance, a grade, or the whole document. */
import type { ThreadAnchorView } from "@/lib/threads/thread-view";

export function anchorText(a: ThreadAnchorView): string {
  switch (a.kind) {
    case "document":
      return "The whole document";
    case "span":
      return `“${a.text ?? ""}” · ${a.label ?? "span"}`;
    case "stance":
      return `Stance: ${a.holder ?? "?"} → ${a.target ?? "?"} (${(a.polarity ?? "").toLowerCase()})`;
    case "grade":
      return `Grade ${a.reliability ?? ""}${a.credibility ?? ""} of “${a.text ?? ""}”`;
  }
}

export const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
