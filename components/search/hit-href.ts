/** Where a search hit opens: the document page at the passage (the workbench scrolls to and marks `at`). */
export function hitHref(hit: { document: { id: string }; start: number | null; end: number | null }): string {
  const path = `/documents/${encodeURIComponent(hit.document.id)}`;
  return hit.start === null || hit.end === null ? path : `${path}?at=${hit.start}-${hit.end}`;
}
