"use client";
/** "Syndication": passages this document shares with others, marked in the text, and copying a span onto the other copies. */
import Link from "next/link";
import { useMemo, useState } from "react";
import { useMarks, useWorkbenchState, type Mark } from "@/components/workbench/workbench-context";
import { VirtualList } from "@/components/ui/virtual-list";
import type { DocumentPassage } from "@/lib/syndication/corpus";
import { requestJson } from "@/components/api/client";

const snippet = (s: string, n = 90) => (Array.from(s).length > n ? Array.from(s).slice(0, n).join("") + "…" : s);

/** `status` stands in for the list while the passages are being found, or when they could not be. */
export function SyndicationPanel({ passages, status = null }: { passages: DocumentPassage[]; status?: string | null }) {
  const focused = useWorkbenchState((s) => s.focused);
  const locked = useWorkbenchState((s) => s.locked);
  const activeMark = useWorkbenchState((s) => s.activeMark);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const marks = useMemo<Mark[]>(
    () =>
      passages.map((p, i) => ({
        id: String(i),
        start: p.start,
        end: p.end,
        className: "synd-mark",
        title: `Also in ${p.copies.map((c) => c.title).join("; ")}`,
      })),
    [passages],
  );
  useMarks("syndication", marks);
  const passage = focused ? passages.find((p) => p.start <= focused.start && focused.end <= p.end) : undefined;
  const active = activeMark?.key === "syndication" ? Number(activeMark.id) : -1;

  async function copy() {
    if (!focused) return;
    setBusy(true);
    setResult(null);
    const res = await requestJson<{ copies: { title: string; created: boolean; error?: string }[] }>(`/api/v1/annotations/${focused.id}/copy-to-syndicated`, {
      method: "POST",
      body: {},
    });
    setBusy(false);
    if (!res.ok) return setResult({ ok: false, text: res.error });
    const { copies } = res.data;
    const made = copies.filter((c) => c.created).map((c) => c.title);
    const there = copies.filter((c) => !c.created && !c.error).map((c) => c.title);
    const failed = copies.filter((c) => c.error).map((c) => `${c.title}: ${c.error}`);
    setResult({
      ok: failed.length === 0,
      text: [
        made.length && `Copied to ${made.join("; ")}.`,
        there.length && `Already in ${there.join("; ")}.`,
        failed.length && `Not copied — ${failed.join("; ")}`,
      ]
        .filter(Boolean)
        .join(" "),
    });
  }

  return (
    <section className="panel synd-panel" aria-labelledby="synd-h">
      <h2 id="synd-h">
        Syndication <span className="count">{passages.length}</span>
      </h2>
      {status ? (
        <p className="muted small" role="status">
          {status}
        </p>
      ) : passages.length === 0 ? (
        <p className="muted small">No passage of this document appears in other documents of the project.</p>
      ) : (
        <VirtualList
          items={passages}
          itemKey={(p) => `${p.start}:${p.end}`}
          className="synd-list"
          data-testid="syndication-list"
          aria-label="Passages shared with other documents"
          estimateHeight={44}
          maxHeight="30vh"
          renderItem={(p) => (
            <div className={p === passages[active] ? "synd-item active" : "synd-item"}>
              <span className="synd-snippet">“{snippet(p.text)}”</span>
              {p.copies.map((c) => (
                <Link key={c.documentId} href={`/documents/${c.documentId}`} className="small">
                  also in {c.title}
                </Link>
              ))}
            </div>
          )}
        />
      )}
      {focused && passage && (
        <div className="synd-copy">
          <button type="button" disabled={busy || focused.version === 0 || locked} onClick={() => void copy()}>
            {busy ? "Copying…" : `Copy to ${passage.copies.length} syndicated ${passage.copies.length === 1 ? "copy" : "copies"}`}
          </button>
          {result && (
            <p className={result.ok ? "muted small" : "error small"} role="status">
              {result.text}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
