"use client";
/**
 * A "go on" button (Next document, Skip, Next review): `find` says where to go
 * or why there is nowhere; with `autoFocus` it takes the focus once the page
 * around it has settled (a submit or an approval re-renders the panel).
 */
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";

export type GoOn = { href: string } | { note: string };

export function GoOnButton({ label, className, autoFocus, find }: { label: string; className?: string; autoFocus?: boolean; find: () => Promise<GoOn> }) {
  const router = useRouter();
  const button = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    if (!autoFocus) return;
    const frame = requestAnimationFrame(() => button.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [autoFocus]);
  const go = async () => {
    setBusy(true);
    setNote(null);
    const where = await find();
    setBusy(false);
    if ("href" in where) router.push(where.href);
    else setNote(where.note);
  };
  return (
    <span className="go-next">
      <button className={className} disabled={busy} onClick={go} ref={button}>
        {busy ? "Finding…" : label}
      </button>
      {note && (
        <span className="small muted" role="status">
          {note}
        </span>
      )}
    </span>
  );
}
