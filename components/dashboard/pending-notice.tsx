"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { plural } from "./format";

/** While some documents' figures are still being brought up to date: says how many, and reloads the figures every few seconds. */
export function PendingNotice({ documents }: { documents: number }) {
  const router = useRouter();
  useEffect(() => {
    if (documents === 0) return;
    const timer = setTimeout(() => router.refresh(), 3000);
    return () => clearTimeout(timer);
  }, [documents, router]);
  if (documents === 0) return null;
  return (
    <p className="banner" role="status" data-testid="pending-figures">
      Bringing the figures up to date: {plural(documents, "document")} changed since they were last counted and {documents === 1 ? "is" : "are"} not in them
      yet. This page updates by itself.
    </p>
  );
}
