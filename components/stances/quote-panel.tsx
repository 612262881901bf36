"use client";
/** The "Quote" side panel, shown while a QUOTE span is focused: pick its cue and speaker from this layer's spans. */
import { useEffect, useState } from "react";
import { useWorkbench, useWorkbenchState } from "@/components/workbench/workbench-context";
import type { QuoteLinks } from "@/lib/quotes/quote-links";
import { requestJson } from "@/components/api/client";
import { useOnChange } from "@/components/ui/use-on-change";

export function QuotePanel({ labelKinds }: { labelKinds: Record<string, string> }) {
  const wb = useWorkbench();
  const focused = useWorkbenchState((s) => s.focused);
  const locked = useWorkbenchState((s) => s.locked);
  const annotations = useWorkbenchState((s) => s.annotations);
  const quote = focused && labelKinds[focused.label] === "QUOTE" ? focused : null;
  const [links, setLinks] = useState<QuoteLinks | null>(null);
  const [cueId, setCueId] = useState("");
  const [speakerId, setSpeakerId] = useState("");
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const quoteId = quote && quote.version > 0 ? quote.id : null;

  useOnChange(quoteId, () => {
    setLinks(null);
    setMessage(null);
  });
  useEffect(() => {
    if (!quoteId) return;
    let live = true;
    void requestJson<QuoteLinks>(`/api/v1/annotations/${quoteId}/quote`).then((res) => {
      if (!live) return;
      if (!res.ok) return setMessage({ error: true, text: res.error });
      setLinks(res.data);
      setCueId(res.data.cueId ?? "");
      setSpeakerId(res.data.speakerId ?? "");
    });
    return () => {
      live = false;
    };
  }, [quoteId]);

  if (!quote) return null;
  const cues = annotations.filter((a) => labelKinds[a.label] === "CUE" && a.version > 0);
  const speakers = annotations.filter((a) => labelKinds[a.label] === "ENTITY" && a.version > 0);

  const save = async () => {
    if (!links) return;
    const res = await requestJson<QuoteLinks>(`/api/v1/annotations/${links.annotationId}/quote`, {
      method: "PUT",
      body: { cueId: cueId || null, speakerId: speakerId || null, version: links.version },
    });
    if (!res.ok) return setMessage({ error: true, text: res.error });
    setLinks(res.data);
    setMessage({ error: false, text: "Quote links saved" });
    await wb.catchUp();
  };

  return (
    <section className="quote-panel" aria-labelledby="quote-panel-title" data-testid="quote-panel">
      <h2 id="quote-panel-title">Quote</h2>
      <p className="small evidence-text">“{quote.text}”</p>
      {!quoteId && <p className="muted small">Saving the span…</p>}
      {links && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label>
            Cue
            <select value={cueId} disabled={locked} onChange={(e) => setCueId(e.target.value)}>
              <option value="">— none —</option>
              {cues.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.text}
                </option>
              ))}
            </select>
          </label>
          <label>
            Speaker
            <select value={speakerId} disabled={locked} onChange={(e) => setSpeakerId(e.target.value)}>
              <option value="">— none —</option>
              {speakers.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}: {a.text}
                </option>
              ))}
            </select>
          </label>
          {!locked && (
            <button type="submit" className="button">
              Save quote
            </button>
          )}
        </form>
      )}
      {message && (
        <p className={message.error ? "error small" : "muted small"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      )}
    </section>
  );
}
