"use client";
/**
 * "Next document →" and "Skip →" in the workbench: asks the queue for the
 * caller's next document (passing the current one over when skipping) and
 * opens it; says so when nothing is left.
 */
import { requestJson } from "@/components/api/client";
import { GoOnButton, type GoOn } from "@/components/ui/go-on-button";

type Props = { documentId: string; skip: boolean; label: string; className?: string; autoFocus?: boolean };

export function GoNext({ documentId, skip, label, className, autoFocus }: Props) {
  const find = async (): Promise<GoOn> => {
    const res = await requestJson<{ documentId: string }>("/api/v1/queue/next", { method: "POST", body: { skip: documentId } });
    if (res.ok && res.data.documentId !== documentId) return { href: `/documents/${res.data.documentId}` };
    if (res.ok || res.status === 404) return { note: skip ? "Nothing else in your queue." : "You're all caught up: nothing left in your queue." };
    return { note: res.error };
  };
  return <GoOnButton label={label} className={className} autoFocus={autoFocus} find={find} />;
}
