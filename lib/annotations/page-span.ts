/**
 * An annotation as a page hands it to the browser: what the workbench draws
 * and edits, nothing it can derive. Its text is a slice of the document the
 * page sends anyway, so it is not sent again: on a long report with thousands
 * of spans per layer the full view (ids, timestamps, text) made the page
 * several times the size of its text.
 */
export type PageSpan = { id: string; start: number; end: number; label: string; version: number };
