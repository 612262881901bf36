"use client";
/** The hits of a search, the first page from the server render, and "More results" asking the API for the next. */
import { useState } from "react";
import type { SearchHit, SearchPage } from "@/lib/search/search-corpus";
import { requestJson } from "@/components/api/client";
import { SearchHitItem } from "./search-hit";

export function SearchResults({ initial, q, project }: { initial: SearchPage; q: string; project: string }) {
  const [items, setItems] = useState<SearchHit[]>(initial.items);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function more() {
    if (!cursor) return;
    setLoading(true);
    setError(null);
    const params = new URLSearchParams({ q, cursor, ...(project ? { project } : {}) });
    const res = await requestJson<SearchPage>(`/api/v1/search?${params}`);
    setLoading(false);
    if (!res.ok) return setError(res.error);
    setItems((prev) => [...prev, ...res.data.items]);
    setCursor(res.data.nextCursor);
  }

  const what = initial.mode === "passages" ? "document" : "span";
  return (
    <section aria-labelledby="search-results-heading">
      <h2 id="search-results-heading" className="search-count" aria-live="polite">
        {items.length === 0 ? `No ${what}s found so far` : `${items.length} ${what}${items.length === 1 ? "" : "s"}${cursor ? " so far" : ""}`}
      </h2>
      {items.length > 0 && (
        <ol className="search-results" data-testid="search-results">
          {items.map((hit) => (
            <SearchHitItem key={`${hit.document.id}:${hit.annotation?.id ?? hit.start ?? "title"}`} hit={hit} />
          ))}
        </ol>
      )}
      {items.length === 0 && cursor && <p className="muted">The first spans searched held no match; there are more to search.</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {cursor && (
        <button type="button" onClick={more} disabled={loading}>
          {loading ? "Searching…" : "More results"}
        </button>
      )}
    </section>
  );
}
