"use client";
/**
 * On the review page, beside each candidate span: one "Discuss" button per
 * annotator who has it, so the reviewer starts a thread on that annotator's
 * span (which the annotator sees), not on gold (which they do not).
 */
import type { Candidate } from "@/lib/review/candidates";
import { useDiscussion } from "./discuss-target";

export function DiscussButtons({ candidate: c, names }: { candidate: Candidate; names: ReadonlyMap<string, string> }) {
  const pick = useDiscussion((s) => s.pick);
  return (
    <div className="discuss-buttons small">
      {c.support.map((s) => {
        const of = names.get(s.layerId) ?? "an annotator";
        return (
          <button
            key={s.annotationId}
            type="button"
            className="link-button small"
            onClick={(e) => {
              e.stopPropagation();
              pick({ id: s.annotationId, text: c.text, label: c.label, of });
            }}
            aria-label={`Discuss ${c.label} “${c.text}” with ${of}`}
          >
            Discuss with {of}
          </button>
        );
      })}
    </div>
  );
}
