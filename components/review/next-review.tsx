"use client";
/** "Next review →": the oldest document still waiting for review, other than this one; says so when none is left. */
import { requestJson } from "@/components/api/client";
import { GoOnButton, type GoOn } from "@/components/ui/go-on-button";

export function NextReview({ documentId, autoFocus }: { documentId: string; autoFocus?: boolean }) {
  const find = async (): Promise<GoOn> => {
    const res = await requestJson<{ items: { id: string }[] }>("/api/v1/review/queue?state=waiting&limit=2");
    if (!res.ok) return { note: res.error };
    const next = res.data.items.find((d) => d.id !== documentId);
    return next ? { href: `/review/${next.id}` } : { note: "No other document is waiting for review." };
  };
  return <GoOnButton label="Next review →" className="primary" autoFocus={autoFocus} find={find} />;
}
