"use client";
/** The search box: a plain GET form to /search (works without scripts); `/` anywhere else on the page focuses it. */
import { useEffect, useRef } from "react";

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement);

export function SearchForm({ q, project, projects }: { q: string; project: string; projects: { id: string; name: string }[] }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <form role="search" action="/search" method="get" className="search-form">
      <div className="search-field">
        <label htmlFor="search-q">
          Search the corpus <kbd>/</kbd>
        </label>
        <input
          ref={input}
          id="search-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={500}
          autoFocus={!q}
          placeholder='Lavrov, "Sergey Lavrov", label:QUOTE annotator:ana@example.org'
          aria-describedby="search-syntax-summary"
          spellCheck={false}
        />
      </div>
      {projects.length > 1 && (
        <div>
          <label htmlFor="search-project">Project</label>
          <select id="search-project" name="project" defaultValue={project}>
            <option value="">All my projects</option>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" className="primary">
        Search
      </button>
    </form>
  );
}
