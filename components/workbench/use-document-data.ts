"use client";
/**
 * The document's text and a page's layer data, fetched by the browser beside
 * the page (the page preloads both URLs, so they arrive while its scripts
 * load): the server renders a small shell instead of serializing the text and
 * thousands of spans into its payload. `reload` fetches the layer data again
 * (after another layer changed); the text never changes after import.
 */
import { useCallback, useEffect, useState } from "react";
import { documentTextUrl } from "./data-urls";
import { errorOf, fetchJson, UNREACHABLE } from "@/components/api/client";

type Loaded<T> = { text: string | null; data: T | null; error: string | null };

// The text is plain UTF-8, not JSON: read as text, failures read like every other answer.
async function fetchText(url: string): Promise<string> {
  const res = await fetch(url).catch(() => null);
  if (!res) throw new Error(UNREACHABLE);
  if (!res.ok) throw new Error((await errorOf(res)).message);
  return res.text();
}

export function useDocumentData<T>(documentId: string, dataUrl: string) {
  const [state, setState] = useState<Loaded<T>>({ text: null, data: null, error: null });

  const fetchData = useCallback(() => fetchJson<T>(dataUrl), [dataUrl]);

  useEffect(() => {
    let live = true;
    const failed = (err: unknown) => live && setState((s) => ({ ...s, error: (err as Error).message || "Cannot reach the server" }));
    Promise.all([fetchText(documentTextUrl(documentId)), fetchData()])
      .then(([text, data]) => live && setState({ text, data, error: null }))
      .catch(failed);
    return () => {
      live = false;
    };
  }, [documentId, fetchData]);

  const reload = useCallback(() => {
    fetchData()
      .then((data) => setState((s) => ({ ...s, data })))
      .catch(() => undefined); // the data on screen stays; the next change event tries again
  }, [fetchData]);

  return { ...state, reload };
}
