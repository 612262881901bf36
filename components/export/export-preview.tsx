"use client";
/**
 * What the export would hold with the form's choices — documents, layers,
 * spans, per label — read from the export's own manifest (manifest=only)
 * before anything is downloaded, and a plain warning when it would be empty.
 */
import { useEffect, useState } from "react";
import { requestJson } from "@/components/api/client";

type Counts = { documents: number; layers: number; spans: number; spans_by_label: Record<string, number> };
export type Preview = { state: "loading" } | { state: "ready"; counts: Counts } | { state: "error"; message: string };

/** The counts for an export query string (the form's fields), fetched a moment after the last change. */
export function useExportPreview(query: string): Preview {
  const [preview, setPreview] = useState<Preview>({ state: "loading" });
  useEffect(() => {
    const params = new URLSearchParams(query);
    params.set("format", "native");
    params.set("manifest", "only");
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      setPreview({ state: "loading" });
      // manifest=only answers the manifest itself (the file's first line is {"manifest": …})
      void requestJson<{ counts: Counts }>(`/api/v1/export?${params}`, { signal: ctrl.signal }).then((res) => {
        if (ctrl.signal.aborted) return;
        setPreview(res.ok ? { state: "ready", counts: res.data.counts } : { state: "error", message: res.error });
      });
    }, 250);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [query]);
  return preview;
}

const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

export function ExportPreview({ preview }: { preview: Preview }) {
  if (preview.state === "loading") {
    return (
      <p className="export-preview muted small" role="status" data-testid="export-preview">
        Counting what these choices export…
      </p>
    );
  }
  if (preview.state === "error") {
    return (
      <p className="export-preview error small" role="alert" data-testid="export-preview">
        {preview.message}
      </p>
    );
  }
  const { documents, layers, spans, spans_by_label } = preview.counts;
  if (documents === 0) {
    return (
      <p className="export-preview banner" role="status" data-testid="export-preview">
        <strong>Nothing to export with these choices.</strong> No document has a layer that matches them: gold is there once a reviewer approves a document.
        Choose <em>All layers as they stand</em> or <em>Every annotator&apos;s layer</em> to export work in progress.
      </p>
    );
  }
  const labels = Object.entries(spans_by_label).sort((a, b) => b[1] - a[1]);
  return (
    <p className="export-preview small" role="status" data-testid="export-preview">
      <strong>
        {plural(documents, "document")}, {plural(layers, "layer")}, {plural(spans, "span")}
      </strong>
      {labels.length > 0 && <span className="muted"> · {labels.map(([l, n]) => `${l} ${n.toLocaleString("en")}`).join(", ")}</span>}
    </p>
  );
}
